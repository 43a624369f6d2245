import type { Rule } from '../rule';
import { empty } from './empty';
import { handlerOnGroup } from './handler-on-group';
import { ifNeverRuns } from './if-never-runs';
import { matcherIgnored } from './matcher-ignored';
import { matcherNeverMatches } from './matcher-never-matches';
import { missingScript } from './missing-script';
import { onceIgnored } from './once-ignored';
import { remoteScript } from './remote-script';
import { timeout } from './timeout';
import { unsupportedType } from './unsupported-type';

/**
 * The hooks/* rules, in the order they run. Unknown event names have no rule here: the schema reports them
 * (schema/unknown-property) with a did-you-mean from its list of events.
 */
export const hooksRules: readonly Rule[] = [
  handlerOnGroup,
  empty,
  matcherIgnored,
  matcherNeverMatches,
  ifNeverRuns,
  unsupportedType,
  onceIgnored,
  timeout,
  remoteScript,
  missingScript,
];
