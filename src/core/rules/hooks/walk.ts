/**
 * The hooks block as the hooks/* rules see it: known events, their matcher groups and the handlers inside,
 * each with its JSON Pointer. Only own properties count (JSON.parse output; `__proto__` is an ordinary key),
 * and whatever has the wrong shape is skipped: the schema reports shapes.
 */

import { pointerFrom } from '../../source';
import eventData from './events.json';

export type HandlerType = 'command' | 'http' | 'mcp_tool' | 'prompt' | 'agent';

export interface EventInfo {
  /** What a matcher is tested against: see events.json. */
  matcher: 'tool' | 'none' | 'free' | 'literal' | readonly string[];
  types: readonly HandlerType[];
}

export type JsonObject = Record<string, unknown>;

const EVENTS: ReadonlyMap<string, EventInfo> = new Map(Object.entries(eventData.events as Record<string, EventInfo>));
export const MATCHER_SUBJECTS: Readonly<Record<string, string>> = eventData.matcherSubjects;
export const SESSION_END_CAP_SECONDS: number = eventData.sessionEndCapSeconds;

export function eventInfo(event: string): EventInfo | undefined {
  return EVENTS.get(event);
}

export function isObject(v: unknown): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function has(o: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

export function own(o: JsonObject, key: string): unknown {
  return has(o, key) ? o[key] : undefined;
}

export interface EventEntry {
  event: string;
  info: EventInfo;
  pointer: string;
  groups: readonly unknown[];
}

export interface GroupEntry {
  event: string;
  info: EventInfo;
  pointer: string;
  group: JsonObject;
}

export interface HandlerEntry {
  event: string;
  info: EventInfo;
  group: JsonObject;
  pointer: string;
  handler: JsonObject;
}

interface Walked {
  events: EventEntry[];
  groups: GroupEntry[];
  handlers: HandlerEntry[];
}

/** Ten rules walk the same hooks block: walk it once per parsed file. */
const walked = new WeakMap<object, Walked>();
const NOTHING: Walked = { events: [], groups: [], handlers: [] };

function walk(root: unknown): Walked {
  if (!isObject(root)) return NOTHING;
  const hooks = own(root, 'hooks');
  if (!isObject(hooks)) return NOTHING;
  let w = walked.get(root);
  if (w) return w;
  w = { events: [], groups: [], handlers: [] };
  for (const [event, groups] of Object.entries(hooks)) {
    const info = EVENTS.get(event);
    // Unknown event names are the schema's to report; a value that is not an array too.
    if (!info || !Array.isArray(groups)) continue;
    const eventPointer = pointerFrom(['hooks', event]);
    w.events.push({ event, info, pointer: eventPointer, groups });
    groups.forEach((group, i) => {
      if (!isObject(group)) return;
      const groupPointer = `${eventPointer}/${i}`;
      w!.groups.push({ event, info, pointer: groupPointer, group });
      const handlers = own(group, 'hooks');
      if (!Array.isArray(handlers)) return;
      handlers.forEach((handler, j) => {
        if (isObject(handler)) w!.handlers.push({ event, info, group, pointer: `${groupPointer}/hooks/${j}`, handler });
      });
    });
  }
  walked.set(root, w);
  return w;
}

/** Events Claude Code knows whose value is an array. */
export function eventEntries(root: unknown): readonly EventEntry[] {
  return walk(root).events;
}

export function groupEntries(root: unknown): readonly GroupEntry[] {
  return walk(root).groups;
}

export function handlerEntries(root: unknown): readonly HandlerEntry[] {
  return walk(root).handlers;
}

/** A handler's type when it is one Claude Code knows. */
export function handlerType(handler: JsonObject): HandlerType | undefined {
  const t = own(handler, 'type');
  return t === 'command' || t === 'http' || t === 'mcp_tool' || t === 'prompt' || t === 'agent' ? t : undefined;
}
