import { describe, expect, it } from 'vitest';
import { factCheckId, hash64, readerIds, sameness } from '@/lib/claims/reader-ids';
import { SlugSchema } from '@/lib/claims/schema';

describe('reader ids', () => {
  it('hashes to 16 hex digits, the same text always alike, and 200,000 URLs all apart', () => {
    expect(hash64('https://example.com/a')).toMatch(/^[0-9a-f]{16}$/);
    expect(hash64('https://example.com/a')).toBe(hash64('https://example.com/a'));
    const seen = new Set<string>();
    for (let i = 0; i < 200_000; i++) seen.add(hash64(`https://site${i % 200}.example.com/story/${i}`));
    expect(seen.size).toBe(200_000);
  });

  it('gives the same fact-check id to the same review of the same claim, however the claim is spaced or cased', () => {
    const url = 'https://check.example/1';
    expect(factCheckId(url, 'The  Bridge is made of CHEESE ')).toBe(factCheckId(url, 'the bridge is made of cheese'));
    expect(factCheckId(url, 'The bridge is made of cheese')).not.toBe(factCheckId('https://check.example/2', 'The bridge is made of cheese'));
    expect(sameness(' São  Paulo\n')).toBe('sao paulo');
  });

  it('makes slugs under the reader prefix', () => {
    const uuid = '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';
    for (const id of [readerIds.claim(uuid), readerIds.sighting(uuid), readerIds.page('https://e.example/a'), readerIds.reviewedClaim('A claim'),
      readerIds.factCheck(hash64('x')), readerIds.pack(hash64('p'), 'bridge-closed-monday')]) {
      expect(SlugSchema.parse(id)).toMatch(/^reader-/);
    }
  });
});
