import { detectProject, type ProjectFiles } from '../../../src/core/scaffold/detect';
import { builtinTemplates } from '../../../src/core/scaffold/templates';

const rules = builtinTemplates().commands;

function files(map: Record<string, string>): ProjectFiles {
  return { read: (rel) => map[rel], exists: (rel) => Object.prototype.hasOwnProperty.call(map, rel) };
}

const pkg = (scripts: Record<string, string>, extra: Record<string, unknown> = {}) => JSON.stringify({ name: 'x', scripts, ...extra });

describe('detectProject', () => {
  it('finds nothing in an empty project', () => {
    expect(detectProject(files({}), rules)).toEqual({ types: [], commands: [] });
  });

  it('allows the test, lint and build scripts of package.json, through the package manager in use', () => {
    const scripts = { test: 'jest', lint: 'eslint .', build: 'tsc', dev: 'vite', deploy: 'wrangler deploy' };
    expect(detectProject(files({ 'package.json': pkg(scripts) }), rules).commands).toEqual(['npm test', 'npm run test', 'npm run lint', 'npm run build']);
    expect(detectProject(files({ 'package.json': pkg(scripts), 'pnpm-lock.yaml': '' }), rules).commands).toEqual(['pnpm test', 'pnpm run test', 'pnpm run lint', 'pnpm run build']);
    expect(detectProject(files({ 'package.json': pkg(scripts), 'yarn.lock': '' }), rules).commands[0]).toBe('yarn test');
    // `bun test` is bun's own test runner, not the script.
    expect(detectProject(files({ 'package.json': pkg(scripts), 'bun.lock': '' }), rules).commands).toEqual(['bun run test', 'bun run lint', 'bun run build']);
    // Corepack's packageManager field wins over a stray lock file.
    expect(detectProject(files({ 'package.json': pkg({ lint: 'x' }, { packageManager: 'pnpm@9.1.0' }), 'yarn.lock': '' }), rules).commands).toEqual(['pnpm run lint']);
  });

  it('skips npm init\'s placeholder test script, empty scripts and unreadable package.json', () => {
    expect(detectProject(files({ 'package.json': pkg({ test: 'echo "Error: no test specified" && exit 1', lint: '  ' }) }), rules)).toEqual({ types: ['node'], commands: [] });
    expect(detectProject(files({ 'package.json': '{ not json' }), rules)).toEqual({ types: ['node'], commands: [] });
    expect(detectProject(files({ 'package.json': JSON.stringify({ scripts: ['test'] }) }), rules).commands).toEqual([]);
    // An inherited name is not a script.
    expect(detectProject(files({ 'package.json': '{"scripts": {"__proto__": {"test": "x"}}}' }), rules).commands).toEqual([]);
  });

  it('reads Makefile targets, not variables or other targets', () => {
    const makefile = ['CC := gcc', 'lint:=no', '.PHONY: test build', 'build test: deps', '\tmake -C x', 'check:: a', 'release:', '  test: not a rule'].join('\n');
    expect(detectProject(files({ Makefile: makefile }), rules)).toEqual({ types: ['make'], commands: ['make test', 'make check', 'make build'] });
    expect(detectProject(files({ GNUmakefile: 'lint:\n' }), rules).commands).toEqual(['make lint']);
  });

  it('reads pyproject.toml tool sections and dependencies, with the runner the lock file names', () => {
    const toml = ['[project]', 'dependencies = ["pytest-cov", "httpx"]', '[tool.ruff.lint]', 'select = ["E"]'].join('\n');
    expect(detectProject(files({ 'pyproject.toml': toml }), rules).commands).toEqual(['ruff check', 'ruff format --check']);
    expect(detectProject(files({ 'pyproject.toml': toml + '\n[dependency-groups]\ndev = ["pytest>=8"]\n', 'uv.lock': '' }), rules).commands).toEqual([
      'uv run pytest',
      'uv run ruff check',
      'uv run ruff format --check',
    ]);
    const poetry = ['[tool.poetry]', 'name = "x"', '[tool.poetry.group.dev.dependencies]', 'pytest = "^8"', 'mypy = "*"'].join('\n');
    expect(detectProject(files({ 'pyproject.toml': poetry }), rules).commands).toEqual(['poetry run pytest', 'poetry run mypy .']);
  });

  it('allows the standard go and cargo commands, and keeps types in a fixed order', () => {
    const found = detectProject(files({ 'Cargo.toml': '[package]\n', 'go.mod': 'module x\n', Makefile: 'test:\n' }), rules);
    expect(found.types).toEqual(['go', 'rust', 'make']);
    expect(found.commands).toEqual(['go build ./...', 'go test ./...', 'go vet ./...', 'cargo build', 'cargo test', 'cargo check', 'cargo clippy', 'cargo fmt --check', 'make test']);
  });

  it('never allows a command with a trailing wildcard', () => {
    const all = detectProject(
      files({ 'package.json': pkg({ test: 'a', lint: 'b', build: 'c', typecheck: 'd' }), Makefile: 'test:\nlint:\n', 'pyproject.toml': '[tool.pytest]\n[tool.black]\n', 'go.mod': '', 'Cargo.toml': '' }),
      rules,
    );
    expect(all.commands.length).toBeGreaterThan(10);
    for (const c of all.commands) expect(c).not.toMatch(/\*/);
  });
});
