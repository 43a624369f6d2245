import { allowVerdict, isVersionPrefix } from '../../../src/core/models/allowlist';
import { CATALOG } from '../../../src/core/models/catalog';

const verdict = (value: string, list: string[]) => allowVerdict(value, list, CATALOG);

describe('availableModels as Claude Code matches it (facts §5)', () => {
  it('lets a family alias allow every model of the family', () => {
    expect(verdict('claude-sonnet-4-6', ['sonnet'])).toBe('allowed');
    expect(verdict('sonnet[1m]', ['sonnet'])).toBe('allowed');
    expect(verdict('claude-opus-4-8', ['sonnet', 'haiku'])).toBe('refused');
    expect(verdict('opus', ['sonnet', 'haiku'])).toBe('refused');
  });

  it('lets a specific entry turn its family wildcard off: ["sonnet","claude-sonnet-4-5"] allows only Sonnet 4.5', () => {
    const list = ['sonnet', 'claude-sonnet-4-5'];
    expect(verdict('claude-sonnet-4-5-20250929', list)).toBe('allowed');
    expect(verdict('claude-sonnet-4-5', list)).toBe('allowed');
    expect(verdict('claude-sonnet-4-6', list)).toBe('refused');
    // The alias itself resolves to the newest permitted version, so it still works.
    expect(verdict('sonnet', list)).toBe('allowed');
  });

  it('matches version prefixes and full IDs, in any of the model\'s names', () => {
    expect(verdict('claude-opus-4-5-20251101', ['claude-opus-4-5'])).toBe('allowed');
    expect(verdict('claude-opus-4-8', ['claude-opus-4'])).toBe('allowed');
    expect(verdict('opus-4.5', ['claude-opus-4-5-20251101'])).toBe('allowed');
    expect(verdict('us.anthropic.claude-opus-4-8', ['claude-opus-4-8'])).toBe('allowed');
    expect(verdict('claude-opus-5-6', ['claude-opus-5-5'])).toBe('refused');
    expect(verdict('claude-opus-5-6', ['opus'])).toBe('allowed');
  });

  it('leaves only Default with an empty list', () => {
    expect(verdict('sonnet', [])).toBe('refused');
    expect(verdict('default', [])).toBe('allowed');
  });

  it('handles composite aliases by the families they need', () => {
    expect(verdict('best', ['opus'])).toBe('allowed');
    expect(verdict('best', ['sonnet'])).toBe('refused');
    expect(verdict('opusplan', ['sonnet'])).toBe('refused');
    expect(verdict('opusplan', ['opus', 'sonnet'])).toBe('unknown');
    expect(verdict('opusplan', ['opusplan'])).toBe('allowed');
  });

  it('gives no verdict on another vendor\'s model the list does not name', () => {
    expect(verdict('glm-4.7', ['sonnet'])).toBe('unknown');
    expect(verdict('glm-4.7', ['glm'])).toBe('allowed');
  });

  it('knows a version prefix from a model of its own', () => {
    expect(isVersionPrefix('claude-opus-4', CATALOG)).toBe(true);
    expect(isVersionPrefix('claude-3-5', CATALOG)).toBe(true);
    expect(isVersionPrefix('claude-sonnet-4-5', CATALOG)).toBe(false);
    expect(isVersionPrefix('sonnet', CATALOG)).toBe(false);
    expect(isVersionPrefix('bananas', CATALOG)).toBe(false);
  });
});
