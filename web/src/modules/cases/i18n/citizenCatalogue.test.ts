import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { zh as shellZh } from '../../../app/i18n/zh.ts';
import { citizenCatalogue } from './citizenCatalogue.ts';
import { casesZh } from './zh.ts';

const citizenFolder = path.resolve(import.meta.dirname, '..', 'citizen');

/** Every message key written out in the residents' pages' code (keys built from data are checked by type). */
function keysUsedByCitizenPages(): string[] {
  const sources = readdirSync(citizenFolder)
    .filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name))
    .map((name) => readFileSync(path.join(citizenFolder, name), 'utf8'));
  const keys = sources.flatMap((source) => [...source.matchAll(/'((?:citizen|cases)\.[\w.]+)'/g)].map((m) => m[1]));
  return [...new Set(keys)].filter((key): key is string => key !== undefined).sort();
}

describe("the residents' catalogue", () => {
  it('carries every string the residents’ pages name, in both languages', () => {
    const used = keysUsedByCitizenPages();
    expect(used.length).toBeGreaterThan(50);
    const missing = used.filter((key) => !(key in citizenCatalogue.zh) && !(key in shellZh));
    expect(missing).toEqual([]);
    expect(Object.keys(citizenCatalogue.en).sort()).toEqual(Object.keys(citizenCatalogue.zh).sort());
  });

  it('carries none of the staff pages’ strings, which the staff manifest still has with it', () => {
    const staffOnly = Object.keys(citizenCatalogue.zh).filter(
      (key) => !key.startsWith('citizen.') && !key.startsWith('cases.upload.'),
    );
    expect(staffOnly).toEqual([]);
    for (const key of Object.keys(citizenCatalogue.zh)) expect(casesZh).toHaveProperty([key]);
    expect(Object.keys(casesZh).length).toBeGreaterThan(Object.keys(citizenCatalogue.zh).length * 2);
  });
});
