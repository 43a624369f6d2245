/**
 * env/ignored-variable: variables whose value in this file does not do what it says. Some are ignored in
 * every settings file (only the environment that launches claude sets them), some in project and local
 * files (x-scope "user-managed" in the schema), and some are presence flags: any non-empty value, "0"
 * and "false" included, turns the feature on.
 */

import type { Rule } from '../rule';
import { envEntries, envPointer, IGNORED_EVERYWHERE, knownVariables, OFF_VALUES, PRESENCE_FLAGS } from './variables';

export const ignoredVariable: Rule = {
  id: 'env/ignored-variable',
  meta: {
    description:
      'env variables Claude Code ignores in this file (in every settings file, or in project and local ones), and on/off values that presence flags do not read.',
    severity: 'warning',
  },
  check(ctx) {
    const { role } = ctx.file;
    const sharedOrLocal = role.kind === 'settings' && (role.scope === 'project' || role.scope === 'local');
    for (const [name, value] of envEntries(ctx.file.value)) {
      if (IGNORED_EVERYWHERE.has(name)) {
        ctx.report({
          pointer: envPointer(name),
          at: 'key',
          message: `Claude Code ignores ${name} in the env of every settings file: only the environment that launches claude can set it. Remove it here.`,
        });
        continue;
      }
      if (typeof value !== 'string') continue;
      const off = (): boolean => value === '' || (value.length < 8 && OFF_VALUES.has(value.trim().toLowerCase()));
      if (sharedOrLocal && knownVariables().get(name)?.['x-scope'] === 'user-managed' && !off()) {
        ctx.report({
          pointer: envPointer(name),
          at: 'key',
          message:
            `Claude Code ignores ${name} in ${role.scope === 'project' ? 'the shared project file (.claude/settings.json)' : 'settings.local.json'}, ` +
            `so a cloned repository cannot set it: put it in ~/.claude/settings.json, managed settings, or your shell.`,
        });
        continue;
      }
      if (Object.prototype.hasOwnProperty.call(PRESENCE_FLAGS, name) && value !== '' && off()) {
        ctx.report({
          pointer: envPointer(name),
          message:
            `${name} is ${JSON.stringify(value)}, but Claude Code only checks whether it is set: any non-empty value, "0" and "false" included, ` +
            `${PRESENCE_FLAGS[name]}. To leave the flag unset, remove the variable (or set it to "").`,
        });
      }
    }
  },
};
