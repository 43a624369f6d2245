// Building blocks for the generated project trees: what real team settings files tend to hold (shaped after
// the kinds of files in the shared real-world corpus, written fresh here), and the mistakes people make.
// The generator (bench/lib/tree.mjs) picks from these with a seeded random stream, so trees are the same on
// every run and every machine.

export const ALLOW = [
  'Bash(npm run lint)',
  'Bash(npm run test:*)',
  'Bash(npm run build)',
  'Bash(npm install)',
  'Bash(pnpm install)',
  'Bash(pnpm test:*)',
  'Bash(yarn lint)',
  'Bash(npx tsc --noEmit)',
  'Bash(npx vitest run:*)',
  'Bash(git status)',
  'Bash(git diff:*)',
  'Bash(git log:*)',
  'Bash(git add:*)',
  'Bash(git commit:*)',
  'Bash(gh issue view:*)',
  'Bash(gh pr list:*)',
  'Bash(make build)',
  'Bash(make test)',
  'Bash(go test ./...)',
  'Bash(go build ./...)',
  'Bash(cargo test)',
  'Bash(cargo clippy:*)',
  'Bash(pytest -q)',
  'Bash(uv run pytest:*)',
  'Bash(ls:*)',
  'Bash(find . -name:*)',
  'Bash(rg:*)',
  'Bash(docker compose ps)',
  'Read(src/**)',
  'Read(docs/**)',
  'Edit(src/**)',
  'Edit(test/**)',
  'Write(docs/**)',
  'Glob',
  'Grep',
  'WebSearch',
  'WebFetch(domain:docs.anthropic.com)',
  'WebFetch(domain:developer.mozilla.org)',
  'WebFetch(domain:github.com)',
  'mcp__github__get_issue',
  'mcp__github__list_pull_requests',
  'mcp__context7__get-library-docs',
];

export const DENY = [
  'Read(./.env)',
  'Read(./.env.*)',
  'Read(./secrets/**)',
  'Read(~/.aws/**)',
  'Bash(curl:*)',
  'Bash(wget:*)',
  'Bash(rm -rf:*)',
  'Bash(git push --force:*)',
  'Bash(sudo:*)',
  'WebFetch',
];

export const ASK = ['Bash(git push:*)', 'Bash(npm publish)', 'Bash(docker run:*)', 'Edit(package.json)', 'Edit(.github/**)'];

export const MODES = ['default', 'acceptEdits', 'plan'];

export const MODELS = ['sonnet', 'opus', 'haiku', 'claude-sonnet-4-5', 'opusplan'];

export const ENV = [
  ['NODE_ENV', 'development'],
  ['BASH_DEFAULT_TIMEOUT_MS', '120000'],
  ['BASH_MAX_TIMEOUT_MS', '600000'],
  ['CLAUDE_CODE_MAX_OUTPUT_TOKENS', '16000'],
  ['MAX_THINKING_TOKENS', '8000'],
  ['DISABLE_TELEMETRY', '1'],
  ['CLAUDE_CODE_ENABLE_TELEMETRY', '1'],
  ['OTEL_METRICS_EXPORTER', 'otlp'],
  ['DEBUG', 'app:*'],
  ['PYTHONDONTWRITEBYTECODE', '1'],
];

// Hook handlers by event: [matcher or null, command].
export const HOOKS = {
  PreToolUse: [
    ['Bash', '"$CLAUDE_PROJECT_DIR"/.claude/hooks/check-command.sh'],
    ['Edit|Write', 'node .claude/hooks/protect-files.js'],
  ],
  PostToolUse: [
    ['Edit|MultiEdit|Write', "jq -r '.tool_input.file_path' | xargs npx prettier --write"],
    ['Write', 'npm run lint --silent'],
    ['Edit', 'gofmt -w .'],
  ],
  Stop: [[null, 'notify-send "Claude Code" "Done"'], [null, 'npm test --silent']],
  SessionStart: [['startup', 'cat .claude/context.md']],
  UserPromptSubmit: [[null, 'python3 .claude/hooks/prompt-guard.py']],
  Notification: [[null, 'afplay /System/Library/Sounds/Glass.aiff']],
};

// Other top-level keys seen often, with typical values.
export const EXTRAS = [
  ['$schema', 'https://json.schemastore.org/claude-code-settings.json'],
  ['cleanupPeriodDays', 30],
  ['includeCoAuthoredBy', false],
  ['alwaysThinkingEnabled', true],
  ['enableAllProjectMcpServers', true],
  ['enabledMcpjsonServers', ['github', 'context7']],
  ['outputStyle', 'Explanatory'],
  ['spinnerTipsEnabled', false],
  ['enabledPlugins', { 'formatter@team-tools': true }],
];

// Permission rules Claude Code itself appends to settings.local.json when a person clicks "always allow".
export const LOCAL_ALLOW = [
  'Bash(npm test:*)',
  'Bash(node scripts/seed.js)',
  'Bash(git checkout:*)',
  'Bash(git stash:*)',
  'Bash(python3 -m pytest tests/test_api.py -q)',
  'Bash(docker compose up -d)',
  'WebFetch(domain:stackoverflow.com)',
  'Bash(timeout 10 npm run dev:*)',
];

// The tiering keys of claude_settings.json.
export const TIER_MODELS = ['sonnet', 'opus', 'haiku', 'sonnet-4-5', 'claude-opus-4-1', 'opus-4.6'];

// Mistakes, each applied to a small share of files. `object` edits the settings object before it is
// written; `text` edits the JSON text (for mistakes JSON.parse would hide or refuse).
export const PROBLEMS = [
  { id: 'typo-key', object: (s) => rename(s, 'permissions', 'permisions') },
  { id: 'unknown-tool', object: (s) => allowPush(s, 'Bassh(ls)') },
  { id: 'unbalanced-rule', object: (s) => allowPush(s, 'Bash(npm test') },
  { id: 'wildcard-bash', object: (s) => allowPush(s, 'Bash(*)') },
  { id: 'bypass-mode', object: (s) => ((s.permissions ??= {}).defaultMode = 'bypassPermissions') },
  { id: 'bad-model', object: (s) => (s.model = 'gpt-4o') },
  { id: 'wrong-type', object: (s) => (s.cleanupPeriodDays = '30') },
  { id: 'bad-hook-event', object: (s) => ((s.hooks ??= {}).PreToolUze = [{ hooks: [{ type: 'command', command: 'true' }] }]) },
  // A fake key with the shape of an Anthropic API key, so secret checks have something to find.
  { id: 'secret-in-env', object: (s, rand) => ((s.env ??= {}).ANTHROPIC_API_KEY = 'sk-ant-api03-' + fakeToken(rand, 40)) },
  { id: 'duplicate-key', text: (t) => t.replace(/^\{/, '{\n  "model": "opus",') },
  { id: 'trailing-comma', text: (t) => t.replace(/\s*\}\s*$/, ',\n}\n') },
];

function rename(obj, from, to) {
  if (!Object.prototype.hasOwnProperty.call(obj, from)) return;
  obj[to] = obj[from];
  delete obj[from];
}

function allowPush(s, rule) {
  const p = (s.permissions ??= {});
  (p.allow ??= []).push(rule);
}

function fakeToken(rand, length) {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < length; i++) out += chars[Math.floor(rand() * chars.length)];
  return out;
}
