import { tierPlan } from '../../../src/core/models/tier-plan';
import { parseAgentFile } from '../../../src/core/scaffold/agent-file';
import { AGENT_ABOVE_TIER, agentTier, checkAgentFile } from '../../../src/core/scaffold/agent-tier';
import { builtinTemplates } from '../../../src/core/scaffold/templates';

const balanced = tierPlan(undefined);
const agent = (fields: string, body = 'Do the thing.\n') => `---\n${fields}\n---\n${body}`;

describe('checkAgentFile (tiers/agent-above-tier)', () => {
  it('reports a quick-tier agent on an Opus model, at its model value', () => {
    const text = agent('name: log-summariser\ndescription: Summarise CI logs and stack traces.\ntools: Read, Grep\nmodel: opus');
    const [d, ...rest] = checkAgentFile('.claude/agents/log-summariser.md', text, balanced);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ ruleId: AGENT_ABOVE_TIER, severity: 'warning', line: 5, column: 8, endLine: 5, endColumn: 12, pointer: '/model' });
    expect(d!.message).toContain('belongs to the quick tier');
    expect(d!.message).toContain('"log summarisation"');
    expect(d!.message).toContain('Set `model: haiku`');
  });

  it('follows the team\'s own tiers and severity', () => {
    const plan = tierPlan({ tiers: { cheap: { model: 'claude-haiku-4-5', tasks: ['formatting'] }, main: { model: 'sonnet', tasks: ['features'] } } });
    const text = agent('name: fmt\ndescription: Reformat JSON files.\nmodel: sonnet');
    const [d] = checkAgentFile('a.md', text, plan, undefined, 'error');
    expect(d).toMatchObject({ severity: 'error' });
    expect(d!.message).toContain('Set `model: claude-haiku-4-5`');
  });

  it('says nothing when the agent is at or below its tier, inherits, or its work matches no category', () => {
    const cases = [
      agent('name: reviewer\ndescription: Review database migrations before merge.\nmodel: opus'),
      agent('name: reviewer\ndescription: Review database migrations before merge.\nmodel: haiku'),
      agent('name: logs\ndescription: Summarise logs.\nmodel: inherit'),
      agent('name: logs\ndescription: Summarise logs.'),
      agent('name: helper\ndescription: Helps.\nmodel: opus'),
      agent('name: logs\ndescription: Summarise logs.\nmodel: some-gateway-model'),
      'No frontmatter here.\nmodel: opus\n',
      '---\nmodel: [unclosed\n---\n',
    ];
    for (const text of cases) expect(checkAgentFile('a.md', text, balanced)).toEqual([]);
  });

  it('routes init\'s own agents to the tiers their templates name', () => {
    for (const a of Object.values(builtinTemplates().agents)) {
      const parsed = parseAgentFile(a.text.replace('{{model}}', 'inherit'));
      if (!parsed.ok) throw new Error(parsed.message);
      expect([a.name, agentTier(parsed.agent, balanced)?.tier.name]).toEqual([a.name, a.tier]);
    }
  });
});

describe('parseAgentFile', () => {
  it('reads frontmatter fields with their offsets, and refuses files without frontmatter', () => {
    const text = '---\nname: x\ndescription: "quoted: yes"\n---\nbody\n';
    const parsed = parseAgentFile(text);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.agent.fields.get('description')!.value).toBe('quoted: yes');
    const f = parsed.agent.fields.get('name')!;
    expect(text.slice(f.start, f.end)).toBe('x');
    expect(parseAgentFile('# title\n')).toMatchObject({ ok: false });
    expect(parseAgentFile('---\nname: x\n')).toMatchObject({ ok: false });
    expect(parseAgentFile('---\nname: x\nname: y\n---\n')).toMatchObject({ ok: false });
  });
});
