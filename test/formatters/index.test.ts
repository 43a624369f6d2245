import { FORMAT_NAMES, isFormatName, loadFormatter } from '../../src/formatters';
import { RESULTS, context } from './fixtures';

const MODULES = ['stylish', 'json', 'sarif', 'github'].map((name) => require.resolve(`../../src/formatters/${name}`));

describe('formatter registry', () => {
  it('names the four formats', () => {
    expect(FORMAT_NAMES).toEqual(['stylish', 'json', 'sarif', 'github']);
    expect(isFormatName('sarif')).toBe(true);
    expect(isFormatName('checkstyle')).toBe(false);
  });

  it('loads each formatter, and only the one asked for', () => {
    jest.isolateModules(() => {
      const { loadFormatter: load } = require('../../src/formatters') as typeof import('../../src/formatters');
      const loaded = () => MODULES.filter((m) => m in require.cache);
      expect(loaded()).toEqual([]);
      load('json');
      expect(loaded()).toEqual([MODULES[1]]);
    });
  });

  it.each(FORMAT_NAMES)('%s formats results to text', (name) => {
    const output = loadFormatter(name)(RESULTS, context());
    expect(typeof output).toBe('string');
    expect(output).toContain('schema/unknown-key');
  });
});
