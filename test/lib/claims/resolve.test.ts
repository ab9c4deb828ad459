import { describe, expect, it } from 'vitest';
import { loadClaimDatabase } from '@/lib/claims/database';
import { resolveClaimDatabase, ResolvedClaimDatabaseSchema } from '@/lib/claims/resolve';
import { bridgePack, realDatabase } from './claim-fixtures';

describe('resolveClaimDatabase', () => {
  const { json, texts } = realDatabase();
  const db = loadClaimDatabase(json, { articleTexts: texts });
  const view = resolveClaimDatabase(db);
  const claim = (id: string) => view.claims.find((c) => c.id === id)!;

  it('keeps every claim and matches its own schema', () => {
    expect(view.claims.map((c) => c.id)).toEqual(db.claims.map((c) => c.id));
    expect(() => ResolvedClaimDatabaseSchema.parse(view)).not.toThrow();
  });

  it('gives each claim its assertions with source, article and chain as objects', () => {
    const [a] = claim('two-planes-left-chkalovsky-friday').assertions.filter((x) => x.id.endsWith('flightradar24'));
    expect(a?.source.name).toMatch(/Flightradar24/);
    expect(a?.article.id).toBe('lendman-peacekeeping-troops');
    expect(a?.chain.map((s) => s.id)).toEqual(['global-research', 'reuters', 'flightradar24']);
  });

  it('shows every relation from both ends, and nothing else', () => {
    const ends = view.claims.reduce((n, c) => n + c.corroborations.length + c.conflicts.length, 0);
    expect(ends).toBe(2 * db.relations.length);
  });

  it('orients differences from the claim being viewed', () => {
    const fromDecember = claim('nuclear-capable-bombers-in-december').conflicts.find((r) => r.claim.id === 'tu160-bombers-in-january')!;
    const fromJanuary = claim('tu160-bombers-in-january').conflicts.find((r) => r.claim.id === 'nuclear-capable-bombers-in-december')!;
    expect(fromDecember.differs[0]).toMatchObject({ from: 'In December', to: 'In January' });
    expect(fromJanuary.differs[0]).toMatchObject({ from: 'In January', to: 'In December' });
    expect(fromJanuary.assertions[0]?.source.id).toBe('syndicated-report');
  });

  it('lists corroborating claims with their sources’ exact words', () => {
    const tweet = claim('bolton-on-notice-quote').corroborations.find((r) => r.claim.id === 'bolton-tweet-march-23')!;
    expect(tweet.assertions[0]?.quote).toContain('— John Bolton (@AmbJohnBolton) March 23, 2019');
    expect(tweet.assertions[0]?.source.kind).toBe('social-media-post');
  });

  it('refuses a database whose references do not resolve', () => {
    const { json: pack } = bridgePack();
    pack.assertions[0].sourceId = 'ghost';
    expect(() => resolveClaimDatabase(pack)).toThrow('no source "ghost"');
  });
});
