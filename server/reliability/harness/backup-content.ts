import fs from 'node:fs';
import readline from 'node:readline';

/**
 * Rows per table in a plain-SQL `pg_dump` file, read from its own COPY blocks: what the backup holds, whatever
 * the database did after the dump's snapshot. Tables are named without the schema (`cases_case`).
 */
export async function rowsInSqlDump(file: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  let table: string | undefined;
  const lines = readline.createInterface({
    input: fs.createReadStream(file, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) {
    if (table === undefined) {
      const copy = /^COPY (?:"?public"?\.)?"?([A-Za-z0-9_]+)"? .* FROM stdin;$/.exec(line);
      if (copy?.[1]) {
        table = copy[1];
        counts[table] = 0;
      }
    } else if (line === '\\.') table = undefined;
    else counts[table] = (counts[table] ?? 0) + 1;
  }
  return counts;
}
