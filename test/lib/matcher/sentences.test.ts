import { describe, expect, it } from 'vitest';
import { splitSentences } from '@/lib/matcher/sentences';

const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits sentences and keeps headlines without punctuation on their own', () => {
    const text = 'Russian troops land in Caracas\n\nNearly 100 troops landed. Two planes arrived!\nU.S. hints at military campaign';
    expect(split(text)).toEqual(['Russian troops land in Caracas', 'Nearly 100 troops landed.', 'Two planes arrived!', 'U.S. hints at military campaign']);
  });

  it('does not split after abbreviations such as "U.S." or "Gen."', () => {
    expect(split('On Friday, the U.S. Treasury Department issued sanctions. Gen. Smith agreed.')).toEqual([
      'On Friday, the U.S. Treasury Department issued sanctions.',
      'Gen. Smith agreed.',
    ]);
  });

  it('gives trimmed spans with offsets into the original text', () => {
    const text = '  \n  First one.   Second one.  \n';
    const spans = splitSentences(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['First one.', 'Second one.']);
  });

  it('splits a very long line the same way as its sentences one by one', () => {
    const sentence = 'Russia sent two bombers to Venezuela in December and they flew over the sea. ';
    const text = sentence.repeat(200).trim();
    expect(split(text)).toEqual(Array(200).fill(sentence.trim()));
  });
});
