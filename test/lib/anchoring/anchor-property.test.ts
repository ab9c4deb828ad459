import fc from 'fast-check';
import { describe as group, expect, it } from 'vitest';
import { anchor, describe } from '@/lib/anchoring';

const SEED = 20_240_611;
const RUNS = { seed: SEED, numRuns: 300 };

// Texts from a few words (many repeats, as in real pages), and from any UTF-16 code units.
const wordy = fc.array(fc.constantFrom('the ', 'troops ', 'landed', '. ', 'in ', 'Caracas', '\n\n', '“', 'é'), { maxLength: 120 }).map((w) => w.join(''));
const anyText = fc.oneof(wordy, fc.string({ unit: 'binary', maxLength: 300 }));

/** A text and a non-empty span of it. */
const textAndSpan = anyText
  .filter((t) => t.length > 0)
  .chain((text) =>
    fc.tuple(fc.constant(text), fc.nat(text.length - 1)).chain(([t, start]) => fc.tuple(fc.constant(t), fc.constant(start), fc.integer({ min: start + 1, max: t.length }))),
  );

group('anchor, properties (fast-check, fixed seed)', () => {
  it('finds exactly the span a note was made on when the text is unchanged', () => {
    fc.assert(
      fc.property(textAndSpan, ([text, start, end]) => {
        expect(anchor(text, describe(text, start, end))).toEqual({ start, end, method: 'position' });
      }),
      RUNS,
    );
  });

  it('without a position, finds that span when no other place has the same quote and context', () => {
    fc.assert(
      fc.property(textAndSpan, ([text, start, end]) => {
        const { quote } = describe(text, start, end);
        const found = anchor(text, { quote })!;
        expect(text.slice(found.start, found.end)).toBe(quote.exact);
        const whole = quote.prefix + quote.exact + quote.suffix;
        const from = start - quote.prefix.length;
        if (text.indexOf(whole) === from && text.indexOf(whole, from + 1) === -1) expect(found.start).toBe(start);
      }),
      RUNS,
    );
  });

  it('still finds the quote, exactly, after text is inserted anywhere outside it', () => {
    fc.assert(
      fc.property(textAndSpan, anyText, fc.nat(), ([text, start, end], inserted, where) => {
        const at = where % (text.length + 1);
        if (at > start && at < end) return;
        const note = describe(text, start, end);
        const revised = text.slice(0, at) + inserted + text.slice(at);
        const found = anchor(revised, note)!;
        expect(revised.slice(found.start, found.end)).toBe(note.quote.exact);
      }),
      RUNS,
    );
  });

  it('still finds a quote of 8 or more characters after one character inside it changes', () => {
    fc.assert(
      fc.property(textAndSpan, fc.nat(), fc.string({ minLength: 1, maxLength: 1 }), ([text, start, end], which, c) => {
        if (end - start < 8) return;
        const at = start + (which % (end - start));
        const found = anchor(text.slice(0, at) + c + text.slice(at + 1), describe(text, start, end));
        expect(found).not.toBeNull();
      }),
      RUNS,
    );
  });

  it('never throws on any text and selectors, and answers a span inside the text or null', () => {
    const position = fc.record({
      type: fc.constant('TextPositionSelector' as const),
      start: fc.oneof(fc.integer(), fc.double()),
      end: fc.oneof(fc.integer(), fc.double()),
    });
    const quote = fc.record({
      type: fc.constant('TextQuoteSelector' as const),
      exact: anyText,
      prefix: anyText,
      suffix: anyText,
    });
    fc.assert(
      fc.property(anyText, quote, fc.option(position, { nil: undefined }), (text, q, p) => {
        const found = anchor(text, { quote: q, position: p });
        if (found) {
          expect(0 <= found.start && found.start < found.end && found.end <= text.length).toBe(true);
        }
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});
