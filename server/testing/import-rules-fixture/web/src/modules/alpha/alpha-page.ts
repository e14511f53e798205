// ✗ web-imports-server, even for a type: server types reach the web through the generated client
export type { BetaApi } from '../../../../server/modules/beta/api.ts';

export const alphaPage = 'alpha';
