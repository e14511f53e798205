import { describe, expect, it } from 'vitest';
import { assertServedJurisdiction, isServedJurisdiction } from './jurisdiction.ts';

const served = { countyCode: '430225', domains: ['wenming.yanling.gov.cn'] };

describe('jurisdiction_id', () => {
  it.each([undefined, '', '  '])('is optional: %j means this county', (id) => {
    expect(isServedJurisdiction(id, served)).toBe(true);
  });

  it.each(['430225', ' 430225 ', 'wenming.yanling.gov.cn', 'WenMing.Yanling.gov.cn'])(
    'accepts the county code or a served domain: %s',
    (id) => {
      expect(isServedJurisdiction(id, served)).toBe(true);
    },
  );

  it.each(['430224', '43022', '4302251', 'sfgov.org', 'yanling.gov.cn', '430225100'])(
    'refuses another jurisdiction: %s',
    (id) => {
      expect(isServedJurisdiction(id, served)).toBe(false);
      expect(() => assertServedJurisdiction(id, served)).toThrow(
        expect.objectContaining({ status: 404, vars: { what: 'what.open311_jurisdiction' } }),
      );
    },
  );
});
