import type { Fact } from '../claims/schema';
import { readSentence } from './facts';
import type { Tokenizer } from './tokens';

/**
 * The facts a reader's words turn on, read as the matcher reads sentences: its counts (with what
 * they count) and its dates, each in the words' own text. A tracked claim carries them so that the
 * matcher can tell a later page that gives another figure or day ("on Tuesday" where the claim has
 * "on Monday") and propose the conflict. Dates said of the report ("reported on Sunday") are not
 * the event's and are left out. Titles need the claim's names and the database's wording: not read.
 */

const MAX_FACTS = 10;

/** A slug made of a word: lower-case letters and digits (a count's unit, "troops" → "troop"). */
const slugOf = (word: string) => word.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The facts of `text` (a tracked claim's quote), in its order; keys unique within the claim. */
export function readClaimFacts(tokenizer: Tokenizer, text: string): Fact[] {
  const s = readSentence(tokenizer, text, 0);
  const words = (first: number, last: number) => text.slice(s.tokens[first]!.start, s.tokens[last]!.end);
  const found: { at: number; fact: Omit<Fact, 'key'>; key: string }[] = [];
  for (const d of s.dates) {
    if (!d.attributed) found.push({ at: d.first, key: 'date', fact: { kind: 'date', value: words(d.first, d.last), text: words(d.first, d.last) } });
  }
  for (const n of s.numbers) {
    const unit = slugOf(n.unit[0] ?? '');
    if (!unit) continue; // a bare figure says nothing the matcher can compare
    const value = n.lo === n.hi ? n.lo : words(n.first, n.last);
    found.push({ at: n.first, key: `${unit}-count`, fact: { kind: 'number', value, text: words(n.first, n.last), ...(n.approx ? { approx: true } : {}) } });
  }
  const taken = new Map<string, number>();
  return found
    .sort((a, b) => a.at - b.at)
    .slice(0, MAX_FACTS)
    .map(({ key, fact }) => {
      const n = (taken.get(key) ?? 0) + 1;
      taken.set(key, n);
      return { key: n === 1 ? key : `${key}-${n}`, ...fact };
    });
}
