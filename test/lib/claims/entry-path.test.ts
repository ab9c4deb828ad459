import { describe, expect, it } from 'vitest';
import { describePath } from '@/lib/claims/entry-path';

describe('describePath', () => {
  const db = { claims: [{ id: 'a', facts: [{ key: 'k', value: 1 }] }, { statement: 'no id' }] };

  it('names entries by index and id, and facts by key', () => {
    expect(describePath(db, ['claims', 0, 'facts', 0, 'value'])).toBe('claims[0] (id "a").facts[0] (key "k").value');
  });

  it('copes with entries that have no id and paths that leave the data', () => {
    expect(describePath(db, ['claims', 1, 'id'])).toBe('claims[1].id');
    expect(describePath(db, ['claims', 7, 'id'])).toBe('claims[7].id');
    expect(describePath(db, [])).toBe('(root)');
  });
});
