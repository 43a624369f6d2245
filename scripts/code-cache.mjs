// Writes dist/cli/cctier.js.cache: V8's code cache for the bundled CLI, taken after a real lint run so the
// functions a lint needs are in it. bin/cctier.js hands it to V8; V8 ignores it if Node changed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import Module from 'node:module';

const root = path.resolve(import.meta.dirname, '..');
const file = path.join(root, 'dist', 'cli', 'cctier.js');
const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file });
const mod = { exports: {} };
script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cctier-cache-'));
// A sample that walks most rules (permissions, hooks, env, models, sandbox, a typo), linted as a named
// file and found by a directory walk, so the functions an ordinary run needs are compiled into the cache.
const sample = path.join(dir, '.claude', 'settings.json');
fs.mkdirSync(path.dirname(sample), { recursive: true });
fs.writeFileSync(
  sample,
  JSON.stringify(
    {
      $schema: 'https://unpkg.com/cctier/schemas/claude-code-settings.schema.json',
      permisions: {},
      model: 'sonnet',
      env: { FOO: 1, ANTHROPIC_MODEL: 'opus-4.5', BASH_DEFAULT_TIMEOUT_MS: '1000' },
      permissions: {
        allow: ['Bash(npm run test:*)', 'Read(./src/**)', 'WebFetch(domain:example.com)'],
        deny: ['Read(./.env)', 'Bash(rm *)'],
        ask: ['Bash(git push *)'],
        defaultMode: 'acceptEdits',
      },
      hooks: {
        PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: 'echo hi', timeout: 30 }] }],
        Stop: [{ hooks: [{ type: 'command' }] }],
      },
      sandbox: { enabled: true },
      includeCoAuthoredBy: false,
    },
    null,
    2,
  ),
);
const write = process.stdout.write;
process.stdout.write = () => true;
try {
  await mod.exports.main(['lint', '--no-config', sample]);
  await mod.exports.main(['lint', dir]);
} finally {
  process.stdout.write = write;
  process.exitCode = 0;
  fs.rmSync(dir, { recursive: true, force: true });
}
fs.writeFileSync(file + '.cache', script.createCachedData());
