import { describe, expect, it } from 'vitest';
import { normalizeWhitespace } from '@/lib/claims/integrity';
import { loadClaimDatabase, validateClaimDatabase } from '@/lib/claims/database';
import type { ClaimDatabase, Difference } from '@/lib/claims/schema';
import { realDatabase } from './claim-fixtures';

const { json, texts } = realDatabase();
const db: ClaimDatabase = loadClaimDatabase(json, { articleTexts: texts });

/** The relation between two claims in either direction, with `differs` oriented from `a` to `b`. */
function relation(a: string, b: string) {
  const r = db.relations.find((x) => (x.from === a && x.to === b) || (x.from === b && x.to === a));
  if (!r) throw new Error(`no relation between "${a}" and "${b}"`);
  const differs: Difference[] = r.from === a ? r.differs : r.differs.map((d) => ({ ...d, from: d.to, to: d.from }));
  return { ...r, differs };
}

const fact = (claimId: string, key: string) => db.claims.find((c) => c.id === claimId)?.facts.find((f) => f.key === key);
const claim = (id: string) => db.claims.find((c) => c.id === id)!;
const ARTICLE_000 = 'report-troops-land-in-caracas';
const ARTICLE_002 = 'lendman-peacekeeping-troops';

describe('the real claim database', () => {
  it('is valid, with every quote checked against both articles', () => {
    const result = validateClaimDatabase(json, { articleTexts: texts });
    expect(result.quotesChecked).toBe(json.assertions.length);
    expect(result.articlesWithoutText).toEqual([]);
  });

  it.each(db.assertions.map((a) => [a.id, a] as const))('quote of %s is verbatim in its article', (_id, a) => {
    const file = db.articles.find((x) => x.id === a.articleId)!.file;
    const text = normalizeWhitespace(texts.get(a.articleId)!);
    expect(text, `${a.id} in ${file}`).toContain(normalizeWhitespace(a.quote));
  });

  it('draws claims from both articles, asserted by their outlets and the origins they cite', () => {
    const sourcesIn = (article: string) => new Set(db.assertions.filter((a) => a.articleId === article).map((a) => a.sourceId));
    expect([...sourcesIn(ARTICLE_000)]).toEqual(
      expect.arrayContaining(['syndicated-report', 'reuters', 'bolton-tweet', 'us-treasury', 'mueller-report', 'nicolas-maduro', 'vladimir-putin']),
    );
    expect([...sourcesIn(ARTICLE_002)]).toEqual(
      expect.arrayContaining(['global-research', 'reuters', 'flightradar24', 'adsbexchange', 'sputnik', 'russian-embassy-source', 'jorge-rodriguez', 'padrino-lopez', 'nicolas-maduro']),
    );
    expect(db.assertions.some((a) => a.attribution.includes('barr-letter'))).toBe(true);
  });

  it('models the unnamed outlet of article 000 without inventing one', () => {
    const article = db.articles.find((a) => a.id === ARTICLE_000)!;
    expect(article).toMatchObject({ outlet: null, author: null, url: null });
    expect(db.sources.find((s) => s.id === article.sourceId)).toMatchObject({ name: 'Unnamed syndicated news report', url: null, author: null });
    expect(db.sources.every((s) => s.url === null)).toBe(true);
  });

  it('marks the Lendman article’s advocacy as opinion', () => {
    for (const id of ['troops-far-short-of-peacekeeping-mission', 'peacekeepers-would-deter-intervention', 'small-contingent-encouraging-sign', 'russia-red-line-question']) {
      expect(claim(id).type, id).toBe('opinion');
      expect(db.assertions.find((a) => a.claimId === id)?.sourceId).toBe('global-research');
    }
  });

  it('links the Bolton quote in the text to the embedded tweet', () => {
    expect(relation('bolton-on-notice-quote', 'bolton-tweet-march-23').kind).toBe('corroborates');
  });
});

describe('the conflicts named in the issue', () => {
  const cases: [string, string, string, Partial<Difference>][] = [
    ['Tu-160 bomber flight month', 'nuclear-capable-bombers-in-december', 'tu160-bombers-in-january', { aspect: 'date', from: 'In December', to: 'In January', fact: 'bomber-date' }],
    ['border death toll in article 000', 'soldiers-blocked-aid-killed-four', 'aid-blocked-two-deaths', { aspect: 'number', from: 'kill four', to: 'two deaths', fact: 'death-toll' }],
    ['Tonkoshkurov’s title', 'tonkoshkurov-thought-aboard', 'tonkoshkurov-leads-mission', { aspect: 'title', from: 'chief of staff for Russian ground forces', fact: 'title' }],
    ['Tonkoshkurov’s title (head)', 'tonkoshkurov-thought-aboard', 'tonkoshkurov-career', { aspect: 'title', to: 'head of Russian ground forces', fact: 'title' }],
    ['troop count wording', 'russian-troops-landed-nearly-100', 'russia-sent-around-100-troops', { aspect: 'number', fact: 'troop-count' }],
    ['who commented (000)', 'no-comment-on-flights', 'embassy-source-exchange-consultations', { fact: 'comment' }],
    ['who commented (002 against itself)', 'no-comment-on-reuters-report', 'embassy-source-exchange-consultations', { fact: 'comment' }],
    ['exercises: January (000) vs three months earlier', 'joint-exercises-in-january', 'exercises-three-months-earlier', { aspect: 'date', fact: 'exercise-date' }],
    ['exercises: January (002) vs three months earlier', 'joint-exercises-in-january-in-venezuela', 'exercises-three-months-earlier', { aspect: 'date', fact: 'exercise-date' }],
    ['planes: arrived Saturday vs left Friday', 'two-russian-planes-arrived-saturday', 'two-planes-left-chkalovsky-friday', { aspect: 'date' }],
    ['planes: two arrived vs one left Sunday', 'two-russian-planes-arrived-saturday', 'cargo-plane-left-caracas-sunday', { aspect: 'number', fact: 'plane-count' }],
    ['who was aboard: troops vs officials', 'russian-troops-landed-nearly-100', 'embassy-source-exchange-consultations', { fact: 'aboard' }],
    ['peacekeeping headline vs body', 'russia-sends-peacekeeping-troops', 'troops-far-short-of-peacekeeping-mission', { aspect: 'framing', fact: 'mission' }],
    ['Bolton tweet day', 'bolton-threat-via-twitter-friday', 'bolton-tweet-march-23', { aspect: 'date', fact: 'tweet-date' }],
  ];

  it.each(cases)('%s', (_name, a, b, expected) => {
    const r = relation(a, b);
    expect(r.kind).toBe('conflicts');
    expect(r.differs).toContainEqual(expect.objectContaining(expected));
  });

  it('puts the differing facts in the claims, so a matcher can tell them apart', () => {
    expect([fact('nuclear-capable-bombers-in-december', 'bomber-date')?.value, fact('tu160-bombers-in-january', 'bomber-date')?.value]).toEqual(['2018-12', '2019-01']);
    expect([fact('soldiers-blocked-aid-killed-four', 'death-toll')?.value, fact('aid-blocked-two-deaths', 'death-toll')?.value]).toEqual([4, 2]);
    expect([fact('joint-exercises-in-january', 'exercise-date')?.value, fact('exercises-three-months-earlier', 'exercise-date')?.value]).toEqual(['2019-01', '2018-12']);
    expect(fact('russian-troops-landed-nearly-100', 'troop-count')).toMatchObject({ value: 100, approx: true, text: 'Nearly 100' });
    expect(fact('russia-sent-around-100-troops', 'troop-count')).toMatchObject({ value: 100, approx: true, text: 'around 100' });
    expect(fact('two-russian-planes-arrived-saturday', 'arrival-date')?.value).toBe('2019-03-23');
    expect(fact('two-planes-left-chkalovsky-friday', 'departure-date')?.value).toBe('2019-03-22');
    expect(fact('bolton-tweet-march-23', 'tweet-date')?.value).toBe('2019-03-23');
  });

  it('attributes the Reuters passages through their chains', () => {
    const a = db.assertions.find((x) => x.id === 'two-planes-left-chkalovsky-friday-flightradar24')!;
    expect(a.attribution).toEqual(['global-research', 'reuters', 'flightradar24']);
    const b = db.assertions.find((x) => x.id === 'two-russian-planes-arrived-saturday-reuters')!;
    expect(b.attribution).toEqual(['syndicated-report', 'reuters']);
  });
});
