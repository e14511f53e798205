// Allowed: another rule beside it. Not allowed: server code (a shared rule must run in the browser too).
import { betaApi } from '../server/modules/beta/api.ts';
import { digitsOnly } from './digits.ts';

export const isPostcode = (text: string): boolean => digitsOnly(text) && text.length === 6 && betaApi === 'beta';
