// ✗ no-cycles (with cycle-two.ts)
import { cycleTwo } from './cycle-two.ts';

export const cycleOne = (): string => cycleTwo();
