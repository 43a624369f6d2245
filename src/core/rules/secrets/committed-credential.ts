/**
 * secrets/committed-credential: API keys, tokens and passwords written into a settings file, found by
 * format and by the name they are stored or assigned under, anywhere in the file: env, hook commands and
 * headers, helper commands, permission rules, marketplace sources, misplaced MCP server blocks.
 */

import { pointerFrom } from '../../source/pointer';
import type { FileRole } from '../../scope';
import { pointerLabel, redact } from '../../text/preview';
import type { Rule } from '../rule';
import { envEntries } from '../env/variables';
import { findSecrets, isLiteralCredential, isSecretName, looksRandom, shapeOf } from './detect';
import { HEADER_LIST_NAMES } from './shapes';

interface Found {
  label: string;
  secret: string;
  more: number;
}

/** Objects whose every value is a variable or header value, where a random-looking value is a credential. */
const VALUE_MAPS = new Set(['env', 'headers']);

/** env variables that carry the credential Claude Code itself sends; apiKeyHelper replaces them. */
const API_CREDENTIALS = new Set(['ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN', 'ANTHROPIC_FOUNDRY_API_KEY', 'ANTHROPIC_AWS_API_KEY']);

const AUTH_SCHEME = /^(Bearer|Basic|Token|Bot)\s+/i;

const HELPERS = new Set(['apiKeyHelper', 'awsAuthRefresh', 'awsCredentialExport', 'gcpAuthRefresh', 'otelHeadersHelper']);

function committed(role: FileRole): boolean {
  return role.kind === 'tier-file' || role.scope === 'project' || role.scope === 'managed';
}

const HEADER_PAIR = /^\s*([^=:\s]+)\s*[=:]\s*(.*?)\s*$/;

/** `Name=value,Name=value` (OTEL) or `Name: value` lines (ANTHROPIC_CUSTOM_HEADERS). */
function inHeaderList(text: string): Found | undefined {
  for (const part of text.split(/[,\n]/)) {
    const m = HEADER_PAIR.exec(part);
    if (!m) continue;
    const value = m[2]!.replace(AUTH_SCHEME, '');
    if (isSecretName(m[1]!) && isLiteralCredential(value)) return { label: `the ${m[1]} header`, secret: value, more: 0 };
  }
  return undefined;
}

function inString(text: string, key: string | undefined, inValueMap: boolean, headerList: boolean): Found | undefined {
  if (key !== undefined && isSecretName(key) && isLiteralCredential(text)) {
    // `Authorization: Bearer <token>`: the token is the secret, the scheme is not.
    const scheme = AUTH_SCHEME.exec(text);
    const secret = scheme ? text.slice(scheme[0].length) : text;
    if (!scheme || isLiteralCredential(secret)) {
      return { label: shapeOf(secret)?.label ?? (scheme ? `a ${scheme[1]!.toLowerCase()} token` : 'a credential'), secret, more: 0 };
    }
  }
  if (headerList) {
    const h = inHeaderList(text);
    if (h) return h;
  }
  const found = findSecrets(text);
  if (found.length > 0) {
    const first = found[0]!;
    return { label: first.label, secret: text.slice(first.start, first.end), more: found.length - 1 };
  }
  if (inValueMap && looksRandom(text)) return { label: 'a random-looking value, probably a credential', secret: text, more: 0 };
  return undefined;
}

function why(role: FileRole): string {
  if (role.kind === 'tier-file') return 'claude_settings.json is meant to be committed and shared, so everyone who can read the repository can use it';
  switch (role.scope) {
    case 'project':
      return '.claude/settings.json is committed with the repository, so everyone who can read it can use the credential';
    case 'managed':
      return 'managed settings are copied to every machine they govern and readable by every user there';
    case 'user':
      return 'user settings are often copied into dotfiles repositories, and Claude Code passes env values to every process it starts';
    case 'local':
      return 'settings.local.json is usually git-ignored, but it is easily shared by mistake, and Claude Code passes env values to every process it starts';
  }
}

function advice(segments: readonly string[], role: FileRole, label: string): string {
  const [top, second] = segments;
  const last = segments[segments.length - 1];
  const local = role.kind === 'settings' && role.scope === 'local';
  const elsewhere = local
    ? 'export it in your shell before starting claude, or fetch it from a secret manager'
    : 'export it in your shell before starting claude, or keep it in .claude/settings.local.json, which git ignores';
  if (top === 'env' && second !== undefined && API_CREDENTIALS.has(second)) {
    return `Set apiKeyHelper to a command that prints the key from your keychain or secret manager, or ${elsewhere}.`;
  }
  if (top === 'env' && second !== undefined && HEADER_LIST_NAMES.has(second)) {
    return `Set otelHeadersHelper to a command that prints the headers, or ${elsewhere}.`;
  }
  if (top === 'env') return `Remove it from the file and ${elsewhere}.`;
  if (top === 'hooks' && segments.includes('headers')) {
    return 'Write the header as "Bearer $MY_TOKEN", list MY_TOKEN in the hook\'s allowedEnvVars, and export MY_TOKEN in your shell.';
  }
  if (top === 'extraKnownMarketplaces' && segments.includes('headers')) {
    return 'Set headersHelper to a command that prints the headers (from your keychain or an environment variable) instead.';
  }
  if (top !== undefined && HELPERS.has(top)) {
    return 'Make the helper fetch the credential from your keychain or a secret manager (for example "security find-generic-password -s claude -w") instead of containing it.';
  }
  if (label === 'a password in a URL') return 'Use SSH, a git credential helper, or a token from an environment variable instead of a password in the URL.';
  if (top === 'hooks' || last === 'command' || last === 'headersHelper') {
    return 'Make the command read it from an environment variable ("$MY_TOKEN") exported in your shell, or from a secret manager, instead of containing it.';
  }
  if (top === 'permissions') {
    return 'Put a wildcard (*) in its place in the rule, and have the command read the credential from an environment variable exported in your shell.';
  }
  if (top === 'mcpServers') return 'MCP servers belong in .mcp.json, which can reference "${MY_TOKEN}" from the environment instead of holding it.';
  return `Keep it out of the file: ${elsewhere}.`;
}

export const committedCredential: Rule = {
  id: 'secrets/committed-credential',
  meta: {
    description:
      'API keys, tokens and passwords written into a settings file (env, hook commands and headers, helpers, permission rules): an error in committed files, a warning in user and local ones.',
    severity: 'error',
  },
  check(ctx) {
    const { role } = ctx.file;
    const severity = committed(role) ? 'error' : 'warning';
    // One path stack for the whole walk; a pointer is built only for a finding.
    const path: string[] = [];
    const report = (found: Found): void => {
      const segments = [...path];
      const pointer = pointerFrom(segments);
      const shown = redact(found.secret);
      const more = found.more > 0 ? `, and ${found.more} more` : '';
      ctx.report({
        pointer,
        severity,
        message:
          `${pointerLabel(pointer)} holds ${found.label} in clear text${shown.length > 1 ? ` (${shown})` : ''}${more}: ${why(role)}. ` +
          `${committed(role) ? 'Treat it as leaked and revoke it. ' : ''}${advice(segments, role, found.label)}`,
      });
    };
    // `key` is the property name a string is stored under; array elements have none, only their content.
    const visit = (value: unknown, key: string | undefined, inValueMap: boolean): void => {
      if (typeof value === 'string') {
        const headerList = path.length === 2 && path[0] === 'env' && HEADER_LIST_NAMES.has(key!);
        const found = inString(value, key, inValueMap, headerList);
        if (found) report(found);
        return;
      }
      if (value === null || typeof value !== 'object') return;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          path.push(String(i));
          visit(value[i], undefined, false);
          path.pop();
        }
        return;
      }
      const map = VALUE_MAPS.has(path[path.length - 1] ?? '');
      const entries = path.length === 1 && path[0] === 'env' ? envEntries(ctx.file.value) : Object.entries(value);
      for (const [k, v] of entries) {
        if (path.length === 0 && k === '$schema') continue;
        path.push(k);
        visit(v, k, map);
        path.pop();
      }
    };
    visit(ctx.file.value, undefined, false);
  },
};
