/** The options every layer-reading command shares (effective, explain, check-permission). */

import * as path from 'node:path';
import type { Io } from './io';
import { loadLayers, type LoadedLayers } from '../core/layers/load';

export interface LayerOptions {
  dir?: string;
  userSettings?: string;
  managed?: string;
  settings?: string;
}

export function readLayers(opts: LayerOptions, io: Io): LoadedLayers {
  return loadLayers({
    dir: path.resolve(io.cwd, opts.dir ?? '.'),
    userSettings: opts.userSettings,
    managed: opts.managed,
    flagSettings: opts.settings,
    env: io.env,
  });
}
