import type { FuzzFixtures } from '../testing/fuzz/fuzz-fixtures.ts';
import { casesFuzzFixtures } from './cases/cases.fuzz.test-support.ts';

/** The modules' fixtures for the OpenAPI fuzz, as `index.ts` lists their manifests (tests only). */
export const moduleFuzzFixtures: readonly FuzzFixtures[] = [casesFuzzFixtures];
