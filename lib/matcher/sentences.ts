/** A sentence's offsets (UTF-16 code units) in the text it was cut from. */
export interface SentenceSpan {
  start: number;
  end: number;
}

let segmenter: Intl.Segmenter | undefined;

// Abbreviations that end a segment without ending the sentence ("the U.S. Treasury", "Gen. Smith").
const ABBREVIATION = /(?:\b(?:\p{Lu}\.){2,}|\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Capt|Maj|Sen|Rep|Gov|Prof|St|Jr|Sr|No|Adm|Brig|Cpl|Pvt|Rev|Hon|Inc|Corp|Ltd|Co|vs|approx)\.)\s*$/u;
/** Only the end of a segment is tested for an abbreviation, so the test costs the same however long the segment. */
const ABBREVIATION_TAIL = 16;

/** Longest piece handed to the segmenter at once: its cost grows faster than linearly with length. */
const CHUNK = 2000;

/**
 * Longest sentence the matcher reads. No real sentence comes near it; a longer run (a list without
 * stops, "U.S. U.S. …") is cut, so the work per sentence is bounded whatever a page holds.
 */
export const MAX_SENTENCE = 1000;

/** Where a piece of `line` starting at `at` should end: after the last sentence stop in the next CHUNK characters. */
function pieceEnd(line: string, at: number): number {
  const limit = Math.min(line.length, at + CHUNK);
  if (limit === line.length) return limit;
  // Scan back from the limit for a stop followed by a space: one pass, no backtracking regex.
  for (let i = limit - 1; i > at; i--) {
    if (/\s/.test(line[i]!) && /[.!?]["”’)]?$/.test(line.slice(Math.max(at, i - 2), i))) return i + 1;
  }
  return limit;
}

/** Cuts a span longer than MAX_SENTENCE at the last space before each limit (or at the limit). */
function* bounded(text: string, span: SentenceSpan): Generator<SentenceSpan> {
  let { start } = span;
  while (span.end - start > MAX_SENTENCE) {
    const space = text.lastIndexOf(' ', start + MAX_SENTENCE);
    const cut = space > start + MAX_SENTENCE / 2 ? space : start + MAX_SENTENCE;
    yield { start, end: cut };
    start = cut;
    while (start < span.end && /\s/.test(text[start]!)) start++;
  }
  if (span.end > start) yield { start, end: span.end };
}

/**
 * Splits text into sentences with Intl.Segmenter (in Node and both browsers), line by line so that
 * headlines and captions without final punctuation stand alone, and trims the spans' whitespace.
 * Linear in the text's length: lines go to the segmenter in pieces of at most CHUNK characters,
 * the abbreviation test reads only a segment's tail, and no sentence is longer than MAX_SENTENCE.
 */
export function splitSentences(text: string): SentenceSpan[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const spans: SentenceSpan[] = [];
  for (const line of text.matchAll(/[^\n]+/g)) {
    const raw: SentenceSpan[] = [];
    for (let at = 0; at < line[0].length; ) {
      const end = pieceEnd(line[0], at);
      for (const seg of segmenter.segment(line[0].slice(at, end))) {
        const body = seg.segment.trim();
        if (!body) continue;
        const start = line.index + at + seg.index + (seg.segment.length - seg.segment.trimStart().length);
        const span = { start, end: start + body.length };
        const last = raw[raw.length - 1];
        // Rejoin a sentence the segmenter cut after an abbreviation ("the U.S. Treasury"); every one ends with a stop.
        if (last && text[last.end - 1] === '.' && ABBREVIATION.test(text.slice(Math.max(last.start, last.end - ABBREVIATION_TAIL), last.end))) last.end = span.end;
        else raw.push(span);
      }
      at = end;
    }
    for (const span of raw) {
      if (span.end - span.start <= MAX_SENTENCE) spans.push(span);
      else spans.push(...bounded(text, span));
    }
  }
  return spans;
}
