import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Io } from '../../src/commands/io';
import { run, type ModelsCommandOptions } from '../../src/commands/models';
import { CATALOG } from '../../src/core/models/catalog';

function fakeIo(cwd: string): Io & { out: string; err: string } {
  const io = { cwd, env: {}, isTTY: false, out: '', err: '', stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

describe('cctier models', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cctier-models-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const models = (opts: Partial<ModelsCommandOptions> = {}) => {
    const io = fakeIo(dir);
    return run({ refs: [], format: 'table', useConfig: true, ...opts }, io).then((code) => ({ code, out: io.out, err: io.err }));
  };

  it('lists the catalog as a table: id, aliases, tier, status, $ in/out per MTok', async () => {
    const { code, out } = await models();
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^ID +ALIASES +TIER +STATUS +\$ IN \/ OUT PER MTOK$/);
    expect(lines.filter((l) => l.startsWith('claude-'))).toHaveLength(CATALOG.models.length);
    expect(out).toMatch(/^claude-sonnet-4-5-20250929 +claude-sonnet-4-5 +routine +deprecated, retires 2026-11-30 +\$3 \/ \$15$/m);
    expect(out).toMatch(/^claude-sonnet-5-5 +sonnet +routine +active +\$2 \/ \$10$/m);
    expect(out).toMatch(/^claude-3-5-sonnet-20241022 +claude-3-5-sonnet-latest +routine +retired 2025-10-28 /m);
    expect(out).toContain(`as of ${CATALOG.asOf}`);
  });

  it('lists the catalog as JSON', async () => {
    const { code, out } = await models({ format: 'json' });
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect(doc.asOf).toBe(CATALOG.asOf);
    expect(doc.models).toHaveLength(CATALOG.models.length);
    expect(doc.models.find((m: { id: string }) => m.id === 'claude-opus-4-5-20251101')).toMatchObject({
      tier: 3,
      tierName: 'critical',
      aliases: ['claude-opus-4-5'],
      status: 'active',
      prices: { input: 5, output: 25 },
    });
  });

  it('resolves the references given, and exits 1 when one resolves to nothing', async () => {
    const { code, out } = await models({ refs: ['opus-4.5', 'sonnet', 'glm-4.7', 'sonet'] });
    expect(code).toBe(1);
    expect(out).toMatch(/^opus-4\.5 +claude-opus-4-5-20251101 \(Claude Opus 4\.5\) +critical +active \(legacy\) +write "claude-opus-4-5"$/m);
    expect(out).toMatch(/^sonnet +alias for Claude Sonnet 5\.5 today +routine +active$/m);
    expect(out).toMatch(/^glm-4\.7 +a Zhipu \(GLM\) model +— +— +no tier: add it to cctier config "models"$/m);
    expect(out).toMatch(/^sonet +unknown +— +— +did you mean "sonnet"\?$/m);
  });

  it('exits 0 when every reference resolves, and gives JSON per reference', async () => {
    const { code, out } = await models({ refs: ['haiku-4-5', 'claude-opus-5-6'], format: 'json' });
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual([
      expect.objectContaining({ ref: 'haiku-4-5', kind: 'model', tier: 1, tierName: 'quick', canonical: false, suggestion: 'claude-haiku-4-5', model: expect.objectContaining({ id: 'claude-haiku-4-5-20251001' }) }),
      expect.objectContaining({ ref: 'claude-opus-5-6', kind: 'claude-unknown', family: 'opus', tier: 3, newerThanCatalog: true }),
    ]);
  });

  it('includes the team\'s models from cctier config, unless --no-config', async () => {
    fs.writeFileSync(path.join(dir, '.cctierrc.json'), JSON.stringify({ models: { 'glm-4.7': { tier: 'routine', prices: { input: 0.6, output: 2.2 } } } }));
    const withConfig = await models({ refs: ['glm-4.7'] });
    expect(withConfig.out).toMatch(/^glm-4\.7 +glm-4\.7 \(glm-4\.7\) +routine +active$/m);
    const listed = await models();
    expect(listed.out).toMatch(/^glm-4\.7 +— +routine +active +\$0\.6 \/ \$2\.2$/m);
    const without = await models({ refs: ['glm-4.7'], useConfig: false });
    expect(without.out).toContain('a Zhipu (GLM) model');
  });

  it('turns a broken models config into a usage error (exit 2 in the CLI)', async () => {
    fs.writeFileSync(path.join(dir, '.cctierrc.json'), JSON.stringify({ models: { 'acme-coder': { prices: { input: 1, output: 2 } } } }));
    await expect(models()).rejects.toThrow(/models: model "acme-coder": a new model needs a tier/);
  });
});
