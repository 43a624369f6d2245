import { parseTree } from 'jsonc-parser';
import { remove } from '../../src/core/fix/edits';
import { applyEdits } from '../../src/core/fix/apply';

const removed = (text: string, pointer: string): string => {
  const edit = remove({ text, tree: parseTree(text)! }, pointer)!;
  const out = applyEdits(text, [edit]).text;
  JSON.parse(out);
  return out;
};

describe('remove', () => {
  test('the last element of a one-line array', () => {
    expect(removed('{"allow": ["a", "b"]}', '/allow/1')).toBe('{"allow": ["a"]}');
  });
  test('the first and a middle element', () => {
    expect(removed('{"allow": ["a", "b", "c"]}', '/allow/0')).toBe('{"allow": ["b", "c"]}');
    expect(removed('{"allow": ["a", "b", "c"]}', '/allow/1')).toBe('{"allow": ["a", "c"]}');
  });
  test('the only element, and elements over several lines', () => {
    expect(removed('{"allow": ["a"]}', '/allow/0')).toBe('{"allow": []}');
    expect(removed('{\n  "allow": [\n    "a",\n    "b"\n  ]\n}', '/allow/1')).toBe('{\n  "allow": [\n    "a"\n  ]\n}');
  });
  test('a property, keeping the rest of the object as written', () => {
    expect(removed('{\n  "a": 1,\n  "b": 2\n}', '/a')).toBe('{\n  "b": 2\n}');
    expect(removed('{\n  "a": 1,\n  "b": 2\n}', '/b')).toBe('{\n  "a": 1\n}');
  });
});
