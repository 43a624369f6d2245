import { BALANCED_TIERS, hasTierKeys, tierPlan } from '../../../src/core/models/tier-plan';

describe('tierPlan', () => {
  it('gives the balanced defaults without a tier file: quick on Haiku, routine on Sonnet, critical on Opus', () => {
    const plan = tierPlan(undefined);
    expect(plan.tiers.map((t) => [t.name, t.model])).toEqual([
      ['quick', 'haiku'],
      ['routine', 'sonnet'],
      ['critical', 'opus'],
    ]);
    expect([plan.tiersFrom, plan.routine, plan.defaultModel]).toEqual(['balanced', 'routine', undefined]);
    expect(plan.tiers[2]).toMatchObject({ maxCostPercent: 25 });
  });

  it('runs routine work on the file\'s defaultModel when the file has no tiers (the articles\' files)', () => {
    const plan = tierPlan({ defaultModel: 'sonnet-4-5', maxModelForRoutineTasks: 'sonnet-4-5' });
    expect(plan).toMatchObject({ defaultModel: 'sonnet-4-5', maxModelForRoutineTasks: 'sonnet-4-5', tiersFrom: 'balanced' });
    expect(plan.tiers.find((t) => t.name === 'routine')?.model).toBe('sonnet-4-5');
    expect(BALANCED_TIERS.find((t) => t.name === 'routine')?.model).toBe('sonnet');
  });

  it('reads named tiers with their tasks, keywords and spend targets', () => {
    const plan = tierPlan({
      tiers: {
        fast: { model: 'haiku', tasks: ['formatting'], keywords: ['lint'], minCostPercent: 5 },
        deep: { model: 'opus', tasks: ['complex debugging'], maxCostPercent: 25, description: 'hard things' },
      },
    });
    expect(plan.tiersFrom).toBe('file');
    expect(plan.tiers).toEqual([
      { name: 'fast', model: 'haiku', tasks: ['formatting'], keywords: ['lint'], minCostPercent: 5 },
      { name: 'deep', model: 'opus', tasks: ['complex debugging'], keywords: [], maxCostPercent: 25, description: 'hard things' },
    ]);
    // No tier named routine and no defaultModel: the middle one (here the first of two).
    expect(plan.routine).toBe('fast');
  });

  it('skips what the schema rules report as malformed instead of failing', () => {
    const plan = tierPlan({
      defaultModel: 42,
      maxModelForRoutineTasks: '  ',
      tiers: { a: null, b: { tasks: ['x'] }, c: { model: 'sonnet', tasks: 'tests', keywords: [1, 'ok'], maxCostPercent: 250 } },
    });
    expect(plan.defaultModel).toBeUndefined();
    expect(plan.maxModelForRoutineTasks).toBeUndefined();
    expect(plan.tiers).toEqual([{ name: 'c', model: 'sonnet', tasks: [], keywords: ['ok'] }]);
  });

  it('treats __proto__ and other odd names as ordinary keys', () => {
    const value = JSON.parse('{"tiers": {"__proto__": {"model": "haiku"}}, "defaultModel": "sonnet"}');
    expect(tierPlan(value).tiers.map((t) => t.name)).toEqual(['__proto__']);
  });

  it('tells a tier file from a dotfiles copy of user settings', () => {
    expect(hasTierKeys({ model: 'opus', permissions: {} })).toBe(false);
    expect(hasTierKeys({ defaultModel: 'sonnet' })).toBe(true);
    expect(hasTierKeys({ tiers: {} })).toBe(true);
  });
});
