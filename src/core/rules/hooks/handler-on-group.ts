import { rootShape, type SchemaNode } from '../../schema/shape';
import { pointerFrom } from '../../source';
import type { Report, Rule } from '../rule';
import misplaced from './misplaced-fields.json';
import { eventInfo, groupEntries, handlerType, has, isObject, own, type JsonObject } from './walk';

/** Every field some handler type has, read from the schema (on first use) so a new field is known here at once. */
let handlerFields: ReadonlySet<string> | undefined;
function isHandlerField(key: string): boolean {
  if (!handlerFields) {
    const defs = rootShape('settings').$defs ?? {};
    const names = new Set<string>();
    for (const def of ['hookHandlerCommand', 'hookHandlerHttp', 'hookHandlerMcpTool', 'hookHandlerPrompt', 'hookHandlerAgent']) {
      for (const k of Object.keys((defs[def] as SchemaNode | undefined)?.properties ?? {})) names.add(k);
    }
    handlerFields = names;
  }
  return handlerFields.has(key);
}
const COMMAND_ALIASES: ReadonlySet<string> = new Set(misplaced.commandAliases);
const MATCHER_ALIASES: ReadonlySet<string> = new Set(misplaced.matcherAliases);
const GROUP_FIELDS: ReadonlySet<string> = new Set(['matcher', 'hooks']);
/** The schema diagnostics this rule's report explains (one mistake, one diagnostic). */
const REPLACES_GROUP = ['schema/missing-key', 'schema/unknown-property'] as const;

/**
 * Handler fields written on the matcher group instead of inside its `hooks` array: the old flat
 * `{matcher, command}` shape, `{match, command}`, `{matcher, hookPath}`, or a list of `{event, command}` in
 * place of the hooks object. Claude Code rejects all of them and the hook never runs; the schema can only
 * say "unknown property", so this rule says what to write and replaces those diagnostics.
 */
export const handlerOnGroup: Rule = {
  id: 'hooks/handler-on-group',
  meta: {
    description: 'Handler fields (type, command, url, prompt, timeout, ...) placed on the matcher group, or hooks written as a list of {event, command}: Claude Code rejects them.',
    severity: 'error',
  },
  check(ctx) {
    const root = ctx.file.value;
    if (!isObject(root)) return;
    const hooks = own(root, 'hooks');
    if (Array.isArray(hooks)) {
      const report = eventListReport(hooks);
      if (report) ctx.report(report);
      return;
    }
    for (const g of groupEntries(root)) {
      if (!has(g.group, 'hooks')) {
        const message = flatGroupMessage(g.group);
        if (message) ctx.report({ pointer: g.pointer, message, replaces: REPLACES_GROUP });
        continue;
      }
      for (const key of Object.keys(g.group)) {
        if (GROUP_FIELDS.has(key) || !isHandlerField(key)) continue;
        ctx.report({
          pointer: g.pointer + pointerFrom([key]),
          at: 'key',
          message: `"${key}" is a handler field, and on the matcher group Claude Code rejects it. Move it into each handler inside "hooks" (for example {"type": "command", "command": …, "${key}": …}).`,
          replaces: ['schema/unknown-property'],
        });
      }
    }
  },
};

/** The message for a group with no `hooks` array but handler fields, or undefined when it is some other mistake. */
function flatGroupMessage(group: JsonObject): string | undefined {
  const keys = Object.keys(group);
  const handlerKeys = keys.filter((k) => isHandlerField(k));
  const commandAlias = keys.find((k) => COMMAND_ALIASES.has(k) && typeof group[k] === 'string');
  if (!handlerKeys.length && !commandAlias) return undefined;
  const matcherAlias = keys.find((k) => MATCHER_ALIASES.has(k));
  const others = keys.filter((k) => !GROUP_FIELDS.has(k) && !isHandlerField(k) && k !== commandAlias && k !== matcherAlias);

  const handler = new Set(handlerKeys);
  handler.delete('type');
  if (commandAlias) handler.add('command');
  const type = handlerType(group) ?? inferType(handler);
  const fields = [`"type": ${JSON.stringify(type)}`, ...[...handler].map((k) => `"${k}": …`)];
  const matcherPart = has(group, 'matcher') || matcherAlias ? '"matcher": …, ' : '';
  const notes: string[] = [];
  if (matcherAlias) notes.push(`"${matcherAlias}" should be "matcher"`);
  if (commandAlias) notes.push(`"${commandAlias}" should be "command"`);
  if (others.length) notes.push(`Claude Code has no ${others.map((k) => JSON.stringify(k)).join(', ')} field here`);
  return (
    `This matcher group holds the handler itself (${[...handlerKeys, ...(commandAlias ? [commandAlias] : [])].join(', ')}) instead of a "hooks" array, so Claude Code rejects it and the hook never runs. ` +
    `Write it as {${matcherPart}"hooks": [{${fields.join(', ')}}]}.` +
    (notes.length ? ` Also: ${notes.join('; ')}.` : '')
  );
}

function inferType(fields: ReadonlySet<string>): string {
  if (fields.has('url')) return 'http';
  if (fields.has('server') || fields.has('tool')) return 'mcp_tool';
  if (fields.has('prompt') && !fields.has('command')) return 'prompt';
  return 'command';
}

/** `hooks: [{event, matcher, command}, ...]`: an invented shape (GH#11544) that Claude Code does not read. */
function eventListReport(entries: readonly unknown[]): Report | undefined {
  const events: string[] = [];
  for (const e of entries) {
    const name = isObject(e) ? own(e, 'event') : undefined;
    if (typeof name === 'string' && !events.includes(name)) events.push(name);
  }
  if (!events.length) return undefined;
  const known = events.filter((e) => eventInfo(e));
  const example = (known.length ? known : ['PreToolUse']).slice(0, 2).map((e) => `"${e}": [{"hooks": [{"type": "command", "command": …}]}]`);
  return {
    pointer: '/hooks',
    message:
      `"hooks" must be an object keyed by event name; a list of {event, matcher, command} entries is not a shape Claude Code reads, so none of these ${entries.length} hooks run. ` +
      `Write {${example.join(', ')}}, with "matcher" (a string such as "Edit|Write") on each group that needs one.`,
    replaces: ['schema/invalid-type'],
  };
}
