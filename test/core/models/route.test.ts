import categories from '../../../src/core/models/task-categories.json';
import balanced from '../../../src/core/models/balanced-tiers.json';
import { CATALOG, extendCatalog } from '../../../src/core/models/catalog';
import { routeTask } from '../../../src/core/models/route';
import { tierPlan } from '../../../src/core/models/tier-plan';

const BALANCED = tierPlan(undefined);

describe('routeTask with the balanced defaults', () => {
  it.each([
    // The issue's own examples.
    ['summarise these logs', 'quick', 'haiku'],
    ['fix the auth token refresh race', 'critical', 'opus'],
    // The articles' categories, one task each.
    ['Summarize the CI log output', 'quick', 'haiku'],
    ['reformat this config file', 'quick', 'haiku'],
    ['convert this CSV to JSON', 'quick', 'haiku'],
    ['find all usages of parseDate', 'quick', 'haiku'],
    ['extract every email address from this export', 'quick', 'haiku'],
    ['implement the new settings page', 'routine', 'sonnet'],
    ['write unit tests for the parser', 'routine', 'sonnet'],
    ['fix the off by one bug in pagination', 'routine', 'sonnet'],
    ['refactor the payment module to use the new client', 'routine', 'sonnet'],
    ['review this pull request', 'routine', 'sonnet'],
    ['update the README', 'routine', 'sonnet'],
    ['hotfix for the production outage', 'critical', 'opus'],
    ['design the public API for plugins', 'critical', 'opus'],
    ['add OAuth login', 'critical', 'opus'],
    ['write the database migration for orders', 'critical', 'opus'],
    ['track down a deadlock in the job queue', 'critical', 'opus'],
  ])('%s -> %s (%s)', (task, tier, model) => {
    const r = routeTask(task, BALANCED);
    expect([r.tier.name, r.tier.model, r.fallback]).toEqual([tier, model, false]);
    expect(r.matches.length).toBeGreaterThan(0);
  });

  it('says why: the categories and phrases that matched, in the order of the task', () => {
    const r = routeTask('fix the auth token refresh race', BALANCED);
    expect(r.matches).toEqual([
      { tier: 'critical', category: 'authentication', phrase: 'auth' },
      { tier: 'critical', category: 'authentication', phrase: 'token' },
      { tier: 'critical', category: 'complex debugging', phrase: 'race' },
    ]);
    expect(r.scores).toEqual([
      { tier: 'critical', score: 3 },
      { tier: 'routine', score: 1 },
      { tier: 'quick', score: 0 },
    ]);
  });

  it('sends a task nothing matches to the routine tier', () => {
    const r = routeTask('ponder the meaning of life', BALANCED);
    expect([r.tier.name, r.fallback, r.matches]).toEqual(['routine', true, []]);
  });

  it('breaks a tie towards the more capable tier', () => {
    const r = routeTask('write tests for the auth module', BALANCED);
    expect(r.scores.slice(0, 2).map((s) => s.score)).toEqual([1, 1]);
    expect(r.tier.name).toBe('critical');
  });

  it('counts a longer phrase once, not again for the words inside it', () => {
    const r = routeTask('debug the race condition', BALANCED);
    expect(r.matches).toEqual([{ tier: 'critical', category: 'complex debugging', phrase: 'race condition' }]);
  });

  it('matches plurals and word endings, not words that merely contain a phrase', () => {
    expect(routeTask('tail the logs', BALANCED).tier.name).toBe('quick');
    const login = routeTask('fix the login button', BALANCED);
    expect([login.tier.name, login.matches.map((m) => m.phrase)]).toEqual(['routine', ['fix', 'button']]);
    expect(login.scores).toContainEqual({ tier: 'critical', score: 1 });
    expect(routeTask('catalogue the blog', BALANCED).fallback).toBe(true);
  });
});

describe('routeTask with a team tier file', () => {
  const plan = tierPlan({
    defaultModel: 'sonnet-4-6',
    tiers: {
      cheap: { model: 'haiku', tasks: ['formatting'] },
      everyday: { model: 'sonnet-4-6', tasks: ['bug fixes', 'invoice reconciliation'] },
      hard: { model: 'opus-4.7', tasks: ['complex debugging'], keywords: ['billing', 'ledger*'] },
    },
  });

  it('uses the named tiers and their models', () => {
    expect(routeTask('reformat the yaml', plan).tier).toMatchObject({ name: 'cheap', model: 'haiku' });
    expect(routeTask('fix the typo', plan).tier).toMatchObject({ name: 'everyday', model: 'sonnet-4-6' });
  });

  it('matches the tier keywords, with * as any ending', () => {
    const r = routeTask('move the ledgers to the new billing service', plan);
    expect(r.tier.name).toBe('hard');
    expect(r.matches.map((m) => [m.category, m.phrase])).toEqual([
      ['keywords', 'ledger*'],
      ['keywords', 'billing'],
    ]);
  });

  it('matches a category cctier does not know by its own words', () => {
    const r = routeTask('reconcile last month invoices', plan);
    expect(r.tier.name).toBe('everyday');
    expect(r.matches).toEqual([{ tier: 'everyday', category: 'invoice reconciliation', phrase: 'invoice' }]);
  });

  it('falls back to the tier on the defaultModel when no tier is called routine', () => {
    expect(routeTask('think about it', plan).tier.name).toBe('everyday');
  });

  it('ranks a team model by the tier the team gave it', () => {
    const team = extendCatalog(CATALOG, { models: [{ id: 'acme-large', tier: 3 }, { id: 'acme-small', tier: 1 }] });
    const tied = tierPlan({ tiers: { small: { model: 'acme-small', keywords: ['deploy'] }, large: { model: 'acme-large', keywords: ['deploy'] } } });
    expect(routeTask('deploy it', tied, team).tier.name).toBe('large');
  });
});

describe('task-categories.json', () => {
  const known = new Set(categories.categories.flatMap((c) => [c.label, ...c.names].map((n) => n.toLowerCase())));

  it('knows every category of the balanced tiers, so none falls back to word matching', () => {
    for (const tier of Object.values(balanced.tiers)) for (const task of tier.tasks) expect(known).toContain(task.toLowerCase());
  });

  it('gives each name to one category only, and every category some phrases', () => {
    const names = categories.categories.flatMap((c) => [c.label, ...c.names].map((n) => n.toLowerCase()));
    for (const c of categories.categories) expect(c.phrases.length).toBeGreaterThan(0);
    const dupes = names.filter((n, i) => names.indexOf(n) !== i && !categories.categories.some((c) => c.label.toLowerCase() === n && c.names.map((x) => x.toLowerCase()).includes(n)));
    expect(dupes).toEqual([]);
  });
});
