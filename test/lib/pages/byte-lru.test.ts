import { describe, expect, it } from 'vitest';
import { ByteLru } from '@/lib/pages/byte-lru';

describe('ByteLru', () => {
  it('holds no more bytes than its budget, forgetting the least recently used first', () => {
    const lru = new ByteLru<string>(100, (k, v) => k.length + v.length);
    lru.set('a', 'x'.repeat(39));
    lru.set('b', 'x'.repeat(39));
    expect(lru.get('a')).toBeDefined(); // a is now the most recently used
    lru.set('c', 'x'.repeat(39));
    expect(lru.bytes).toBeLessThanOrEqual(100);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBeDefined();
    expect(lru.get('c')).toBeDefined();
  });

  it('does not keep a value larger than the whole budget, and replaces a key in place', () => {
    const lru = new ByteLru<string>(10, (_, v) => v.length);
    lru.set('big', 'x'.repeat(11));
    expect(lru.get('big')).toBeUndefined();
    lru.set('k', 'abc');
    lru.set('k', 'abcd');
    expect(lru.bytes).toBe(4);
    expect(lru.size).toBe(1);
  });
});
