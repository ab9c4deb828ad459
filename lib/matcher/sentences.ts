/** A sentence's offsets (UTF-16 code units) in the text it was cut from. */
export interface SentenceSpan {
  start: number;
  end: number;
}

let segmenter: Intl.Segmenter | undefined;

// Abbreviations that end a segment without ending the sentence ("the U.S. Treasury", "Gen. Smith").
const ABBREVIATION = /(?:\b(?:\p{Lu}\.){2,}|\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Capt|Maj|Sen|Rep|Gov|Prof|St|Jr|Sr|No|Gov|Adm|Brig|Cpl|Pvt|Rev|Hon|Inc|Corp|Ltd|Co|vs|approx)\.)\s*$/u;

/**
 * Splits text into sentences with Intl.Segmenter (in Node and both browsers), also at line breaks so
 * that headlines and captions without final punctuation stand alone, and trims the spans' whitespace.
 */
export function splitSentences(text: string): SentenceSpan[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const spans: SentenceSpan[] = [];
  for (const seg of segmenter.segment(text)) {
    // The segmenter breaks after line breaks; splitting inside a segment too keeps that a guarantee.
    let at = seg.index;
    for (const line of seg.segment.split('\n')) {
      const lead = line.length - line.trimStart().length;
      const length = line.trim().length;
      if (length) {
        const span = { start: at + lead, end: at + lead + length };
        const last = spans[spans.length - 1];
        const glue = last && ABBREVIATION.test(text.slice(last.start, last.end)) && !text.slice(last.end, span.start).includes('\n');
        if (glue) last.end = span.end;
        else spans.push(span);
      }
      at += line.length + 1;
    }
  }
  return spans;
}
