/** The options every layer-reading command shares (effective, explain, check-permission). */

import * as path from 'node:path';
import type { Io } from './io';
import { UsageError } from './io';
import { ConfigError, loadConfig } from '../core/config/load';
import { loadLayers, type LoadedLayers } from '../core/layers/load';
import { resolveTeamLayers } from '../core/layers/team-layers';

export interface LayerOptions {
  dir?: string;
  userSettings?: string;
  managed?: string;
  settings?: string;
  /** A cctier config file to take `extends` from instead of searching from dir. */
  config?: string;
  /** false with --no-config: no team layers. */
  useConfig?: boolean;
}

/** The layers, team layers included; diagnostics from `extends` come first. A broken config is a UsageError. */
export function readLayers(opts: LayerOptions, io: Io): LoadedLayers {
  const dir = path.resolve(io.cwd, opts.dir ?? '.');
  let team: ReturnType<typeof resolveTeamLayers> = { team: [], diagnostics: [] };
  if (opts.useConfig !== false) {
    try {
      const loaded = loadConfig(dir, opts.config ? path.resolve(io.cwd, opts.config) : undefined);
      const setting = loaded.config.extends;
      if (loaded.filepath && setting !== undefined) team = resolveTeamLayers(loaded.filepath, setting);
    } catch (err) {
      if (err instanceof ConfigError) throw new UsageError(`${path.relative(io.cwd, err.filepath) || err.filepath} ${err.message}`);
      throw err;
    }
  }
  const loaded = loadLayers({
    dir,
    userSettings: opts.userSettings,
    managed: opts.managed,
    flagSettings: opts.settings,
    env: io.env,
    home: io.env.HOME || undefined,
    team: team.team,
  });
  return { ...loaded, diagnostics: [...team.diagnostics, ...loaded.diagnostics] };
}

/** Problems with the team's own `extends` chain make the answer incomplete: exit 2 after printing it. */
export function hasChainErrors(loaded: LoadedLayers): boolean {
  return loaded.diagnostics.some((d) => d.ruleId.startsWith('extends/'));
}
