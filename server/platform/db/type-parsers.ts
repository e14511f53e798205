// Both engines must hand rows back with the same JS types, or code that passes on PGlite breaks on PostgreSQL.
// int8 (counts, sums) → number: our counts stay far below 2^53. date → 'YYYY-MM-DD' string: a calendar date
// is not an instant, and pg would otherwise build a Date at local midnight. numeric → string: exact decimals.
export const OID = { int8: 20, date: 1082, timestamp: 1114, timestamptz: 1184, numeric: 1700 } as const;

export const parseInt8 = (value: string): number => Number(value);
export const keepText = (value: string): string => value;

export const sharedParsers: Record<number, (value: string) => unknown> = {
  [OID.int8]: parseInt8,
  [OID.date]: keepText,
  [OID.numeric]: keepText,
};
