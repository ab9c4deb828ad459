/**
 * Bit-parallel approximate matching (G. Myers, "A fast bit-vector algorithm for approximate string
 * matching based on dynamic programming", J. ACM 46(3), 1999): the edit-distance table is computed
 * one text character at a time, 32 pattern characters per machine word, and only down to the last
 * block that can still hold a cell within the error limit (Ukkonen's cut-off). Every block step is
 * counted on a `Meter`, and a scan stops when the meter's allowance is spent.
 */

const W = 32;

/** Counts block steps; scans stop once `work` reaches `limit`, and then set `limited`. */
export type Meter = { work: number; limit: number; limited: boolean };

/** A pattern compiled for matching: for each of its characters, a bit per pattern position. */
export type Pattern = {
  length: number;
  blocks: number;
  /** Rows of `blocks` words, one row per distinct character; row 0 (no such character) is zeros. */
  peq: Int32Array;
  ascii: Uint16Array;
  other: Map<number, number>;
};

/** Compiles a non-empty pattern. */
export function compile(pattern: string): Pattern {
  const blocks = Math.ceil(pattern.length / W);
  const ascii = new Uint16Array(128);
  const other = new Map<number, number>();
  const rows: number[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const code = pattern.charCodeAt(i);
    let row = code < 128 ? ascii[code]! : (other.get(code) ?? 0);
    if (row === 0) {
      row = rows.length / blocks + 1;
      for (let b = 0; b < blocks; b++) rows.push(0);
      if (code < 128) ascii[code] = row;
      else other.set(code, row);
    }
    rows[(row - 1) * blocks + Math.floor(i / W)]! |= 1 << i % W;
  }
  const peq = new Int32Array(rows.length + blocks);
  peq.set(rows, blocks);
  return { length: pattern.length, blocks, peq, ascii, other };
}

function rowOf(p: Pattern, code: number): number {
  return (code < 128 ? p.ascii[code]! : (p.other.get(code) ?? 0)) * p.blocks;
}

/** The column state of the table: vertical deltas per block and the score at each block's last row. */
function columnState(p: Pattern) {
  const pv = new Int32Array(p.blocks).fill(-1); // all +1: D[i] = i before the first character
  const mv = new Int32Array(p.blocks);
  const score = Int32Array.from({ length: p.blocks }, (_, b) => Math.min(p.length, (b + 1) * W));
  return { pv, mv, score };
}

/**
 * Advances block `b` by one text character whose pattern bits are `eq`, given the horizontal delta
 * `hin` entering its top row; returns the delta leaving its last row (`last` is that row's bit).
 */
function step(pv: Int32Array, mv: Int32Array, b: number, eq: number, hin: number, last: number): number {
  // Branch-free: which way `hin` and the last row go is unpredictable, so branches would mispredict.
  const p = pv[b]!;
  const m = mv[b]!;
  const hinNegative = hin >>> 31;
  const hinPositive = nonZero(hin) - hinNegative;
  const xv = eq | m;
  eq |= hinNegative;
  const xh = ((((eq & p) + p) | 0) ^ p) | eq; // `| 0`: a 32-bit add, as the algorithm needs
  let ph = m | ~(xh | p);
  let mh = p & xh;
  const hout = nonZero(ph & last) - nonZero(mh & last);
  ph = (ph << 1) | hinPositive;
  mh = (mh << 1) | hinNegative;
  pv[b] = mh | ~(xv | ph);
  mv[b] = ph & xv;
  return hout;
}

/** 1 when `x` (an int32) is not zero, else 0. */
const nonZero = (x: number) => ((x | -x) >>> 31);

/** Each block's last-row bit: bit 31, and for the last block the pattern's last character. */
function lastBits(p: Pattern): Int32Array {
  const bits = new Int32Array(p.blocks).fill(1 << 31);
  bits[p.blocks - 1] = 1 << (p.length - 1) % W;
  return bits;
}

/** Where the best matches end, and with how many errors. */
export type Ends = { errors: number; ends: number[] };

/**
 * The ends (exclusive) of the matches of `p` in text[from, to) with the fewest errors, at most
 * `maxErrors`; of equally good ends, the `keep` nearest to `near`. Null when there is none.
 */
export function bestEnds(text: string, from: number, to: number, p: Pattern, maxErrors: number, near: number, keep: number, meter: Meter): Ends | null {
  const { pv, mv, score } = columnState(p);
  const { peq, ascii, other } = p;
  const bMax = p.blocks - 1;
  const lastRow = lastBits(p);
  let k = Math.min(maxErrors, p.length);
  let y = Math.max(0, Math.ceil(k / W) - 1); // last active block
  let best: Ends | null = null;
  let work = meter.work;
  const limit = meter.limit;
  for (let j = from; j < to; j++) {
    if (work >= limit) {
      meter.limited = true;
      break;
    }
    work += y + 1;
    const code = text.charCodeAt(j);
    const row = (code < 128 ? ascii[code]! : (other.get(code) ?? 0)) * p.blocks;
    let carry = 0;
    for (let b = 0; b <= y; b++) {
      carry = step(pv, mv, b, peq[row + b]!, carry, lastRow[b]!);
      score[b]! += carry;
    }
    // The block below can hold a cell within k only through the cell just below this block's last row.
    if (y < bMax && score[y]! - carry <= k && (peq[row + y + 1]! & 1 || carry < 0)) {
      y++;
      pv[y] = -1;
      mv[y] = 0;
      const rows = y === bMax ? p.length - y * W : W;
      score[y] = score[y - 1]! - carry + rows + step(pv, mv, y, peq[row + y]!, carry, lastRow[y]!);
    } else {
      while (y > 0 && score[y]! >= k + W) y--;
    }
    if (y === bMax && score[y]! <= k) {
      const end = j + 1;
      if (!best || score[y]! < best.errors) best = { errors: score[y]!, ends: [end] };
      else if (best.ends.length < keep) best.ends.push(end);
      else if (Math.abs(end - near) < Math.abs(best.ends[0]! - near)) {
        best.ends.shift(); // ends arrive in order, so the farthest kept one is the first
        best.ends.push(end);
      }
      k = best.errors; // only better or equal matches matter from here on
    }
  }
  meter.work = work;
  return best;
}

/**
 * The fewest errors with which all of `p` matches some text ending exactly at text[0, j) for each
 * j: column j's distance from `p` to the whole of text[0, j) anchored at 0. Used on reversed text to
 * find where a match found by `bestEnds` starts. Returns the distances for j = 1..text.length.
 */
export function anchoredDistances(text: string, p: Pattern, meter: Meter): Int32Array {
  const { pv, mv, score } = columnState(p);
  const out = new Int32Array(text.length);
  const lastRow = lastBits(p);
  meter.work += text.length * p.blocks;
  for (let j = 0; j < text.length; j++) {
    const row = rowOf(p, text.charCodeAt(j));
    let carry = 1; // the top row grows by one per character: the match may not skip any text
    for (let b = 0; b < p.blocks; b++) {
      carry = step(pv, mv, b, p.peq[row + b]!, carry, lastRow[b]!);
      score[b]! += carry;
    }
    out[j] = score[p.blocks - 1]!;
  }
  return out;
}
