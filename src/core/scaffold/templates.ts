/**
 * The data `cctier init` renders, from templates/: tier profiles, file skeletons, subagents, the detection
 * table for a project's own commands and the pre-commit hook. Read from disk only when init runs, so
 * nothing here costs `cctier lint` anything.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';

export const PROFILE_NAMES = ['balanced', 'economy', 'quality'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];
export const DEFAULT_PROFILE: ProfileName = 'balanced';

export interface ProfileTier {
  /** An alias or id; init writes the catalog's current model for it. */
  model: string;
  description?: string;
  tasks: readonly string[];
  keywords?: readonly string[];
  maxCostPercent?: number;
  minCostPercent?: number;
}

export interface Profile {
  name: ProfileName;
  summary: string;
  /** The tier whose model becomes defaultModel, and the one whose model caps routine work. */
  defaultTier: string;
  capTier: string;
  tiers: Readonly<Record<string, ProfileTier>>;
  /** Subagents written to .claude/agents, by name. */
  agents: readonly string[];
}

export interface AgentTemplate {
  name: string;
  /** The tier whose model the agent runs on. */
  tier: string;
  /** Markdown with YAML frontmatter; `{{model}}` stands for the model. */
  text: string;
}

export interface PackageManagerRule {
  lockfiles: readonly string[];
  run: string;
  /** The short form for the test script, where the tool has one that runs the script. */
  test?: string;
}

export interface CommandRules {
  packageScripts: readonly string[];
  placeholderTestScript: string;
  packageManagers: Readonly<Record<string, PackageManagerRule>>;
  makefiles: readonly string[];
  makeTargets: readonly string[];
  python: {
    runners: ReadonlyArray<{ name: string; lockfiles: readonly string[]; section?: string; prefix: string }>;
    tools: ReadonlyArray<{ tool: string; sections: readonly string[]; dependency: string; commands: readonly string[] }>;
  };
  go: { marker: string; commands: readonly string[] };
  rust: { marker: string; commands: readonly string[] };
}

export interface PreCommitTemplates {
  preCommitFramework: { repo: string; hook: Record<string, unknown> & { id: string }; newFileHeader: string };
  lintStaged: { glob: string; command: string };
  husky: { file: string; line: string };
}

export interface Templates {
  profiles: Readonly<Record<ProfileName, Profile>>;
  agents: Readonly<Record<string, AgentTemplate>>;
  /** Skeletons: key order and fixed values of a new file; null marks what init fills in. */
  settings: Readonly<Record<string, unknown>>;
  tierFile: Readonly<Record<string, unknown>>;
  gitignore: { path: string; lines: readonly string[] };
  preCommit: PreCommitTemplates;
  commands: CommandRules;
}

/** The templates folder of this installation: beside src/ or dist/, and beside the bundled dist/cctier.js. */
export function templatesDir(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'templates');
    if (fs.existsSync(path.join(candidate, 'profiles', `${DEFAULT_PROFILE}.json`))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`cannot find cctier's templates folder above ${from}`);
  }
}

function readJson<T>(dir: string, rel: string): T {
  return JSON.parse(fs.readFileSync(path.join(dir, rel), 'utf8')) as T;
}

export function loadTemplates(dir: string = templatesDir()): Templates {
  const profiles = {} as Record<ProfileName, Profile>;
  for (const name of PROFILE_NAMES) profiles[name] = readJson<Profile>(dir, `profiles/${name}.json`);
  const index = readJson<{ agents: Record<string, { tier: string; template: string }> }>(dir, 'agents/agents.json');
  const agents: Record<string, AgentTemplate> = {};
  for (const [name, a] of Object.entries(index.agents)) {
    agents[name] = { name, tier: a.tier, text: fs.readFileSync(path.join(dir, 'agents', a.template), 'utf8') };
  }
  return {
    profiles,
    agents,
    settings: readJson<{ value: Record<string, unknown> }>(dir, 'files/settings.json').value,
    tierFile: readJson<{ value: Record<string, unknown> }>(dir, 'files/tier-file.json').value,
    gitignore: readJson(dir, 'files/gitignore.json'),
    preCommit: readJson(dir, 'files/pre-commit.json'),
    commands: readJson(dir, 'files/commands.json'),
  };
}

let cached: Templates | undefined;

/** The installation's templates, read once. */
export function builtinTemplates(): Templates {
  return (cached ??= loadTemplates());
}
