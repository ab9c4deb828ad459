import { describe, expect, it } from 'vitest';
import { ClaimDatabaseError, validateClaimDatabase } from '@/lib/claims/database';
import { bridgePack } from './claim-fixtures';

/** Validates `json` with the pack's texts and returns the problems (empty when valid). */
function problemsOf(json: unknown, texts = bridgePack().texts): string[] {
  try {
    validateClaimDatabase(json, { articleTexts: texts });
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ClaimDatabaseError);
    return [...(error as ClaimDatabaseError).problems];
  }
}

describe('integrity rules, each broken on the valid pack', () => {
  it('accepts the valid pack and checks all its quotes', () => {
    const { json, texts } = bridgePack();
    const result = validateClaimDatabase(json, { articleTexts: texts });
    expect(result.quotesChecked).toBe(json.assertions.length);
    expect(result.articlesWithoutText).toEqual([]);
  });

  const cases: [string, (db: any) => void, string][] = [
    ['duplicate claim id', (db) => (db.claims[1].id = db.claims[0].id),
      'claims[1] (id "bridge-closed-monday").id: duplicate id, already used by claims[0]'],
    ['duplicate source id', (db) => (db.sources[3].id = 'eastport-council'),
      'sources[3] (id "eastport-council").id: duplicate id, already used by sources[2]'],
    ['assertion names a missing claim', (db) => (db.assertions[2].claimId = 'x'),
      'assertions[2] (id "bridge-closed-until-safe-ledger").claimId: no claim "x"'],
    ['assertion names a missing source', (db) => { db.assertions[0].sourceId = 'nobody'; db.assertions[0].attribution[1] = 'nobody'; },
      'assertions[0] (id "bridge-closed-monday-ledger").sourceId: no source "nobody"'],
    ['assertion names a missing article', (db) => (db.assertions[1].articleId = 'gone'),
      'assertions[1] (id "bridge-shut-tuesday-gazette").articleId: no article "gone"'],
    ['attribution names a missing source', (db) => db.assertions[1].attribution.splice(1, 0, 'bbc'),
      'assertions[1] (id "bridge-shut-tuesday-gazette").attribution[1]: no source "bbc"'],
    ['attribution does not start at the article outlet', (db) => (db.assertions[1].attribution[0] = 'fixture-ledger'),
      'assertions[1] (id "bridge-shut-tuesday-gazette").attribution[0]: must be the article\'s source "fixture-gazette", found "fixture-ledger"'],
    ['attribution does not end at the asserting source', (db) => (db.assertions[1].sourceId = 'eastport-council'),
      'assertions[1] (id "bridge-shut-tuesday-gazette").attribution: must end with the asserting source "eastport-council"'],
    ['article names a missing source', (db) => (db.articles[0].sourceId = 'nobody'),
      'articles[0] (id "ledger-bridge-closed").sourceId: no source "nobody"'],
    ['claim without an assertion', (db) => db.assertions.splice(2, 1),
      'claims[2] (id "bridge-closed-until-safe").id: claim has no assertion'],
    ['source used nowhere', (db) => db.sources.push({ ...db.sources[0], id: 'spare' }),
      'sources[4] (id "spare").id: source is not used by any article or attribution'],
    ['quote not verbatim (straight apostrophe for a curly one)', (db) => (db.assertions[1].quote = db.assertions[1].quote.replace('’', "'")),
      'assertions[1] (id "bridge-shut-tuesday-gazette").quote: not found verbatim in article "gazette-bridge-closed"'],
    ['self-relation', (db) => (db.relations[1].to = db.relations[1].from),
      'relations[1] (id "bridge-closed-monday-and-bridge-closed-until-safe").to: a claim cannot relate to itself'],
    ['relation endpoint missing', (db) => (db.relations[0].from = 'bridge-collapsed'),
      'relations[0] (id "bridge-closed-monday-vs-bridge-shut-tuesday").from: no claim "bridge-collapsed"'],
    ['duplicate relation for the same pair', (db) => db.relations.push({ ...db.relations[0], id: 'again', from: db.relations[0].to, to: db.relations[0].from }),
      'relations[2] (id "again"): same pair of claims as relations[0]'],
    ['conflict that says nothing differs', (db) => (db.relations[0].differs = []),
      'relations[0] (id "bridge-closed-monday-vs-bridge-shut-tuesday").differs: a conflict must say what differs'],
    ['difference names a fact one claim lacks', (db) => (db.relations[0].differs[0].fact = 'speaker-title'),
      'relations[0] (id "bridge-closed-monday-vs-bridge-shut-tuesday").differs[0].fact: fact "speaker-title" missing from claim "bridge-closed-monday"'],
    ['difference on a fact that does not differ', (db) => { db.claims[1].facts[0].value = '2026-11-16'; db.claims[1].facts[0].text = 'on Monday'; db.assertions[1].quote = 'Eastport’s harbour bridge'; db.claims[1].facts[1].text = 'bridge'; },
      'relations[0] (id "bridge-closed-monday-vs-bridge-shut-tuesday").differs[0].fact: fact "closure-date" is the same in both claims'],
    ['fact wording not in any quote', (db) => (db.claims[0].facts[1].text = '40-centimetre'),
      'claims[0] (id "bridge-closed-monday").facts[1] (key "crack-length-cm").text: "40-centimetre" is not in any quote of the claim'],
    ['date fact not ISO', (db) => (db.claims[0].facts[0].value = 'Monday'),
      'claims[0] (id "bridge-closed-monday").facts[0] (key "closure-date").value: a date fact needs an ISO value'],
    ['number fact with a string value', (db) => (db.claims[0].facts[1].value = 'thirty'),
      'claims[0] (id "bridge-closed-monday").facts[1] (key "crack-length-cm").value: a number fact needs a numeric value'],
    ['duplicate fact key', (db) => (db.claims[0].facts[1].key = 'closure-date'),
      'claims[0] (id "bridge-closed-monday").facts[1] (key "closure-date").key: duplicate fact key "closure-date"'],
    ['schema: unknown claim type', (db) => (db.claims[2].type = 'rumour'),
      'claims[2] (id "bridge-closed-until-safe").type: Invalid option'],
    ['schema: id that is not a slug', (db) => (db.sources[0].id = 'Fixture Ledger'),
      'sources[0] (id "Fixture Ledger").id: must be a lower-case slug'],
    ['schema: missing quote', (db) => delete db.assertions[0].quote,
      'assertions[0] (id "bridge-closed-monday-ledger").quote: Invalid input'],
  ];

  it.each(cases)('%s', (_name, breakIt, expected) => {
    const { json } = bridgePack();
    breakIt(json);
    const problems = problemsOf(json);
    expect(problems.some((p) => p.startsWith(expected)), `expected "${expected}" in:\n${problems.join('\n')}`).toBe(true);
  });

  it('reports every problem at once and names the label in the message', () => {
    const { json, texts } = bridgePack();
    json.assertions[0].claimId = 'x';
    json.relations[1].to = 'y';
    expect(() => validateClaimDatabase(json, { articleTexts: texts, label: 'pack.json' })).toThrow(
      /^Invalid pack\.json: 3 problems\n {2}assertions\[0\].*claimId: no claim "x"\n/,
    );
  });

  it('skips the quote check for articles without text, and says which', () => {
    const { json } = bridgePack();
    json.assertions[1].quote += ' Words the article never says.';
    const result = validateClaimDatabase(json, { articleTexts: new Map([['ledger-bridge-closed', bridgePack().texts.get('ledger-bridge-closed')!]]) });
    expect(result.quotesChecked).toBe(2);
    expect(result.articlesWithoutText).toEqual(['gazette-bridge-closed']);
  });

  it('normalises whitespace only: line breaks inside a quote still match', () => {
    const { json, texts } = bridgePack();
    json.assertions[0].quote = json.assertions[0].quote.replace(' after ', '\n   after ');
    expect(problemsOf(json, texts)).toEqual([]);
    json.assertions[0].quote = json.assertions[0].quote.toUpperCase();
    expect(problemsOf(json, texts)).toHaveLength(1);
  });
});
