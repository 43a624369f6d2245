import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { forgetTierFiles, tierFileFor, tierFileForDir } from '../../../src/core/models/repo-tier-file';

describe('finding the repository\'s claude_settings.json', () => {
  let root: string;
  beforeEach(() => {
    forgetTierFiles();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'cctier-repo-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };

  it('walks up from a settings file to the tier file at the repository root', () => {
    write('repo/.git/HEAD', 'ref: refs/heads/main\n');
    write('repo/claude_settings.json', '{ "defaultModel": "sonnet-4-5", "maxModelForRoutineTasks": "sonnet" }');
    write('repo/.claude/settings.json', '{}');
    const found = tierFileFor(path.join(root, 'repo/.claude/settings.json'));
    expect(found).toMatchObject({ ok: true, path: path.join(root, 'repo/claude_settings.json') });
    expect(found?.ok && found.plan).toMatchObject({ defaultModel: 'sonnet-4-5', maxModelForRoutineTasks: 'sonnet' });
  });

  it('stops at the repository root (.git): a tier file above it belongs to another repository', () => {
    write('claude_settings.json', '{ "defaultModel": "opus" }');
    write('inner/.git', 'gitdir: elsewhere\n');
    write('inner/pkg/.claude/settings.json', '{}');
    expect(tierFileFor(path.join(root, 'inner/pkg/.claude/settings.json'))).toBeUndefined();
    expect(tierFileForDir(root)).toMatchObject({ ok: true });
  });

  it('reads it with the strict parser: a broken tier file is found but not used', () => {
    write('.git/HEAD', '');
    write('claude_settings.json', '{ "defaultModel": "sonnet", }');
    expect(tierFileForDir(root)).toMatchObject({ ok: false, path: path.join(root, 'claude_settings.json') });
    write('claude_settings.json', '[1]');
    forgetTierFiles();
    expect(tierFileForDir(root)).toMatchObject({ ok: false, problem: 'it is not a JSON object' });
  });

  it('caches per directory until told to forget', () => {
    write('.git/HEAD', '');
    write('a/b/settings.json', '{}');
    expect(tierFileForDir(path.join(root, 'a/b'))).toBeUndefined();
    write('claude_settings.json', '{ "defaultModel": "haiku" }');
    expect(tierFileForDir(path.join(root, 'a/b'))).toBeUndefined();
    expect(tierFileForDir(path.join(root, 'a'))).toBeUndefined();
    forgetTierFiles();
    expect(tierFileForDir(path.join(root, 'a/b'))).toMatchObject({ ok: true });
  });
});
