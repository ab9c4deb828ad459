/**
 * Reads a build's source map (the hidden maps of wxt.profile.config.ts), so that a CPU profile of
 * the minified content script names Crosscheck's own source files and lines.
 */
import { existsSync, readFileSync } from 'node:fs';

/** A place in the sources: the file (relative to the repository) and its 0-based line. */
export type Origin = { source: string; line: number };

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one segment of a `mappings` string (base64 VLQ). */
function decodeSegment(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = BASE64.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    out.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return out;
}

/**
 * Loads `file.map` beside `file`, if there is one, and returns a lookup from a generated position
 * (0-based line and column, as CDP profiles give them) to where it came from.
 */
export function loadSourceMap(file: string): ((line: number, column: number) => Origin | null) | null {
  if (!existsSync(`${file}.map`)) return null;
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[]; mappings: string };
  const sources = map.sources.map((s) => s.replace(/^(\.\.\/)+/, ''));
  // Per generated line: [column, source, line] triples, in column order.
  const lines: [number, number, number][][] = [];
  let source = 0;
  let line = 0;
  for (const text of map.mappings.split(';')) {
    const entries: [number, number, number][] = [];
    let column = 0;
    for (const segment of text.split(',')) {
      if (!segment) continue;
      const [dc, ds, dl] = decodeSegment(segment);
      column += dc!;
      if (ds === undefined) continue;
      source += ds;
      line += dl!;
      entries.push([column, source, line]);
    }
    lines.push(entries);
  }
  return (at, column) => {
    const entries = lines[at] ?? [];
    let found: [number, number, number] | undefined;
    for (const entry of entries) {
      if (entry[0] > column) break;
      found = entry;
    }
    return found ? { source: sources[found[1]]!, line: found[2] } : null;
  };
}
