/** A sentence's offsets (UTF-16 code units) in the text it was cut from. */
export interface SentenceSpan {
  start: number;
  end: number;
}

let segmenter: Intl.Segmenter | undefined;

// Abbreviations that end a segment without ending the sentence ("the U.S. Treasury", "Gen. Smith").
const ABBREVIATION = /(?:\b(?:\p{Lu}\.){2,}|\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Capt|Maj|Sen|Rep|Gov|Prof|St|Jr|Sr|No|Gov|Adm|Brig|Cpl|Pvt|Rev|Hon|Inc|Corp|Ltd|Co|vs|approx)\.)\s*$/u;

/** Longest piece handed to the segmenter at once: its cost grows faster than linearly with length. */
const CHUNK = 2000;

/** Cuts a long line at sentence-like ends so that no piece is much longer than CHUNK. */
function* pieces(line: string): Generator<[number, string]> {
  let at = 0;
  while (line.length - at > CHUNK) {
    const window = line.slice(at, at + CHUNK);
    const m = /[.!?]["”’)]?\s+(?=\S)(?![\s\S]*[.!?]["”’)]?\s+\S)/.exec(window);
    const cut = m ? m.index + m[0].length : CHUNK;
    yield [at, line.slice(at, at + cut)];
    at += cut;
  }
  yield [at, line.slice(at)];
}

/**
 * Splits text into sentences with Intl.Segmenter (in Node and both browsers), line by line so that
 * headlines and captions without final punctuation stand alone, and trims the spans' whitespace.
 * Lines go to the segmenter one at a time because its cost grows faster than linearly with length.
 */
export function splitSentences(text: string): SentenceSpan[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const spans: SentenceSpan[] = [];
  for (const line of text.matchAll(/[^\n]+/g)) {
    for (const [offset, piece] of pieces(line[0])) {
      for (const seg of segmenter.segment(piece)) {
        const body = seg.segment.trim();
        if (!body) continue;
        const lead = seg.segment.length - seg.segment.trimStart().length;
        const span = { start: line.index + offset + seg.index + lead, end: 0 };
        span.end = span.start + body.length;
        const last = spans[spans.length - 1];
        // Rejoin a sentence the segmenter cut after an abbreviation ("the U.S. Treasury"), within a line.
        const glue = last && ABBREVIATION.test(text.slice(last.start, last.end)) && !text.slice(last.end, span.start).includes('\n');
        if (glue) last.end = span.end;
        else spans.push(span);
      }
    }
  }
  return spans;
}
