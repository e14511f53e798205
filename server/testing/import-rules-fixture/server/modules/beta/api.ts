export const betaApi = 'beta';
export type BetaApi = typeof betaApi;
