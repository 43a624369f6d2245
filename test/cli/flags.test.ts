/**
 * The built binary's flags and exit codes, as the README documents them: formats, --output-file,
 * --max-warnings, --quiet, --strict, --scope, --debug, usage errors, --help and --version, the default
 * command, directory discovery, and --fix / --fix-dry-run.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureBuilt, parseJsonReport, ROOT, STACK_FRAME, TempTree, type CliRun } from './run-cli';

const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** One unknown top-level key: a warning, and nothing else. */
const WARNING_ONLY = '{\n  "model": "sonnet",\n  "permisions": {}\n}\n';
/** A value of the wrong type: an error. */
const WITH_ERROR = '{\n  "model": "sonnet",\n  "cleanupPeriodDays": "30"\n}\n';

let tree: TempTree;

beforeAll(() => {
  ensureBuilt();
  tree = new TempTree('flags');
  tree.write('warn/.claude/settings.json', WARNING_ONLY);
  tree.write('error/.claude/settings.json', WITH_ERROR);
}, 300_000);

afterAll(() => tree?.remove());

/** No run prints a stack trace unless --debug, and every run finishes on its own. */
function clean(run: CliRun): CliRun {
  expect(run.signal).toBeNull();
  expect(run.stderr).not.toContain(STACK_FRAME);
  expect(run.stdout).not.toContain(STACK_FRAME);
  return run;
}

const WARN_FILE = 'warn/.claude/settings.json';
const ERROR_FILE = 'error/.claude/settings.json';

describe('--format', () => {
  test('stylish (the default): file, line:column, severity, message, rule id and a summary', () => {
    const run = clean(tree.run(['lint', WARN_FILE]));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(WARN_FILE);
    expect(run.stdout).toMatch(/3:3\s+warning\s+"permisions" is not a Claude Code setting; did you mean "permissions"\?\s+schema\/unknown-key/);
    expect(run.stdout).toMatch(/1 problem \(0 errors, 1 warning\)/);
    expect(run.stdout).not.toMatch(/\u001b\[/); // no colour when stdout is not a terminal
    expect(clean(tree.run(['lint', '--format', 'stylish', WARN_FILE])).stdout).toBe(run.stdout);
  });

  test('json: ESLint result objects', () => {
    const run = clean(tree.run(['lint', '--format', 'json', WARN_FILE, ERROR_FILE]));
    expect(run.status).toBe(1);
    const results = parseJsonReport(run.stdout).sort((a, b) => a.filePath.localeCompare(b.filePath));
    expect(results.map((r) => [r.filePath, r.errorCount, r.warningCount])).toEqual([
      [tree.path(ERROR_FILE), 1, 0],
      [tree.path(WARN_FILE), 0, 1],
    ]);
    expect(results[1]!.messages).toEqual([
      expect.objectContaining({ ruleId: 'schema/unknown-key', severity: 1, line: 3, column: 3, endLine: 3, endColumn: 15 }),
    ]);
    expect(results[0]!.messages).toEqual([expect.objectContaining({ ruleId: 'schema/invalid-type', severity: 2, line: 3 })]);
  });

  test('sarif: 2.1.0 with our version, rule metadata and regions', () => {
    const run = clean(tree.run(['lint', '-f', 'sarif', ERROR_FILE]));
    expect(run.status).toBe(1);
    const sarif = JSON.parse(run.stdout) as {
      version: string;
      runs: Array<{
        tool: { driver: { name: string; version: string; rules: Array<{ id: string }> } };
        results: Array<{ ruleId: string; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }>;
      }>;
    };
    expect(sarif.version).toBe('2.1.0');
    const [runObj] = sarif.runs;
    expect(runObj!.tool.driver).toMatchObject({ name: 'cctier', version: VERSION });
    expect(runObj!.tool.driver.rules.map((r) => r.id)).toContain('schema/invalid-type');
    expect(runObj!.results).toEqual([
      expect.objectContaining({
        ruleId: 'schema/invalid-type',
        level: 'error',
        locations: [expect.objectContaining({ physicalLocation: expect.objectContaining({ region: expect.objectContaining({ startLine: 3 }) }) })],
      }),
    ]);
    expect(runObj!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe(ERROR_FILE);
  });

  test('github: one workflow command per diagnostic', () => {
    const run = clean(tree.run(['lint', '--format', 'github', WARN_FILE, ERROR_FILE]));
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^::warning file=${WARN_FILE.replace(/\./g, '\\.')},line=3,col=3,.*title=schema/unknown-key::"permisions" is not`)),
        expect.stringMatching(new RegExp(`^::error file=${ERROR_FILE.replace(/\./g, '\\.')},line=3,.*title=schema/invalid-type::`)),
      ]),
    );
  });

  test('an unknown format is a usage error: exit 2, naming the choices', () => {
    const run = clean(tree.run(['lint', '--format', 'xml', WARN_FILE]));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('xml');
    expect(run.stderr).toContain('stylish');
  });
});

describe('--output-file', () => {
  test('writes the report (creating parent folders) and prints nothing', () => {
    const run = clean(tree.run(['lint', '--format', 'json', '--output-file', 'reports/deep/er/cctier.json', WARN_FILE, ERROR_FILE]));
    expect(run.status).toBe(1); // the exit code still tells the truth
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('');
    const results = parseJsonReport(tree.read('reports/deep/er/cctier.json'));
    expect(results.map((r) => r.filePath).sort()).toEqual([tree.path(ERROR_FILE), tree.path(WARN_FILE)]);
  });

  test('-o with stylish: plain text, no colour, even when colour is forced', () => {
    const run = clean(tree.run(['-o', 'reports/stylish.txt', WARN_FILE], { env: { FORCE_COLOR: '1', NO_COLOR: undefined } }));
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    const text = tree.read('reports/stylish.txt');
    expect(text).toContain('schema/unknown-key');
    expect(text).not.toMatch(/\u001b\[/);
  });

  test('a place that cannot be written is a usage error (exit 2), not a crash', () => {
    tree.write('reports/blocker', 'a file where a folder is needed\n');
    const run = clean(tree.run(['-o', 'reports/blocker/out.json', WARN_FILE]));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('reports/blocker/out.json');
    expect(run.stderr).not.toMatch(/internal error/i);
  });
});

describe('--max-warnings, --quiet, --strict', () => {
  test('warnings alone exit 0 by default (-1: no limit)', () => {
    expect(clean(tree.run([WARN_FILE])).status).toBe(0);
    expect(clean(tree.run(['--max-warnings', '-1', WARN_FILE])).status).toBe(0);
  });

  test('--max-warnings 0 with one warning: exit 1 and a message saying why', () => {
    const run = clean(tree.run(['--max-warnings', '0', WARN_FILE]));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('too many warnings');
    expect(run.stdout).toContain('schema/unknown-key');
  });

  test('--max-warnings 1 with one warning: exit 0', () => {
    expect(clean(tree.run(['--max-warnings', '1', WARN_FILE])).status).toBe(0);
  });

  test('--max-warnings must be a whole number', () => {
    for (const bad of ['abc', '1.5']) {
      const run = clean(tree.run(['--max-warnings', bad, WARN_FILE]));
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('--max-warnings');
    }
  });

  test('--quiet hides warnings (and they no longer count against --max-warnings) but keeps errors', () => {
    const quiet = clean(tree.run(['--quiet', '--format', 'json', WARN_FILE, ERROR_FILE]));
    expect(quiet.status).toBe(1);
    const results = parseJsonReport(quiet.stdout);
    expect(results.flatMap((r) => r.messages.map((m) => m.ruleId))).toEqual(['schema/invalid-type']);
    const stylish = clean(tree.run(['-q', '--max-warnings', '0', WARN_FILE]));
    expect(stylish.status).toBe(0);
    expect(stylish.stdout).not.toContain('warning');
  });

  test('--strict makes an unknown top-level key an error: exit 1', () => {
    const run = clean(tree.run(['--strict', '--format', 'json', WARN_FILE]));
    expect(run.status).toBe(1);
    expect(parseJsonReport(run.stdout)[0]!.messages).toEqual([expect.objectContaining({ ruleId: 'schema/unknown-key', severity: 2 })]);
  });
});

describe('--scope', () => {
  /** Keys Claude Code honours only in managed settings, and a mode no shared file should set. */
  const SCOPED = '{\n  "allowManagedHooksOnly": true,\n  "permissions": { "defaultMode": "bypassPermissions" }\n}\n';

  function messages(args: string[], file: string): string[] {
    const run = clean(tree.run(['--no-config', '--format', 'json', ...args, file]));
    expect([0, 1]).toContain(run.status);
    return parseJsonReport(run.stdout)[0]!.messages.map((m) => `${m.ruleId} ${m.severity} ${m.line}:${m.column}`);
  }

  test('sets the scope of a file named explicitly, and so what is reported', () => {
    tree.write('scope/team-settings.json', SCOPED);
    const byScope = Object.fromEntries(['project', 'local', 'user', 'managed'].map((s) => [s, messages(['--scope', s], 'scope/team-settings.json')]));
    // With no --scope, a name that says nothing is linted as user settings (a personal copy, a --settings file).
    expect(messages([], 'scope/team-settings.json')).toEqual(byScope.user);
    // A managed-only key and a bypass mode are judged differently in a managed, project and local file.
    expect(new Set(Object.values(byScope).map((m) => m.join('|'))).size).toBeGreaterThan(1);
  });

  test('does not change files found by a directory walk, whose path says their scope', () => {
    tree.write('scope-walk/.claude/settings.local.json', SCOPED);
    expect(messages(['--scope', 'managed'], 'scope-walk')).toEqual(messages([], 'scope-walk/.claude/settings.local.json'));
  });

  test('an unknown scope is a usage error', () => {
    const run = clean(tree.run(['--scope', 'global', WARN_FILE]));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('global');
  });
});

describe('usage, --help, --version, the default command', () => {
  test('an unknown flag: exit 2, a message naming it, no stack', () => {
    const run = clean(tree.run(['lint', '--bogus-flag', WARN_FILE]));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('bogus-flag');
    expect(run.stderr).toContain('--help');
  });

  test('--version prints the package version', () => {
    const run = clean(tree.run(['--version']));
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(VERSION);
  });

  test('--help (and lint --help) list every documented flag and the exit codes', () => {
    for (const args of [['--help'], ['-h'], ['lint', '--help']]) {
      const run = clean(tree.run(args));
      expect(run.status).toBe(0);
      for (const flag of ['--format', '--output-file', '--max-warnings', '--quiet', '--strict', '--scope', '--config', '--fix', '--fix-dry-run', '--debug']) {
        expect(run.stdout).toContain(flag);
      }
    }
    expect(clean(tree.run(['--help'])).stdout).toMatch(/Exit codes/);
  });

  test('`cctier <file>` is `cctier lint <file>`', () => {
    const implicit = clean(tree.run(['--format', 'json', WARN_FILE]));
    const explicit = clean(tree.run(['lint', '--format', 'json', WARN_FILE]));
    expect(implicit.status).toBe(0);
    expect(implicit.stdout).toBe(explicit.stdout);
  });

  test('no path lints the current directory', () => {
    const run = clean(tree.run(['--format', 'json'], { cwd: 'warn' }));
    expect(parseJsonReport(run.stdout).map((r) => r.filePath)).toEqual([tree.path(WARN_FILE)]);
  });
});

describe('--debug', () => {
  /** Loaded with --require: makes writing the report throw, an error cctier does not expect. */
  let preload: string;

  beforeAll(() => {
    preload = tree.write('debug/throw-on-stdout.js', "process.stdout.write = () => { throw new Error('simulated failure'); };\n");
  });

  test('changes nothing on a normal run', () => {
    const plain = clean(tree.run(['--format', 'json', WARN_FILE]));
    const debug = clean(tree.run(['--debug', '--format', 'json', WARN_FILE]));
    expect(debug.status).toBe(plain.status);
    expect(debug.stdout).toBe(plain.stdout);
  });

  test('an internal error: exit 2 and one line without --debug, the stack with it', () => {
    const plain = tree.run([WARN_FILE], { nodeArgs: ['--require', preload] });
    expect(plain.status).toBe(2);
    expect(plain.stderr).toContain('simulated failure');
    expect(plain.stderr).toContain('--debug');
    expect(plain.stderr).not.toContain(STACK_FRAME);

    const debug = tree.run(['--debug', WARN_FILE], { nodeArgs: ['--require', preload] });
    expect(debug.status).toBe(2);
    expect(debug.stderr).toContain('simulated failure');
    expect(debug.stderr).toContain(STACK_FRAME);
  });
});

describe('discovery under a directory', () => {
  let walk: TempTree;
  const SETTINGS = '{ "permisions": {} }\n';
  const FOUND = [
    '.claude/settings.json',
    '.claude/settings.local.json',
    'claude_settings.json',
    'managed-settings.d/10-base.json',
    'managed-settings.d/20-team.json',
    'managed-settings.json',
    'packages/app/.claude/settings.json',
  ];
  const NOT_FOUND = [
    'node_modules/some-pkg/.claude/settings.json',
    'packages/app/node_modules/dep/claude_settings.json',
    '.git/.claude/settings.json',
    'vendor/lib/.claude/settings.json', // ignored by the config below
    'fixtures/managed-settings.json', // ignored by the config below
    'managed-settings.d/.hidden.json',
    'managed-settings.d/readme.txt',
    '.claude/settings.backup.json',
    'settings.json',
    'package-lock.json',
  ];

  beforeAll(() => {
    walk = new TempTree('discovery');
    for (const f of [...FOUND, ...NOT_FOUND]) walk.write(f, SETTINGS);
  });

  afterAll(() => walk?.remove());

  function found(args: string[], cwd?: string): string[] {
    const run = clean(walk.run(['--format', 'json', ...args], cwd ? { cwd } : {}));
    expect([0, 1]).toContain(run.status);
    return parseJsonReport(run.stdout)
      .map((r) => path.relative(walk.root, r.filePath).split(path.sep).join('/'))
      .sort();
  }

  test('finds every settings file name, skipping node_modules and .git', () => {
    const all = found(['--no-config']);
    expect(all).toEqual(
      [...FOUND, 'vendor/lib/.claude/settings.json', 'fixtures/managed-settings.json'].sort(),
    );
  });

  test('honours ignorePatterns from the config, relative to the config file, from any working directory', () => {
    walk.write('.cctierrc.json', JSON.stringify({ ignorePatterns: ['vendor/**', 'fixtures'] }));
    try {
      expect(found([])).toEqual([...FOUND].sort());
      expect(found(['..'], 'packages')).toEqual([...FOUND].sort());
      expect(found([], 'packages')).toEqual(['packages/app/.claude/settings.json']);
    } finally {
      fs.rmSync(walk.path('.cctierrc.json'));
    }
  });

  test('a file named explicitly is linted whatever its name', () => {
    expect(found(['--no-config', 'settings.json', '.claude/settings.backup.json'])).toEqual(['.claude/settings.backup.json', 'settings.json']);
  });
});

describe('--fix and --fix-dry-run', () => {
  const TRAILING = '{\n  "model": "sonnet",\n  "permissions": {\n    "allow": ["Bash(npm test)",],\n  },\n}\n';
  const FIXED = '{\n  "model": "sonnet",\n  "permissions": {\n    "allow": ["Bash(npm test)"]\n  }\n}\n';

  function leftovers(dir: string): string[] {
    return fs.readdirSync(tree.path(dir)).filter((n) => n.endsWith('.tmp'));
  }

  test('--fix-dry-run writes nothing and shows the change', () => {
    const file = tree.write('fix-dry/.claude/settings.json', TRAILING);
    const before = fs.statSync(file);
    const run = clean(tree.run(['--fix-dry-run', 'fix-dry/.claude/settings.json']));
    expect(run.status).toBe(0); // nothing would remain
    expect(run.stdout).toContain('-    "allow": ["Bash(npm test)",],');
    expect(run.stdout).toContain('+    "allow": ["Bash(npm test)"]');
    expect(tree.read('fix-dry/.claude/settings.json')).toBe(TRAILING);
    expect(fs.statSync(file).mtimeMs).toBe(before.mtimeMs);

    const json = clean(tree.run(['--fix-dry-run', '--format', 'json', 'fix-dry/.claude/settings.json']));
    expect(parseJsonReport(json.stdout)[0]!.output).toBe(FIXED);
    // With --fix as well, the dry run still wins.
    clean(tree.run(['--fix', '--fix-dry-run', 'fix-dry/.claude/settings.json']));
    expect(tree.read('fix-dry/.claude/settings.json')).toBe(TRAILING);
  });

  test('--fix-dry-run with --output-file puts the diff in the file, not on stdout', () => {
    tree.write('fix-dry-out/.claude/settings.json', TRAILING);
    const run = clean(tree.run(['--fix-dry-run', '-o', 'fix-dry-out/report.txt', 'fix-dry-out/.claude/settings.json']));
    expect(run.stdout).toBe('');
    expect(tree.read('fix-dry-out/report.txt')).toContain('+    "allow": ["Bash(npm test)"]');
    expect(tree.read('fix-dry-out/.claude/settings.json')).toBe(TRAILING);
  });

  test('--fix writes the fixed text by an atomic rename, and a second pass finds nothing', () => {
    const file = tree.write('fix/.claude/settings.json', TRAILING);
    const inode = fs.statSync(file).ino;
    const run = clean(tree.run(['--fix', '--format', 'json', 'fix/.claude/settings.json']));
    expect(run.status).toBe(0);
    expect(parseJsonReport(run.stdout)[0]!.messages).toEqual([]);
    expect(tree.read('fix/.claude/settings.json')).toBe(FIXED);
    expect(fs.statSync(file).ino).not.toBe(inode); // a new file renamed over the old one
    expect(leftovers('fix/.claude')).toEqual([]);

    const mtime = fs.statSync(file).mtimeMs;
    const again = clean(tree.run(['--fix', 'fix/.claude/settings.json']));
    expect(again.status).toBe(0);
    expect(again.stdout).toBe('');
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
  });

  test('--fix leaves a file that does not parse byte for byte as it was', () => {
    const TRUNCATED = '{\n  "model": "son';
    const file = tree.write('fix-broken/.claude/settings.json', TRUNCATED);
    const before = fs.statSync(file);
    const run = clean(tree.run(['--fix', 'fix-broken/.claude/settings.json']));
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('json/syntax');
    expect(tree.read('fix-broken/.claude/settings.json')).toBe(TRUNCATED);
    expect(fs.statSync(file).mtimeMs).toBe(before.mtimeMs);
    expect(fs.statSync(file).ino).toBe(before.ino);
  });

  test('--fix through a symbolic link fixes the file it points at and keeps the link', () => {
    tree.write('fix-link/dotfiles/settings.json', TRAILING);
    fs.mkdirSync(tree.path('fix-link/.claude'), { recursive: true });
    fs.symlinkSync('../dotfiles/settings.json', tree.path('fix-link/.claude/settings.json'));
    const run = clean(tree.run(['--fix', 'fix-link/.claude/settings.json']));
    expect(run.status).toBe(0);
    expect(fs.lstatSync(tree.path('fix-link/.claude/settings.json')).isSymbolicLink()).toBe(true);
    expect(tree.read('fix-link/dotfiles/settings.json')).toBe(FIXED);
  });

  test('--fix keeps the file mode (a 0600 settings.local.json must not become world-readable)', () => {
    const file = tree.write('fix-mode/.claude/settings.local.json', TRAILING);
    fs.chmodSync(file, 0o600);
    clean(tree.run(['--fix', 'fix-mode/.claude/settings.local.json']));
    expect(tree.read('fix-mode/.claude/settings.local.json')).toBe(FIXED);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  test('--fix never touches a file that still does not parse (a trailing comma in a truncated file)', () => {
    const BROKEN = '{\n  "model": "sonnet",\n  "allow": [1,],\n  "x": \n';
    tree.write('fix-partial/.claude/settings.json', BROKEN);
    const run = clean(tree.run(['--fix', 'fix-partial/.claude/settings.json']));
    expect(run.status).toBe(1);
    expect(tree.read('fix-partial/.claude/settings.json')).toBe(BROKEN);
  });
});
