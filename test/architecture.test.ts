/** STYLE.md's one-way imports: cli -> commands -> formatters -> core, and only the CLI touches yargs or exits. */

import * as fs from 'node:fs';
import * as path from 'node:path';

const SRC = path.join(__dirname, '..', 'src');
const LAYERS = ['cli', 'commands', 'formatters', 'core'] as const;

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function layerOf(file: string): (typeof LAYERS)[number] {
  return path.relative(SRC, file).split(path.sep)[0] as (typeof LAYERS)[number];
}

const SOURCES = files(SRC).map((f) => ({ file: f, text: fs.readFileSync(f, 'utf8') }));
const specifiers = (text: string): string[] =>
  [...text.matchAll(/(?:from\s+|require\(|import\()\s*'([^']+)'/g)].map((m) => m[1]!);

test('imports flow one way: a layer never imports a layer above it', () => {
  const bad: string[] = [];
  for (const { file, text } of SOURCES) {
    const mine = LAYERS.indexOf(layerOf(file));
    for (const spec of specifiers(text).filter((s) => s.startsWith('.'))) {
      const target = path.resolve(path.dirname(file), spec);
      if (!target.startsWith(SRC + path.sep)) continue;
      const theirs = LAYERS.indexOf(layerOf(target));
      if (theirs !== -1 && theirs < mine) bad.push(`${path.relative(SRC, file)} imports ${spec}`);
    }
  }
  expect(bad).toEqual([]);
});

test('only src/cli imports yargs or ends the process', () => {
  const bad = SOURCES.filter(({ file }) => layerOf(file) !== 'cli')
    .filter(({ text }) => specifiers(text).some((s) => s === 'yargs' || s.startsWith('yargs/')) || /process\.exit\(/.test(text))
    .map(({ file }) => path.relative(SRC, file));
  expect(bad).toEqual([]);
});

test('core never writes to the console', () => {
  const bad = SOURCES.filter(({ file }) => layerOf(file) === 'core')
    .filter(({ text }) => /\bconsole\.(log|error|warn|info)\(|process\.(stdout|stderr)\.write/.test(text))
    .map(({ file }) => path.relative(SRC, file));
  expect(bad).toEqual([]);
});
