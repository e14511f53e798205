import { customType } from 'drizzle-orm/pg-core';

/**
 * A 行政区划代码 (2–12 digits). Stored with the "C" collation on both engines so that
 * `LIKE '430225%'` subtree filters use a plain btree index whatever the database's default collation is
 * (server PostgreSQL is often C.UTF-8 or en_US.UTF-8, PGlite is C).
 */
export const regionCode = customType<{ data: string; driverData: string }>({
  dataType() {
    return 'text COLLATE "C"';
  },
});
