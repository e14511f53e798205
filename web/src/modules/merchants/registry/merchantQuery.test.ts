import { describe, expect, it } from 'vitest';
import { filtersOf } from './MerchantFilterForm.tsx';
import { readMerchantQuery, writeMerchantQuery } from './merchantQuery.ts';

describe('the registry list in the URL', () => {
  it('reads what it can use, drops the rest, and writes back the same query', () => {
    const query = readMerchantQuery(
      new URLSearchParams(
        'township=430225100&kind=catering&riskGrade=E&status=open&supervised=true&marketStall=false&schoolSurroundings=maybe&q=%20米粉%20&page=2&pageSize=999',
      ),
    );
    expect(query).toEqual({
      filters: {
        township: '430225100',
        kind: 'catering',
        status: 'open',
        supervised: true,
        marketStall: false,
        q: '米粉',
      },
      page: 2,
      pageSize: 20,
    });
    expect(readMerchantQuery(writeMerchantQuery(query))).toEqual(query);
  });

  it('keeps a township or a village, not the county or a bad code', () => {
    expect(readMerchantQuery(new URLSearchParams('township=430225100200')).filters.township).toBe('430225100200');
    expect(readMerchantQuery(new URLSearchParams('township=430225')).filters.township).toBeUndefined();
    expect(readMerchantQuery(new URLSearchParams('township=43022510x')).filters.township).toBeUndefined();
  });

  it('cuts a search to the 50 characters the server takes', () => {
    expect(readMerchantQuery(new URLSearchParams(`q=${'米'.repeat(60)}`)).filters.q).toHaveLength(50);
  });

  it('the first page at the default size leaves the URL empty', () => {
    expect(writeMerchantQuery({ filters: {}, page: 1, pageSize: 20 }).toString()).toBe('');
  });
});

describe('the filter form', () => {
  it('turns yes/no choices into flags, leaves "any" out, and takes the county as no place filter', () => {
    expect(filtersOf({ q: '  ', township: '430225', supervised: 'yes', marketStall: 'no', kind: 'food_sale' })).toEqual(
      {
        supervised: true,
        marketStall: false,
        kind: 'food_sale',
      },
    );
    expect(filtersOf({ township: '430225100' })).toEqual({ township: '430225100' });
  });
});
