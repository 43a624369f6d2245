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
const sample = path.join(dir, 'settings.json');
fs.writeFileSync(sample, JSON.stringify({ permisions: {}, model: 'sonnet', env: { FOO: 1 }, hooks: { Stop: [{ hooks: [{ type: 'command' }] }] } }));
const write = process.stdout.write;
process.stdout.write = () => true;
try {
  await mod.exports.main(['lint', '--no-config', sample]);
} finally {
  process.stdout.write = write;
  process.exitCode = 0;
  fs.rmSync(dir, { recursive: true, force: true });
}
fs.writeFileSync(file + '.cache', script.createCachedData());
