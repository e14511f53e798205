// A pgbench script of the same statements one intake sends, in the same order and transaction shape, with the
// captured values inlined as literals except those that must differ per intake (unique keys, the new case's id
// and number, the staged photo it consumes, the audit chain position it takes). Those come from the statements'
// own results through pgbench's \gset, as the server carries them from one statement to the next.
import type { CapturedStatement } from './capture-statements.ts';

/** A statement whose text starts like this, and the parameters to pick out of it. */
const find = (statements: CapturedStatement[], start: RegExp): CapturedStatement => {
  const found = statements.find((s) => start.test(s.text.trim()));
  if (!found) throw new Error(`the captured intake has no statement like ${start}`);
  return found;
};

/**
 * A value as an SQL literal. pgbench reads `:word` anywhere in a command as a variable, so a value with a colon
 * (a scope like cases.report:<user id>) is written as an escape string with the colon as \x3a.
 */
const literal = (value: string | null) => {
  if (value === null) return 'NULL';
  const quoted = value.replace(/'/g, "''");
  return value.includes(':') ? `E'${quoted.replace(/\\/g, '\\\\').replace(/:/g, '\\x3a')}'` : `'${quoted}'`;
};

/** 64 hex characters, as the server's SHA-256 hashes (computed in Node there; in SQL here). */
const randomHash = '(md5(random()::text) || md5(random()::text))';
const caseNoOf = (prefix: string) => `('${prefix}' || lpad(:new_id::text, 8, '0'))`;

/** An insert into `table` among the statements (alone or as one WITH of a larger one): its values by column. */
function insertOf(statements: CapturedStatement[], table: string) {
  const start = `insert into "${table}" (`;
  const statement = statements.find((s) => s.text.includes(start));
  if (!statement) throw new Error(`the captured intake inserts nothing into ${table}`);
  const from = statement.text.indexOf(start) + start.length - 1;
  const columns = bracketed(statement.text, from).map((c) => c.replace(/"/g, ''));
  const valuesAt = statement.text.indexOf('values (', from) + 'values '.length;
  const values = bracketed(statement.text, valuesAt);
  const param = (column: string): number => {
    const value = values[columns.indexOf(column)];
    const n = value && /^\$(\d+)$/.exec(value);
    if (!n) throw new Error(`the insert into ${table} gives ${column} no parameter`);
    return Number(n[1]);
  };
  return { statement, param, value: (column: string) => statement.params[param(column) - 1] as string };
}

/** The comma-separated items of the bracket opening at `open`, split only at its own depth. */
function bracketed(text: string, open: number): string[] {
  const items: string[] = [];
  let depth = 0;
  let item = '';
  for (let i = open; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '(' && depth++ === 0) continue;
    if (c === ')' && --depth === 0) return [...items, item.trim()];
    if (c === ',' && depth === 1) {
      items.push(item.trim());
      item = '';
    } else item += c;
  }
  throw new Error(`unbalanced brackets in ${text.slice(open, open + 80)}…`);
}

export interface SameStatementScript {
  script: string;
  /** Statements per intake (BEGIN and COMMIT included). */
  statements: number;
  /** Values replaced per transaction, and by what. */
  varied: Record<string, string>;
}

/**
 * Builds the script. `stagedUploadSql` selects one staged upload not taken by another transaction (the server
 * names the one the phone uploaded; pgbench takes the next free copy).
 */
export function sameStatementScript(statements: CapturedStatement[], templateUploadId: string): SameStatementScript {
  // The case insert draws the id and makes the number itself (RETURNING id, case_no): the statements after it
  // carry them, as the timeline entry's case_id and the outbox event's object id.
  const insertCase = insertOf(statements, 'cases_case');
  const caseId = insertOf(statements, 'cases_event').value('case_id');
  const caseNo = insertOf(statements, 'outbox_event').value('object_id');
  const tracking = insertCase.value('tracking_token_hash');
  const prefix = caseNo.slice(0, caseNo.length - 8);
  const key = insertOf(statements, 'idempotency_record').value('key');
  const audit = insertOf(statements, 'audit_event');
  const head = find(statements, /^with head as \(select chain, last_seq, last_hash from audit_chain_head/);
  const photos = find(statements, /^with wanted as \(/);

  const everywhere = new Map<string, string>([
    [caseId, ':new_id'],
    [caseNo, caseNoOf(prefix)],
    [tracking, randomHash],
    // The idempotency check runs before the case id is taken: a random number drawn at the script's start.
    [key, "('pgbench-' || :intake::text)"],
  ]);
  const freeUpload = `array[(select id from cases_photo_upload where id <> '${templateUploadId}' limit 1 for update skip locked)]`;
  // The audit row's position in the chain and its fresh ids and hash; then the head's move to it.
  const headMove =
    /update audit_chain_head set last_seq = \$(\d+), last_hash = \$(\d+) where region_code = \$\d+ and chain = \$(\d+)/.exec(
      audit.statement.text.replace(/\s+/g, ' '),
    );
  if (!headMove) throw new Error('the audit append no longer moves its chain head in the same statement');
  const auditValues: Record<number, string> = {
    [audit.param('seq')]: ':audit_seq',
    [audit.param('id')]: 'gen_random_uuid()',
    [audit.param('request_id')]: 'gen_random_uuid()',
    [audit.param('chain')]: ':audit_chain',
    [audit.param('prev_seq')]: ':audit_last_seq',
    [audit.param('prev_hash')]: ':audit_last_hash',
    [audit.param('hash')]: randomHash,
    [Number(headMove[1])]: ':audit_seq',
    [Number(headMove[2])]: randomHash,
    [Number(headMove[3])]: ':audit_chain',
  };
  const lines = statements.map((s) => {
    const valueAt = (i: number): string => {
      if (s === audit.statement && auditValues[i]) return auditValues[i] as string;
      if (s === photos && i === 1) return freeUpload;
      const value = s.params[i - 1] ?? null;
      return value !== null && everywhere.has(value) ? (everywhere.get(value) as string) : literal(value);
    };
    const sql = s.text
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/\$(\d+)/g, (_, n: string) => valueAt(Number(n)));
    if (s === insertCase.statement) return `${sql} \\gset new_`;
    if (s === head) return `${sql} \\gset audit_`;
    return `${sql};`;
  });
  return {
    script: `\\set intake random(1, 9000000000000000000)\n${lines.join('\n')}\n`,
    statements: statements.length,
    varied: {
      'case id': 'nextval of the case sequence in the case insert, returned (\\gset), as the server takes it',
      'case number, outbox and audit object': `'${prefix}' || lpad(case id, 8, '0')`,
      'tracking token hash, audit hash': 'two md5(random()) (64 hex characters)',
      'idempotency key': "'pgbench-' || a random 63-bit number (\\set, drawn before the check)",
      'staged photo': 'the next free staged copy (for update skip locked)',
      'audit seq, chain, prev_seq, prev_hash': 'from the chain head statement (\\gset), as the server carries them',
      'audit id, request id': 'gen_random_uuid()',
    },
  };
}
