import { afterEach, describe, expect, it, vi } from 'vitest';
import { commands } from './commands.ts';
import { runCli } from './run-cli.ts';

/** The command line's parsing, in process (bin/wenming.js runs the same function: see cli.test.ts). */
function captured() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: unknown) => void out.push(String(line)));
  vi.spyOn(console, 'error').mockImplementation((line: unknown) => void err.push(String(line)));
  return { out: () => out.join('\n'), err: () => err.join('\n') };
}

describe('wenming argument parsing', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    [['frob'], /^Unknown command "frob"/],
    [
      ['admin', 'create', '--login', 'x', '--bogus'],
      /Unknown option '--bogus'[\s\S]*Usage: wenming admin create --login ID/,
    ],
    [['serve', '--port', 'eighty'], /--port must be a whole number/],
    [['serve', '--port', '70000'], /--port must be 0–65535/],
    [['serve', 'now'], /takes no arguments/],
    [['migrate', '--force'], /Unknown option '--force'/],
    [['seed', '--scale', 'city'], /--scale must be small or county/],
    [['seed', '--seed', '-1'], /Option '--seed' argument is ambiguous|--seed must be a whole number/],
    [['backup'], /backup needs one file name/],
    [['restore', 'a', 'b'], /restore needs one file name/],
    [['admin', 'delete'], /Usage: wenming admin create/],
    [['audit'], /Usage: wenming audit verify/],
    [['audit', 'purge'], /Usage: wenming audit verify/],
    [['audit', 'purge', '--dir', 'x', '--retention-days', 'half'], /--retention-days must be a whole number/],
    [['keys'], /Usage: wenming keys <new\|add\|rotate\|status>/],
    [['keys', 'shred'], /Usage: wenming keys <new\|add\|rotate\|status>/],
  ])('wenming %j is a usage error (exit code 2)', async (args, message) => {
    const io = captured();
    expect(await runCli(args)).toBe(2);
    expect(io.err()).toMatch(message);
  });

  it('the admin command, called before the old parser refused its options (issue 9), reaches its own checks', async () => {
    const io = captured();
    // A complete call minus the role: the admin command itself answers, not "Unknown option '--login'".
    expect(await runCli(['admin', 'create', '--login', 'liu.ming', '--name', '刘明'])).toBe(2);
    expect(io.err()).toMatch(/^Usage: wenming admin create --login <id>/);
    expect(io.err()).not.toContain('Unknown option');
  });

  it('--help, help and no command list every command; <command> --help shows one', async () => {
    for (const args of [[], ['help'], ['--help'], ['-h']]) {
      const io = captured();
      expect(await runCli(args)).toBe(0);
      for (const command of commands) expect(io.out()).toContain(command.synopsis);
      vi.restoreAllMocks();
    }
    for (const command of commands) {
      const io = captured();
      expect(await runCli([command.name, '--help'])).toBe(0);
      expect(io.out()).toBe(`Usage: wenming ${command.synopsis}\n  ${command.summary}`);
      vi.restoreAllMocks();
    }
  });

  it('serve --demo is judged by the production checks like WENMING_DEMO', async () => {
    const io = captured();
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('DATABASE_URL', 'postgres://wenming@127.0.0.1:5432/wenming');
    vi.stubEnv('WENMING_KEYS', '{}');
    vi.stubEnv('WENMING_PUBLIC_URL', 'https://wenming.example.gov.cn');
    try {
      expect(await runCli(['serve', '--demo'])).toBe(1);
      expect(io.err()).toBe('Demo mode is not allowed with NODE_ENV=production.');
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
