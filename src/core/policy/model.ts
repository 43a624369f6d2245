/** The shapes a policy takes once read: its layers, each rule with where it was written, and the merged whole. */

import type { Tier } from '../models/catalog';
import type { PolicyDocument } from './document';

/** Policy layers, lowest first: a project's own policy, its team's, its organisation's. */
export type PolicyLayer = 'project' | 'team' | 'org';
export const POLICY_LAYERS: readonly PolicyLayer[] = ['project', 'team', 'org'];

export function layerRank(layer: PolicyLayer): number {
  return POLICY_LAYERS.indexOf(layer);
}

/** One policy file, read and checked against the schema. */
export interface PolicyFile {
  file: string;
  /** How messages name it: its `name`, its package's name, or its file name. */
  name: string;
  layer: PolicyLayer;
  doc: PolicyDocument;
  /** How it was reached: the files from the one cctier was given down to this one. */
  chain: readonly string[];
}

/** Where one policy rule was written. */
export interface PolicySource {
  file: string;
  policy: string;
  layer: PolicyLayer;
  pointer: string;
  line: number;
  column: number;
}

export interface Sourced<T> {
  value: T;
  source: PolicySource;
}

/** An allowlist from one policy file: a value must pass every layer's list. */
export interface SourcedList {
  entries: Array<Sourced<string>>;
  source: PolicySource;
}

export interface Waiver {
  rule: string;
  files: readonly string[];
  reason: string;
  expires: string;
}

export interface AgentTierRule {
  pattern: string;
  tier: Tier;
}

/** A policy rule that another layer's rule replaced or made moot, for `policy explain`. */
export interface PolicyOverride {
  what: string;
  value: unknown;
  source: PolicySource;
  by: PolicySource;
  reason: string;
}

export interface MergedPolicy {
  /** Every file that contributed, lowest precedence first. */
  files: readonly PolicyFile[];
  models: {
    allowed: SourcedList[];
    maxTier?: Sourced<Tier>;
    routineMaxTier?: Sourced<Tier>;
    default?: Sourced<string>;
    forbidDeprecated?: Sourced<true>;
    forbidRetired?: Sourced<true>;
  };
  permissions: {
    requiredDeny: Array<Sourced<string>>;
    forbiddenAllow: Array<Sourced<string>>;
    forbiddenModes: Array<Sourced<string>>;
    disableBypassPermissionsMode?: Sourced<true>;
    managedRulesOnly?: Sourced<true>;
  };
  keys: {
    /** Settings pointer -> locked value. */
    enforced: Map<string, Sourced<unknown>>;
    defaults: Map<string, Sourced<unknown>>;
    forbidden: Array<Sourced<string>>;
  };
  hooks: {
    commandPrefixes: SourcedList[];
    urlHosts: SourcedList[];
    /** Managed hooks: each matcher group of each event, from the file that wrote it. */
    managed: Array<Sourced<unknown> & { event: string }>;
    managedOnly?: Sourced<true>;
  };
  env: {
    forbidden: Array<Sourced<string>>;
    noCredentials?: Sourced<true>;
  };
  agents: {
    maxTier?: Sourced<Tier>;
    tiers: Array<Sourced<AgentTierRule>>;
  };
  waivers: Array<Sourced<Waiver>>;
  overridden: PolicyOverride[];
}
