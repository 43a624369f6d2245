import { looksSecret, pointerLabel, redact, redactSecrets, valuePreview } from '../../../src/core/text/preview';

/** Every 12-character piece of `secret`: none may appear in anything shown. */
function pieces(secret: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 12 <= secret.length; i++) out.push(secret.slice(i, i + 12));
  return out;
}

const SECRETS = [
  'sk-ant-api03-Zx8Qk2mVt7Lw9PbR4nYc1HdEj6UaFs3GoKiT5qWe0XyBvNlMr',
  'sk-or-v1-EXAMPLEREDACTEDEXAMPLEREDACTEDEXAMPLEREDACTEDEXAMPLEREDACTEDEXAM',
  'github_pat_11ABCDEFG0Zx8Qk2mVt7Lw_9PbR4nYc1HdEj6UaFs3GoKiT5qWe0XyBvNlMr',
  'ghp_Zx8Qk2mVt7Lw9PbR4nYc1HdEj6UaFs3GoKiT',
  'AKIAZX8QK2MVT7LW9PBR',
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.Zx8Qk2mVt7Lw9PbR4nYc1HdEj6UaFs3Go',
  'Zx8Qk2mVt7Lw9PbR4nYc1HdEj6UaFs3G',
];

describe('redact', () => {
  it.each([
    ['sk-or-v1-EXAMPLEREDACTEDEXAMPLEREDACTEDEXAMPLEREDACTEDEXAMPLEREDACTEDEXAM', 'sk-or-v1-EX…'],
    ['sk-ant-api03-Zx8Qk2mVt7Lw9PbR4nYc1HdEj6UaFs3GoKiT5qWe0XyBvNlMr', 'sk-ant-…'],
    ['ghp_Zx8Qk2mVt7Lw9PbR4nYc1HdEj6UaFs3GoKiT', 'ghp_Zx…'],
    ['github_pat_11ABCDEFG0Zx8Qk2mVt7Lw_9PbR4nYc1HdEj6UaFs3GoKiT5qWe0XyBvNlMr', 'github_pat_…'],
    ['AKIAZX8QK2MVT7LW9PBR', 'AKIAZX…'],
    ['hunter2', 'h…'],
    ['EXAMPLEREDACTEDEXAMPLEREDACTEDEXAMPLEREDAC', 'EXAM…'],
    ['admin', '…'],
  ])('%s -> %s', (secret, shown) => expect(redact(secret)).toBe(shown));

  it.each(SECRETS)('never shows 12 characters of %s', (secret) => {
    const shown = redact(secret);
    expect(shown.length).toBeLessThanOrEqual(12);
    for (const p of pieces(secret)) expect(shown).not.toContain(p);
  });
});

describe('looksSecret', () => {
  it.each(SECRETS)('%s', (s) => expect(looksSecret(s)).toBe(true));
  it('sees credentials inside text', () => {
    expect(looksSecret('Bash(PGPASSWORD=hunter2 psql *)')).toBe(true);
    expect(looksSecret(`curl -H "Authorization: Bearer ${SECRETS[3]}"`)).toBe(true);
  });
  it('counts a literal under a secret name only when given the name', () => {
    expect(looksSecret('EXAMPLEREDACTEDEX')).toBe(false);
    expect(looksSecret('EXAMPLEREDACTEDEX', 'ANTHROPIC_AUTH_TOKEN')).toBe(true);
    expect(looksSecret('${ANTHROPIC_AUTH_TOKEN}', 'ANTHROPIC_AUTH_TOKEN')).toBe(false);
  });
  it.each(['sonnet', 'claude-opus-4-1-20250805', 'Bash(npm test)', 'https://example.com/a/b', '', '600000'])('%j is not a secret', (s) =>
    expect(looksSecret(s)).toBe(false),
  );
});

describe('redactSecrets and valuePreview', () => {
  it('redacts only the credential and keeps the rest readable', () => {
    expect(redactSecrets('Bash(PGPASSWORD=hunter2 psql *)')).toBe('Bash(PGPASSWORD=h… psql *)');
    expect(redactSecrets(`echo ${SECRETS[1]} | tee`)).toBe('echo sk-or-v1-EX… | tee');
    expect(redactSecrets('EXAMPLEREDACTEDEX', 'ANTHROPIC_AUTH_TOKEN')).toBe('EX…');
  });

  it.each(SECRETS)('valuePreview never shows 12 characters of %s, alone or in a command', (secret) => {
    for (const value of [secret, `curl -H "Authorization: Bearer ${secret}" https://api.example.com`, `X=1 TOKEN=${secret} run`]) {
      const shown = valuePreview(value);
      for (const p of pieces(secret)) expect(shown).not.toContain(p);
    }
  });

  it('shows ordinary values, shortened past 60 characters', () => {
    expect(valuePreview('sonnet')).toBe('"sonnet"');
    expect(valuePreview('a'.repeat(80))).toBe(JSON.stringify('a'.repeat(57) + '…'));
    expect(valuePreview(3)).toBe('3');
    expect(valuePreview(null)).toBe('null');
    expect(valuePreview([1])).toBe('an array');
    expect(valuePreview({})).toBe('an object');
  });

  it('labels pointers', () => {
    expect(pointerLabel('/permissions/allow/2')).toBe('permissions.allow[2]');
    expect(pointerLabel('/env/my var')).toBe('env["my var"]');
    expect(pointerLabel('')).toBe('the document');
  });
});
