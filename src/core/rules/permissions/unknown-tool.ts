/**
 * permissions/unknown-tool: a rule naming a tool Claude Code does not have matches nothing. In deny and ask
 * lists that is a protection that silently does not exist.
 */

import { closest } from '../../text/suggest';
import type { Rule } from '../rule';
import { permissionsView, ruleLabel } from './permission-lists';
import { KNOWN_TOOL_NAMES, retiredToolReplacement } from './tools';

/** `MCP(server:tool)`, a guess at MCP syntax. */
const MCP_GUESS = /^MCP\(([A-Za-z0-9_-]+):([A-Za-z0-9_-]+)\)$/;
/** A shell command written without `Bash(...)` around it: `npm run *`, `git status`. */
const BARE_COMMAND = /^[a-z][\w.-]*( |$)/;

const WHAT_IT_MEANS = {
  allow: 'so the rule allows nothing',
  ask: 'so the rule never prompts',
  deny: 'so the rule blocks nothing',
} as const;

export const unknownTool: Rule = {
  id: 'permissions/unknown-tool',
  meta: {
    description: 'Rules naming a tool Claude Code does not have (typos such as Bassh, tools of older releases such as LS): they match nothing.',
    severity: 'warning',
  },
  check(ctx) {
    for (const { list, pointer, rule } of permissionsView(ctx.file).rules) {
      if (rule.mcp || rule.toolIsGlob || rule.builtin || rule.problems.includes('empty')) continue;
      const { text, tool } = rule;
      const effect = WHAT_IT_MEANS[list];
      const mcp = MCP_GUESS.exec(text);
      if (mcp) {
        ctx.report({ pointer, message: `${ruleLabel(text)} is not how MCP tools are named, ${effect}. Write "mcp__${mcp[1]}__${mcp[2]}".` });
        continue;
      }
      const retired = retiredToolReplacement(tool);
      if (retired) {
        ctx.report({ pointer, message: `"${tool}" is a tool of older Claude Code releases and no longer exists, ${effect}. Use ${retired} instead.` });
        continue;
      }
      const schemaRejects = rule.problems.includes('invalid-tool-name');
      if (schemaRejects && rule.specifier === undefined && BARE_COMMAND.test(text) && !text.includes(')')) {
        // The schema rejects it too (schema/invalid-value); this adds what was meant.
        ctx.report({ pointer, message: `${ruleLabel(text)} names no tool, ${effect}. Shell commands go inside Bash(...): write ${ruleLabel(`Bash(${text})`)}.` });
        continue;
      }
      const suggestion = /^[A-Za-z][A-Za-z0-9_]*$/.test(tool) ? closest(tool, KNOWN_TOOL_NAMES) : undefined;
      if (schemaRejects) {
        // Only a wrong-case name is worth a better message than the schema's (`bash(ls)`).
        if (suggestion?.toLowerCase() === tool.toLowerCase()) {
          ctx.report({ pointer, message: `Tool names are case-sensitive: ${ruleLabel(tool)} is not a Claude Code tool, ${effect}. Write ${ruleLabel(suggestion + text.slice(tool.length))}.` });
        }
        continue;
      }
      const hint = suggestion ? `; did you mean "${suggestion}"?` : '. Built-in tools are listed in the Claude Code tools reference; MCP tools are named mcp__<server>__<tool>.';
      ctx.report({ pointer, message: `${ruleLabel(tool)} is not a Claude Code tool, ${effect}${hint}` });
    }
  },
};
