import { describe, expect, it } from 'vitest';
import { findTypedNodes, typesOf } from '@/lib/factchecks/jsonld';

const REVIEW = new Set(['ClaimReview']);
const review = (n: number) => ({ '@type': 'ClaimReview', n });

describe('typesOf', () => {
  it('reads a string, an array, IRIs and prefixed names as bare type names', () => {
    expect(typesOf({ '@type': 'ClaimReview' })).toEqual(['ClaimReview']);
    expect(typesOf({ '@type': ['ClaimReview', 'https://schema.org/Review', 'schema:Thing', 42] })).toEqual([
      'ClaimReview', 'Review', 'Thing',
    ]);
    expect(typesOf({ '@type': 'http://schema.org/ClaimReview' })).toEqual(['ClaimReview']);
    expect(typesOf({ name: 'x' })).toEqual([]);
  });

  it('ignores an over-long type, in linear time', () => {
    expect(typesOf({ '@type': `${'a'.repeat(10_000_000)}/ClaimReview` })).toEqual([]);
  });
});

describe('findTypedNodes', () => {
  it('finds nodes in arrays, @graph, DataFeed items and nested values, in document order', () => {
    const json = [
      review(1),
      { '@graph': [{ '@type': 'WebPage', mainEntity: review(2) }, review(3)] },
      { '@type': 'DataFeed', dataFeedElement: [{ '@type': 'DataFeedItem', item: [review(4), review(5)] }, review(6)] },
    ];
    const found = findTypedNodes(json, REVIEW);
    expect(found.nodes.map((n) => n.n)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(found.truncated).toBeNull();
  });

  it('does not look inside a node it found', () => {
    const found = findTypedNodes({ ...review(1), itemReviewed: review(2) }, REVIEW);
    expect(found.nodes.map((n) => n.n)).toEqual([1]);
  });

  it('stops at the depth limit without overflowing the stack, and says so', () => {
    let deep: unknown = review(1);
    for (let i = 0; i < 100_000; i++) deep = { child: deep };
    const found = findTypedNodes([review(0), deep], REVIEW);
    expect(found.nodes.map((n) => n.n)).toEqual([0]);
    expect(found.truncated).toMatch(/nested deeper than 32 levels/);
  });

  it('stops after a bounded number of values and of nodes found', () => {
    const wide = Array.from({ length: 200_000 }, () => ({ a: 1 }));
    expect(findTypedNodes(wide, REVIEW).truncated).toMatch(/more than 100000 values/);
    const many = Array.from({ length: 1_500 }, (_, i) => review(i));
    const found = findTypedNodes(many, REVIEW);
    expect(found.nodes).toHaveLength(1_000);
    expect(found.truncated).toMatch(/more than 1000 items/);
  });

  it('ignores primitives and null', () => {
    expect(findTypedNodes(null, REVIEW).nodes).toEqual([]);
    expect(findTypedNodes('ClaimReview', REVIEW).nodes).toEqual([]);
  });
});
