import { describe, expect, it } from 'vitest';
import { readLexicon } from '@/lib/cli/lexicon-file';
import { decodeLexicon, encodeLexicon, Lexicon, NOUN, PHRASE_START, VERB, Words, type LexiconSource } from '@/lib/matcher/lexicon';

/** A small lexicon: "troops" → "troop", a verb, and the phrase "touch down". */
function small(): LexiconSource & { entries: string[] } {
  const entries = ['troop', 'troops', 'touch', 'down', 'touch down', 'land'];
  return {
    entries,
    lemma: Uint32Array.from([0, 0, 2, 3, 4, 5]),
    rank: Uint32Array.from([900, 1200, 700, 80, 20_000, 600]),
    flags: Uint8Array.from([NOUN, NOUN, VERB, 0, VERB, VERB | NOUN]),
    offsets: Uint32Array.from([0, 0, 0, 0, 0, 1, 2]),
    neighbour: Uint32Array.from([5, 4]),
    similarity: Uint8Array.from([200, 200]),
    linkFlags: Uint8Array.from([1, 1]),
  };
}

describe('lexicon file', () => {
  it('reads back what it wrote, each word found through the hash table it carries', () => {
    const lexicon = new Lexicon(decodeLexicon(encodeLexicon(small())));
    small().entries.forEach((word, i) => expect(lexicon.find(word)).toBe(i));
    expect(lexicon.find('troopers')).toBe(-1);
    expect(lexicon.find('')).toBe(-1);
    expect(lexicon.lemmaOf('troops')).toBe('troop');
    expect(lexicon.rankOf('land')).toBe(600);
    expect(lexicon.similarity('touch down', 'land')).toBeCloseTo(200 / 255);
  });

  it('marks the first words of its phrases, and keeps the other flags', () => {
    const lexicon = new Lexicon(decodeLexicon(encodeLexicon(small())));
    expect(lexicon.startsPhrase('touch')).toBe(true);
    expect(lexicon.startsPhrase('down')).toBe(false);
    expect(lexicon.startsPhrase('unknown')).toBe(false);
    expect(lexicon.flagsOf('touch') & ~PHRASE_START).toBe(VERB);
    expect(lexicon.flagsOf('land')).toBe(VERB | NOUN);
  });

  it('refuses to write a phrase whose first word it lacks', () => {
    const data = small();
    data.entries[4] = 'touched down';
    expect(() => encodeLexicon(data)).toThrow('"touched down" starts with a word the lexicon lacks');
  });

  it('says plainly what is wrong with bytes that are not a lexicon of this version', () => {
    const bytes = encodeLexicon(small());
    expect(() => decodeLexicon(bytes.subarray(0, 12))).toThrow('too short');
    const bad = bytes.slice();
    bad[0] = 0;
    expect(() => decodeLexicon(bad)).toThrow('bad header');
    const older = bytes.slice();
    new DataView(older.buffer).setUint32(4, 2, true);
    expect(() => decodeLexicon(older)).toThrow('Lexicon version 2 is not supported (expected 3)');
    expect(() => decodeLexicon(bytes.subarray(0, bytes.length - 4))).toThrow('truncated or corrupt');
  });

  it('reads its words out of one string, and refuses a string that holds another number of words', () => {
    const words = Words.fromText('troop\ntouch down\n\nland', 4);
    expect(words.length).toBe(4);
    expect(Array.from({ length: words.length }, (_, i) => words.at(i))).toEqual(['troop', 'touch down', '', 'land']);
    expect(words.at(1)).toBe('touch down');
    expect(words.is(1, 'touch down')).toBe(true);
    expect(words.is(1, 'touch')).toBe(false);
    expect(words.is(0, 'troops')).toBe(false);
    expect(words.is(2, '')).toBe(true);
    expect(Words.fromText('', 0).length).toBe(0);
    expect(() => Words.fromText('troop\nland', 3)).toThrow('entry count does not match');
    expect(() => Words.fromText('troop\nland\nsea', 2)).toThrow('entry count does not match');
    expect(() => Words.fromText('troop', 0)).toThrow('entry count does not match');
  });

  it('ends every look-up, even in a damaged table with no empty slot', () => {
    const data = decodeLexicon(encodeLexicon(small()));
    data.slots.fill(1); // every slot says "troop"
    const lexicon = new Lexicon(data);
    expect(lexicon.find('troop')).toBe(0);
    expect(lexicon.find('land')).toBe(-1);
  });

  it('finds every word of the packaged lexicon at its own place', () => {
    const lexicon = readLexicon();
    const entries = Array.from({ length: lexicon.data.lemma.length }, (_, i) => lexicon.data.entries.at(i));
    const lost = entries.filter((word, i) => lexicon.find(word) !== i);
    expect(entries.length).toBe(lexicon.size);
    expect(entries.length).toBeGreaterThan(80_000);
    expect(lost).toEqual([]);
  });
});
