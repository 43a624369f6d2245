// Bundles the CLI's start-up and `lint` path into one minified file (dist/cli/cctier.js). One file loads far
// faster than hundreds, and start-up time is most of what a pre-commit hook costs. The other commands stay
// out of it: the CLI requires them lazily, and from dist/cli/ they resolve to tsc's output in dist/commands/.
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');

await esbuild.build({
  entryPoints: [path.join(root, 'src/cli/main.ts')],
  outfile: path.join(root, 'dist/cli/cctier.js'),
  bundle: true,
  minify: !process.argv.includes('--no-minify'),
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  // jsonc-parser's UMD build requires its parts dynamically; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  // Loaded at run time from node_modules, and only when needed: yaml for YAML configs, diff for
  // --fix-dry-run; the rest are
  // cosmiconfig's own loaders, which cctier replaces (it never executes config files).
  external: ['yaml', 'diff', 'typescript', 'js-yaml', 'parse-json', 'import-fresh'],
  // yargs 18 is ESM and reads import.meta.url; in a CJS bundle that is this file's URL.
  define: { 'import.meta.url': '__cctierImportMetaUrl' },
  banner: { js: 'const __cctierImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  plugins: [lazyModules(['cliui', 'string-width']), jsonAsString(), otherCommandsOutside()],
});

/**
 * yargs imports cliui and string-width at start-up but needs them only to print help; their regexes cost
 * tens of milliseconds to build. Imported from yargs, each resolves to scripts/lazy-module.cjs, which
 * loads the real module on first call.
 */
function lazyModules(names) {
  const filter = new RegExp(`^(${names.join('|')})$`);
  const template = fs.readFileSync(path.join(root, 'scripts/lazy-module.cjs'), 'utf8');
  return {
    name: 'lazy-modules',
    setup(build) {
      build.onResolve({ filter }, (args) => {
        if (!args.importer.includes(`${path.sep}yargs${path.sep}`)) return undefined;
        return { path: args.path, namespace: 'lazy', pluginData: { resolveDir: args.resolveDir } };
      });
      build.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({
        contents: template.replace("'LAZY_TARGET'", JSON.stringify(`${args.path}?real`)),
        resolveDir: args.pluginData.resolveDir,
        loader: 'js',
      }));
      build.onResolve({ filter: /\?real$/ }, async (args) => {
        const real = await build.resolve(args.path.slice(0, -'?real'.length), { resolveDir: args.resolveDir, kind: 'require-call' });
        return { path: real.path };
      });
    },
  };
}

/** Large JSON data (the schema shape) is embedded as a string and parsed on first use: JSON.parse of a
 * string is far cheaper than compiling the same data as a JavaScript object literal. */
function jsonAsString() {
  return {
    name: 'json-as-string',
    setup(build) {
      build.onLoad({ filter: /[\\/]generated[\\/].*\.json$/ }, async (args) => ({
        contents: `module.exports = JSON.parse(${JSON.stringify(await fs.promises.readFile(args.path, 'utf8'))});`,
        loader: 'js',
      }));
    },
  };
}

/** Every command but lint loads from dist/commands/ (tsc's output) when it runs, not as part of start-up. */
function otherCommandsOutside() {
  return {
    name: 'other-commands-outside',
    setup(build) {
      const inBundle = new Set(['lint', 'io', 'write-file', 'fix-diff']);
      // lint --policy loads the policy command the same way.
      build.onResolve({ filter: /^\.\/policy$/ }, (args) =>
        args.importer.endsWith(path.join('src', 'commands', 'lint.ts')) ? { path: '../commands/policy', external: true } : undefined,
      );
      build.onResolve({ filter: /^\.\.\/commands\/[a-z-]+$/ }, (args) => {
        const name = args.path.slice('../commands/'.length);
        if (inBundle.has(name) || !args.importer.endsWith(path.join('src', 'cli', 'main.ts'))) return undefined;
        return { path: args.path, external: true };
      });
    },
  };
}
