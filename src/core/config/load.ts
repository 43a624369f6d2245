/**
 * cctier's own config, found by cosmiconfig. Only JSON and YAML are accepted: cctier lints repositories it
 * does not trust, so it never executes a config file.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Loader, PublicExplorerSync } from 'cosmiconfig';
import { schemaIssues } from '../schema/issues';
import type { SeveritySetting } from '../lint/severity';
import type { Suppression } from '../lint/suppress';
import type { TeamModels } from '../models/team';
import type { ExtendsSetting } from '../layers/team-layers';

export interface CctierConfig {
  rules?: Record<string, SeveritySetting>;
  ignorePatterns?: string[];
  strict?: boolean;
  suppressions?: Suppression[];
  /** Gateway or custom models, and changes to catalog models, keyed by model id. */
  models?: TeamModels;
  /** Team or org settings files read as extra layers by effective, explain and check-permission (layers/team-layers.ts). */
  extends?: ExtendsSetting;
  /** The org policy (a path from the config file's folder, or an npm package) that `policy` commands and `lint` check against. */
  policy?: string;
}

export interface LoadedConfig {
  config: CctierConfig;
  /** The file it came from; undefined when no config was found or --no-config was given. */
  filepath?: string;
}

/** Where cosmiconfig looks, in order, in each directory from the start directory up to the project root. */
export const SEARCH_PLACES = [
  'package.json',
  '.cctierrc',
  '.cctierrc.json',
  '.cctierrc.yaml',
  '.cctierrc.yml',
  'cctier.config.json',
  'cctier.config.yaml',
] as const;

/** A config that cannot be used: the CLI exits 2 with this message. */
export class ConfigError extends Error {
  constructor(
    readonly filepath: string,
    message: string,
  ) {
    super(message);
  }
}

const loadJson: Loader = (filepath, content) => {
  try {
    return JSON.parse(content);
  } catch (err) {
    // A broken package.json is the project's business, not a broken cctier config: skip it.
    if (path.basename(filepath) === 'package.json') return {};
    throw new ConfigError(filepath, `is not valid JSON: ${(err as Error).message}`);
  }
};

const loadYaml: Loader = (filepath, content) => {
  // yaml is only loaded when a YAML config exists.
  const YAML = require('yaml') as typeof import('yaml');
  const doc = YAML.parseDocument(content, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) throw new ConfigError(filepath, `is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
  return doc.toJS();
};

/** `.cctierrc` has no extension: JSON if it looks like JSON, YAML otherwise. */
const loadNoExt: Loader = (filepath, content) => (/^\s*[{[]/.test(content) ? loadJson(filepath, content) : loadYaml(filepath, content));

/** cosmiconfig's default loaders run these as code; here they are refused, whether named by --config or by `$import`. */
const CODE_EXTENSIONS = ['.js', '.cjs', '.mjs', '.ts', '.cts', '.mts'];
const refuseCode: Loader = (filepath) => {
  throw new ConfigError(filepath, 'is code; cctier reads only JSON or YAML config and never runs a config file.');
};

/**
 * cosmiconfig's factory functions first look in the working directory for a "meta config"
 * (`.config/config.js` and others) and import it with their default loaders, which would run a linted
 * repository's code. The explorer class they wrap takes exactly the options given, so we build it directly.
 */
function explorer(): PublicExplorerSync {
  // Loaded only when a config may exist: most runs in CI and pre-commit have none, and start-up counts.
  const { ExplorerSync } = require('cosmiconfig/dist/ExplorerSync.js') as { ExplorerSync: new (options: object) => PublicExplorerSync };
  return new ExplorerSync({
    moduleName: 'cctier',
    searchPlaces: [...SEARCH_PLACES],
    searchStrategy: 'project',
    ignoreEmptySearchPlaces: true,
    loaders: { '.json': loadJson, '.yaml': loadYaml, '.yml': loadYaml, noExt: loadNoExt, ...Object.fromEntries(CODE_EXTENSIONS.map((ext) => [ext, refuseCode])) },
    transform: (result: unknown) => result,
    cache: false,
    metaConfigFilePath: null,
    mergeImportArrays: true,
    mergeSearchPlaces: false,
  });
}

/**
 * Whether cosmiconfig's search could find anything: one of our file names up to the project root (the
 * first directory with a package.json, where the search stops), or a package.json that mentions "cctier".
 * A cheap look at a few paths saves loading cosmiconfig on every run without a config.
 */
function present(p: string): boolean {
  try {
    return fs.statSync(p, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return true; // unreadable or odd: let cosmiconfig look and report it
  }
}

function mayHaveConfig(cwd: string): boolean {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    for (const name of SEARCH_PLACES) {
      if (name === 'package.json') continue;
      if (present(path.join(dir, name))) return true;
    }
    const pkg = path.join(dir, 'package.json');
    if (present(pkg)) {
      try {
        return fs.readFileSync(pkg, 'utf8').includes('"cctier"');
      } catch {
        return true;
      }
    }
    if (path.dirname(dir) === dir) return false;
  }
}

/** Searches from `cwd` upwards, or loads `explicitPath`. Throws ConfigError for a broken config. */
export function loadConfig(cwd: string, explicitPath?: string): LoadedConfig {
  let result: { config: unknown; filepath: string; isEmpty?: boolean } | null;
  try {
    if (explicitPath) {
      const abs = path.resolve(cwd, explicitPath);
      if (!fs.existsSync(abs)) throw new ConfigError(abs, 'does not exist');
      result = explorer().load(abs);
    } else {
      result = mayHaveConfig(cwd) ? explorer().search(cwd) : null;
    }
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    const e = err as NodeJS.ErrnoException;
    throw new ConfigError(explicitPath ?? cwd, `cannot be loaded: ${e.code === 'EISDIR' ? 'it is a directory' : e.message}`);
  }
  if (!result || result.isEmpty) return { config: {}, filepath: result?.filepath };
  const config = result.config ?? {};
  const issues = schemaIssues('config', config);
  if (issues.length) {
    throw new ConfigError(result.filepath, issues.map((i) => i.message).join(' '));
  }
  return { config: config as CctierConfig, filepath: result.filepath };
}
