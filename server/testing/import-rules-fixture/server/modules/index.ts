export const moduleList = ['alpha', 'beta'];
