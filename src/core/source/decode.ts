/**
 * Bytes to text, the way Claude Code would see them. Claude Code reads settings as UTF-8 and hands the
 * text to JSON.parse, so a byte-order mark, a NUL byte or invalid UTF-8 all make the file unreadable to it.
 */

export type DecodeProblem =
  | { kind: 'empty' }
  | { kind: 'whitespace' }
  | { kind: 'binary'; offset: number }
  | { kind: 'invalid-utf8'; offset: number }
  | { kind: 'bom' };

export interface Decoded {
  /** The text with any BOM removed, so positions after it stay meaningful. */
  text: string;
  problems: DecodeProblem[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { text: '', problems: [{ kind: 'empty' }] };
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { text: '', problems: [{ kind: 'binary', offset: nul }] };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { text: '', problems: [{ kind: 'invalid-utf8', offset: firstInvalidUtf8(bytes) }] };
  }
  const problems: DecodeProblem[] = [];
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
    problems.push({ kind: 'bom' });
  }
  if (text.trim() === '') problems.push({ kind: 'whitespace' });
  return { text, problems };
}

/** Byte offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const need = c < 0x80 ? 0 : c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const n = b[i + k];
      if (n === undefined || (n & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return b.length;
}
