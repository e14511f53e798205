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
const caseNoOf = (prefix: string) => `('${prefix}' || lpad(:case_id::text, 8, '0'))`;

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
  const insertCase = find(statements, /^insert into "cases_case"/);
  const caseId = insertCase.params[1] as string;
  const caseNo = insertCase.params[2] as string;
  const tracking = insertCase.params[3] as string;
  const prefix = caseNo.slice(0, caseNo.length - 8);
  const idempotency = find(statements, /^insert into "idempotency_record"/);
  const key = idempotency.params[2] as string;
  const audit = find(statements, /^with appended as \(insert into "audit_event"/);
  const head = find(statements, /^with head as \(select chain, last_seq, last_hash from audit_chain_head/);
  const nextCaseId = find(statements, /^select nextval\(pg_get_serial_sequence\('cases_case', 'id'\)\)/);
  const photos = find(statements, /^with wanted as \(/);

  const everywhere = new Map<string, string>([
    [caseId, ':case_id'],
    [caseNo, caseNoOf(prefix)],
    [tracking, randomHash],
    // The idempotency check runs before the case id is taken: a random number drawn at the script's start.
    [key, "('pgbench-' || :intake::text)"],
  ]);
  const freeUpload = `array[(select id from cases_photo_upload where id <> '${templateUploadId}' limit 1 for update skip locked)]`;
  // The audit row: $2 seq, $3 id, $9 request id, $19 chain, $20 prev_seq, $21 prev_hash, $22 hash; then the head's update.
  const auditValues: Record<number, string> = {
    2: ':audit_seq',
    3: 'gen_random_uuid()',
    9: 'gen_random_uuid()',
    19: ':audit_chain',
    20: ':audit_last_seq',
    21: ':audit_last_hash',
    22: randomHash,
    23: ':audit_seq',
    24: randomHash,
    26: ':audit_chain',
  };
  const lines = statements.map((s) => {
    const valueAt = (i: number): string => {
      if (s === audit && auditValues[i]) return auditValues[i] as string;
      if (s === photos && i === 1) return freeUpload;
      const value = s.params[i - 1] ?? null;
      return value !== null && everywhere.has(value) ? (everywhere.get(value) as string) : literal(value);
    };
    const sql = s.text
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/\$(\d+)/g, (_, n: string) => valueAt(Number(n)));
    if (s === nextCaseId) return `${sql.replace(/ as id$/, ' as case_id')} \\gset`;
    if (s === head) return `${sql} \\gset audit_`;
    return `${sql};`;
  });
  return {
    script: `\\set intake random(1, 9000000000000000000)\n${lines.join('\n')}\n`,
    statements: statements.length,
    varied: {
      'case id': 'nextval of the case sequence (\\gset), as the server takes it',
      'case number, outbox and audit object': `'${prefix}' || lpad(case id, 8, '0')`,
      'tracking token hash, audit hash': 'two md5(random()) (64 hex characters)',
      'idempotency key': "'pgbench-' || a random 63-bit number (\\set, drawn before the check)",
      'staged photo': 'the next free staged copy (for update skip locked)',
      'audit seq, chain, prev_seq, prev_hash': 'from the chain head statement (\\gset), as the server carries them',
      'audit id, request id': 'gen_random_uuid()',
    },
  };
}
