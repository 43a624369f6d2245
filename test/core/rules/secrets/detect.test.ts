import { findSecrets, isLiteralCredential, isPlaceholder, isSecretName, looksRandom } from '../../../../src/core/rules/secrets/detect';

// Shaped like real credentials, made up; none is a working key.
const TOKENS: Array<[string, string]> = [
  ['sk-ant-api03-Zx8Qk2mVt7Lw9PbR4nYc1HdEj6UaFs3GoKiT5qWe0XyBvNlMr', 'an Anthropic API key'],
  ['sk-or-v1-EXAMPLEREDACTEDEXAMPLEREDACTEDEXAMPLEREDACTEDEXAMPLEREDACTEDEXAM', 'an OpenRouter API key'],
  ['sk-proj-Qm3Vx9Lk2Tw7Pb4Rn8Yc1Hd5Ej6Ua0Fs', 'an sk- API key'],
  ['sk-EXAMPLEREDACTEDEXAMPLEREDACTEDEX', 'an sk- API key'],
  ['ghp_Zx8Qk2mVt7Lw9PbR4nYc1HdEj6UaFs3GoKiT', 'a GitHub token'],
  ['gho_Zx8Qk2mVt7Lw9PbR4nYc1HdEj6UaFs3GoKiT', 'a GitHub token'],
  ['github_pat_11ABCDEFG0Zx8Qk2mVt7Lw_9PbR4nYc1HdEj6UaFs3GoKiT5qWe0XyBvNlMr', 'a GitHub token'],
  ['glpat-Zx8Qk2mVt7Lw9PbR4nYc', 'a GitLab token'],
  ['AKIAZX8QK2MVT7LW9PBR', 'an AWS access key'],
  ['ASIAZX8QK2MVT7LW9PBR', 'an AWS access key'],
  ['xoxb-1234567890-0987654321-Zx8Qk2mVt7Lw9PbR', 'a Slack token'],
  ['AIzaSyZx8Qk2mVt7Lw9PbR4nYc1HdEj6UaFs3Go', 'a Google API key'],
  ['sk_live_Zx8Qk2mVt7Lw9PbR4nYc1HdE', 'a Stripe secret key'],
  ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.Zx8Qk2mVt7Lw9PbR4nYc1HdEj6UaFs3Go', 'a JSON Web Token'],
];

describe('findSecrets', () => {
  it.each(TOKENS)('finds %s as %s, alone and inside text', (token, label) => {
    expect(findSecrets(token)).toEqual([{ start: 0, end: token.length, label }]);
    const text = `curl -H "X-Custom: 1" https://api.example.com?k=1 --data @- ${token} | jq .`;
    const found = findSecrets(text);
    expect(found).toHaveLength(1);
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe(token);
  });

  it.each([
    ['Bash(PGPASSWORD=hunter2 psql *)', 'hunter2', 'the value of PGPASSWORD'],
    ['DB_PASSWORD="s3cr3t pass" php artisan migrate', 's3cr3t pass', 'the value of DB_PASSWORD'],
    ['curl -H "Authorization: Bearer abcdef0123456789" https://x', 'abcdef0123456789', 'the Authorization value'],
    ['curl -s http://localhost/v1 -H "x-api-key: EXAMPLEREDACTED"', 'EXAMPLEREDACTED', 'the x-api-key value'],
    ['mytool --api-key=Zk29dkslq02 run', 'Zk29dkslq02', 'the value of --api-key'],
    ['mytool --token Zk29dkslq02 run', 'Zk29dkslq02', 'the value of --token'],
    ['git clone https://deploy:Pa55word99@git.example.com/repo.git', 'Pa55word99', 'a password in a URL'],
    ['wget --header="Authorization: Basic dXNlcjpwYXNzd29yZA=="', 'dXNlcjpwYXNzd29yZA==', 'the Authorization value'],
  ])('finds the credential in %s', (text, secret, label) => {
    const found = findSecrets(text);
    expect(found).toHaveLength(1);
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe(secret);
    expect(found[0]!.label).toBe(label);
  });

  it.each([
    'Bash(npm run build)',
    'Bash(export API_KEY=*)',
    'Bash(PGPASSWORD=$PGPASS psql *)',
    'curl -H "Authorization: Bearer $GITHUB_TOKEN" https://api.github.com',
    'curl -H "Authorization: Bearer ${TOKEN}" https://x',
    'echo sk-ant-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    'echo sk-your-anthropic-api-key-goes-here',
    'npm install --save-dev scikit-learn task-runner-for-everything-in-this-repo',
    'Bash(git push origin task-some-very-long-branch-name-here)',
    'AKIAIOSFODNN7EXAMPLE',
    'https://user@example.com/path',
    'mytool --token-file ~/.config/token run',
    'Bash(docker run -e PASSWORD=<your-password> img)',
    'MY_KEY=changeme ./run.sh',
    'Bash(git:*)',
    'Read(~/.ssh/id_rsa)',
    'sk-1234',
    'python -c "print(1)" --mode=fast',
  ])('finds nothing in %s', (text) => {
    expect(findSecrets(text)).toEqual([]);
  });
});

describe('names, placeholders and randomness', () => {
  it.each(['ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN', 'AWS_BEARER_TOKEN_BEDROCK', 'CLAUDE_CODE_OAUTH_TOKEN', 'MCP_CLIENT_SECRET', 'PGPASSWORD', 'DB_PASSWORD', 'x-api-key', 'Authorization', 'apiKey', 'clientSecret', 'GITHUB_PAT', 'MYSQL_PWD', 'TOKEN'])(
    '%s names a secret',
    (name) => expect(isSecretName(name)).toBe(true),
  );
  it.each(['MAX_THINKING_TOKENS', 'CLAUDE_CODE_MAX_OUTPUT_TOKENS', 'apiKeyHelper', 'CLAUDE_CODE_API_KEY_HELPER_TTL_MS', 'AWS_ACCESS_KEY_ID', 'SECRET_NAME', 'PASSWORD_FILE', 'PUBLIC_KEY', 'PWD', 'ANTHROPIC_MODEL', 'otelHeadersHelper'])(
    '%s does not',
    (name) => expect(isSecretName(name)).toBe(false),
  );
  it.each(['', '  ', '${ANTHROPIC_API_KEY}', '$TOKEN', '$(cat ~/.token)', '%API_KEY%', '{{ token }}', '<your-key>', '[token]', 'xxx', 'XXXXXXXX', '****', 'changeme', 'EXAMPLE', 'your-api-EXAMPLERED', 'YOUR_API_KEY_HERE', 'my-secret-api-key', 'sk-...', 'op://vault/item/field', 'REDACTED', 'dummy'])(
    '%j is a placeholder',
    (v) => expect(isPlaceholder(v)).toBe(true),
  );
  it.each(['hunter2', 'EXAMPLEREDACTEDEX', 'EXAMPLEREDACTEDEXAMPLEREDACTEDEXAMPLEREDACTEDEXAMPLE', 'admin', 'sk-or-v1-EXAMPLEREDACTEDEXAMPLE'])('%j is not', (v) => {
    expect(isPlaceholder(v)).toBe(false);
    expect(isLiteralCredential(v)).toBe(true);
  });
  it.each(['/etc/ssl/client.key', '~/.config/gcloud/key.json', './certs/client.pem', 'C:\\keys\\a.pem', 'https://vault.example.com/v1/secret', 'true', '1', 'no'])(
    '%j under a secret name is not a credential in clear text',
    (v) => expect(isLiteralCredential(v)).toBe(false),
  );
  it.each(['Zx8Qk2mVt7Lw9PbR4nYc1HdEj6UaFs3G', 'dGhpcyBpcyBhIHNlY3JldCB0b2tlbjEy'])('%s looks random', (v) => expect(looksRandom(v)).toBe(true));
  it.each([
    'tlStudio.versions.v1',
    'ProjectTimelineStudio2024',
    'claude-sonnet-4-5-20250929',
    'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
    '123e4567-e89b-12d3-a456-426614174000',
    'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3',
    '/usr/local/bin/Tool2Runner',
    'EXAMPLEREDACTEDEXAMPLEREDACTED',
    'CLAUDE_CODE_USE_BEDROCK_2',
  ])('%s does not', (v) => expect(looksRandom(v)).toBe(false));
});
