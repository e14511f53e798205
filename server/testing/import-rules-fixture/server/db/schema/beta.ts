export const betaTable = 'beta_item';
export const betaKinds = ['small', 'large'] as const;
