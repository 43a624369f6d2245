import { canonical, mergeJsonText, type MergePolicy } from '../../../src/core/scaffold/json-merge';

const policy = (over: Partial<MergePolicy> = {}): MergePolicy => ({ isUnion: () => true, isWhole: (p) => p === '/tiers', force: false, ...over });

const proposal = {
  $schema: 'https://example.com/s.json',
  model: 'claude-sonnet-5-5',
  permissions: { allow: ['Bash(npm test)'], ask: ['Bash(git push)'], deny: ['Read(.env*)'] },
};

describe('mergeJsonText', () => {
  it('adds what is missing in the file\'s own layout, $schema first, and leaves every other byte alone', () => {
    const text = '{\n    "permissions": {\n        "allow": ["Bash(ls)"],\n        "deny": [\n            "Read(./x)"\n        ]\n    },\n    "hooks": {"Stop": []}\n}\n';
    const m = mergeJsonText(text, proposal, policy());
    expect(m.text).toBe(
      '{\n    "$schema": "https://example.com/s.json",\n    "permissions": {\n        "allow": ["Bash(ls)", "Bash(npm test)"],\n        "deny": [\n            "Read(./x)",\n            "Read(.env*)"\n        ],\n        "ask": [\n            "Bash(git push)"\n        ]\n    },\n    "hooks": {"Stop": []},\n    "model": "claude-sonnet-5-5"\n}\n',
    );
    expect(m.added.map((a) => a.pointer)).toEqual(['/$schema', '/model', '/permissions/ask']);
    expect(m.appended.map((a) => a.pointer)).toEqual(['/permissions/allow', '/permissions/deny']);
    expect(JSON.parse(m.text)).toEqual({ ...proposal, permissions: { allow: ['Bash(ls)', 'Bash(npm test)'], deny: ['Read(./x)', 'Read(.env*)'], ask: ['Bash(git push)'] }, hooks: { Stop: [] } });
  });

  it('merging its own output again changes nothing', () => {
    for (const text of ['{}', '{"model":"opus"}', '{\n\t"permissions": {\n\t\t"allow": []\n\t}\n}', '{\r\n  "env": {"A": "1"}\r\n}\r\n']) {
      const once = mergeJsonText(text, proposal, policy()).text;
      const twice = mergeJsonText(once, proposal, policy());
      expect(twice.text).toBe(once);
      expect([...twice.added, ...twice.appended, ...twice.replaced]).toEqual([]);
    }
  });

  it('keeps tabs, CRLF and one-line objects as they are', () => {
    const tabs = mergeJsonText('{\n\t"env": {"A": "1"}\n}\n', { model: 'x' }, policy()).text;
    expect(tabs).toBe('{\n\t"env": {"A": "1"},\n\t"model": "x"\n}\n');
    const crlf = mergeJsonText('{\r\n  "env": {}\r\n}\r\n', { permissions: { deny: ['a'] } }, policy()).text;
    expect(crlf).toBe('{\r\n  "env": {},\r\n  "permissions": {\r\n    "deny": [\r\n      "a"\r\n    ]\r\n  }\r\n}\r\n');
    expect(mergeJsonText('{"a": 1}', { b: [1] }, policy()).text).toBe('{"a": 1, "b": [1]}');
    expect(mergeJsonText('{"a":[1,2]}', { a: [3] }, policy()).text).toBe('{"a":[1,2,3]}');
  });

  it('keeps values that differ unless forced, and then replaces them in place', () => {
    const text = '{\n  "model": "opus",\n  "tiers": {"x": {"model": "haiku"}}\n}\n';
    const wanted = { model: 'sonnet', tiers: { quick: { model: 'haiku' } } };
    const kept = mergeJsonText(text, wanted, policy());
    expect(kept.text).toBe(text);
    expect(kept.kept).toEqual([
      { pointer: '/model', current: 'opus', proposed: 'sonnet' },
      { pointer: '/tiers', current: { x: { model: 'haiku' } }, proposed: { quick: { model: 'haiku' } } },
    ]);
    const forced = mergeJsonText(text, wanted, policy({ force: true }));
    expect(forced.text).toBe('{\n  "model": "sonnet",\n  "tiers": {\n    "quick": {\n      "model": "haiku"\n    }\n  }\n}\n');
    expect(forced.replaced.map((r) => r.pointer)).toEqual(['/model', '/tiers']);
  });

  it('merges objects key by key unless whole, and lists only where they are unions', () => {
    const text = '{"tiers": {"own": {"model": "opus"}}, "sandbox": {"enabled": true}, "list": ["a"]}';
    const m = mergeJsonText(text, { tiers: { quick: {} }, sandbox: { autoAllow: false }, list: ['b'] }, policy({ isUnion: (p) => p !== '/list' }));
    expect(JSON.parse(m.text)).toEqual({ tiers: { own: { model: 'opus' } }, sandbox: { enabled: true, autoAllow: false }, list: ['a'] });
    expect(m.kept.map((k) => k.pointer)).toEqual(['/tiers', '/list']);
  });

  it('compares list entries and values by meaning, not key order; keeps a __proto__ key as it is', () => {
    expect(canonical({ b: 1, a: [{ y: 1, x: 2 }] })).toBe(canonical({ a: [{ x: 2, y: 1 }], b: 1 }));
    const text = '{"__proto__": {"x": 1}, "hooks": [{"b": 1, "a": 2}]}';
    const m = mergeJsonText(text, { hooks: [{ a: 2, b: 1 }], model: 'm' }, policy());
    expect(m.appended).toEqual([]);
    expect(m.text).toBe('{"__proto__": {"x": 1}, "hooks": [{"b": 1, "a": 2}], "model": "m"}');
    expect(Object.prototype.hasOwnProperty.call(JSON.parse(m.text), '__proto__')).toBe(true);
  });
});
