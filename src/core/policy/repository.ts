/**
 * What a policy is checked against in a repository: the effective settings of the layers the repository
 * itself holds (project, local, and team layers its cctier config names), merged with provenance, the tier
 * file and the subagent files. The machine's own user and managed settings are left out on purpose: CI
 * machines and each developer's laptop differ, and the policy is about what the repository ships.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from '../diagnostic';
import { readSettingsFile } from '../files/read';
import type { Layer } from '../layers/layer';
import { gitRoot, loadLayers } from '../layers/load';
import { mergeLayers } from '../layers/merge';
import type { TeamLayerSource } from '../layers/team-layers';
import { tierFileForDir } from '../models/repo-tier-file';
import { decode, LineIndex, nodeAtPointer, parseJson } from '../source';
import type { RepositoryView } from './evaluate';

export interface RepositoryOptions {
  /** Team layers from the repository's cctier config (`extends`). */
  team?: readonly TeamLayerSource[];
  /** The home directory, which decides where the local file is read (facts §1.1). */
  home?: string;
}

export interface ReadRepository {
  view: RepositoryView;
  /** Repository files Claude Code would skip (invalid JSON...): the policy is checked without them. */
  diagnostics: Diagnostic[];
}

const REPOSITORY_LAYERS = new Set<Layer['kind']>(['team', 'project', 'local']);

export function readRepository(dir: string, options: RepositoryOptions = {}): ReadRepository {
  const abs = path.resolve(dir);
  const loaded = loadLayers({ dir: abs, home: options.home, env: {}, team: options.team });
  const layers = loaded.layers.filter((l) => REPOSITORY_LAYERS.has(l.kind));
  const projectPath = path.join(abs, '.claude', 'settings.json');
  const project = layers.find((l) => l.kind === 'project');
  const view: RepositoryView = {
    dir: abs,
    effective: mergeLayers(layers),
    projectFile: project?.locate ? { file: projectPath, locate: project.locate } : { file: projectPath },
    agents: readAgents(path.join(abs, '.claude', 'agents')),
  };
  const tier = tierFileForDir(abs);
  if (tier?.ok) {
    const located = readLocated(tier.path);
    if (located) view.tierFile = located;
  }
  // Only the repository's own files: a broken file in the machine's home or managed folder is not its business.
  const root = gitRoot(abs) ?? abs;
  const team = new Set((options.team ?? []).map((t) => t.file));
  const diagnostics = loaded.diagnostics.filter((d) => team.has(d.file) || d.file.startsWith(root + path.sep));
  return { view, diagnostics };
}

function readAgents(dir: string): Array<{ file: string; text: string }> {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith('.md') && !n.startsWith('.')).sort();
  } catch {
    return [];
  }
  const out: Array<{ file: string; text: string }> = [];
  for (const n of names) {
    const file = path.join(dir, n);
    try {
      if (fs.statSync(file).isFile()) out.push({ file, text: fs.readFileSync(file, 'utf8') });
    } catch {
      // unreadable: Claude Code cannot load it either
    }
  }
  return out;
}

function readLocated(file: string): RepositoryView['tierFile'] {
  const read = readSettingsFile(file);
  if (!read.ok) return undefined;
  const decoded = decode(read.bytes);
  const parsed = parseJson(decoded.text);
  if (!parsed.tree || parsed.value === undefined) return undefined;
  const lines = new LineIndex(decoded.text);
  const tree = parsed.tree;
  return {
    file,
    value: parsed.value,
    locate: (pointer) => {
      const found = nodeAtPointer(tree, pointer);
      return found.exact ? lines.position(found.node.offset) : undefined;
    },
  };
}
