import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UsageError, type Io } from '../../src/commands/io';
import { run, type RouteCommandOptions } from '../../src/commands/route';

function fakeIo(cwd: string): Io & { out: string } {
  const io = { cwd, env: {}, isTTY: false, out: '', stdout: (t: string) => void (io.out += t), stderr: () => undefined };
  return io;
}

describe('cctier route', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cctier-route-'));
    fs.mkdirSync(path.join(dir, '.git'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const route = async (task: string, opts: Partial<RouteCommandOptions> = {}) => {
    const io = fakeIo(dir);
    const code = await run({ task, format: 'text', useConfig: true, ...opts }, io);
    return { code, out: io.out };
  };

  it('routes the issue\'s examples under the balanced defaults', async () => {
    const logs = await route('summarise these logs');
    expect(logs.code).toBe(0);
    expect(logs.out).toBe(
      'quick -> haiku (alias for Claude Haiku 5.5 today)\nwhy: "summari*", "log" (log summarisation)\ntiers: the balanced defaults (no claude_settings.json found)\n',
    );
    const race = await route('fix the auth token refresh race');
    expect(race.out.split('\n').slice(0, 2)).toEqual([
      'critical -> opus (alias for Claude Opus 5.5 today)',
      'why: "auth", "token" (authentication); "race" (complex debugging)',
    ]);
  });

  it('uses the repository\'s tier file, found from a subdirectory', async () => {
    fs.writeFileSync(
      path.join(dir, 'claude_settings.json'),
      JSON.stringify({ defaultModel: 'sonnet-4-6', tiers: { routine: { model: 'sonnet-4-6', tasks: ['tests'] }, critical: { model: 'opus-4.6', tasks: ['authentication'] } } }),
    );
    fs.mkdirSync(path.join(dir, 'src', 'deep'), { recursive: true });
    const { code, out } = await route('harden the auth flow', { dir: 'src/deep' });
    expect(code).toBe(0);
    expect(out).toBe('critical -> opus-4.6 (Claude Opus 4.6)\nwhy: "auth" (authentication)\ntiers: claude_settings.json\n');
  });

  it('runs routine work on the tier file\'s defaultModel when it has no tiers (the articles\' file)', async () => {
    fs.writeFileSync(path.join(dir, 'claude_settings.json'), '{ "defaultModel": "sonnet-4-5" }');
    const { out } = await route('add a settings page');
    expect(out).toBe(
      'routine -> sonnet-4-5 (Claude Sonnet 4.5)\nwhy: "add", "page" (features)\ntiers: the balanced defaults (claude_settings.json has no "tiers"), routine on its defaultModel\n',
    );
  });

  it('says so when nothing matched', async () => {
    const { out } = await route('ponder');
    expect(out).toContain('routine -> sonnet');
    expect(out).toContain('why: nothing in the task matched a category, so it goes to the routine tier');
  });

  it('gives JSON with the tier, model, resolution and matches', async () => {
    const { out } = await route('summarise these logs', { format: 'json' });
    expect(JSON.parse(out)).toEqual({
      task: 'summarise these logs',
      tier: 'quick',
      model: 'haiku',
      resolvesTo: { id: 'claude-haiku-5-5', name: 'Claude Haiku 5.5' },
      rank: 'quick',
      description: 'alias for Claude Haiku 5.5 today',
      matches: [
        { category: 'log summarisation', phrase: 'summari*' },
        { category: 'log summarisation', phrase: 'log' },
      ],
      fallback: false,
      scores: [
        { tier: 'quick', score: 2 },
        { tier: 'critical', score: 0 },
        { tier: 'routine', score: 0 },
      ],
      tiersFrom: 'balanced',
      tierFile: null,
    });
  });

  it('refuses an empty task, a missing directory and a broken tier file (exit 2 in the CLI)', async () => {
    await expect(route('   ')).rejects.toThrow(UsageError);
    await expect(route('x', { dir: 'nope' })).rejects.toThrow(/nope is not a directory/);
    fs.writeFileSync(path.join(dir, 'claude_settings.json'), '{ "defaultModel": "sonnet", }');
    await expect(route('x')).rejects.toThrow(/cannot use .*claude_settings\.json/);
  });
});
