import { describe, expect, it } from 'vitest';
import { falseVerdicts, verdictsOf } from '@/lib/claims/factcheck-claims';
import { readerClaimDatabase } from '@/lib/claims/reader-database';
import { resolveClaimDatabase } from '@/lib/claims/resolve';
import { collectedFactChecks } from './factcheck-fixtures';

const database = (factChecks: ReturnType<typeof collectedFactChecks>) => readerClaimDatabase({ claims: [], sightings: [], factChecks, packs: [] });
const resolvedClaim = (factChecks: ReturnType<typeof collectedFactChecks>, statement: string) =>
  resolveClaimDatabase(database(factChecks)).claims.find((c) => c.statement === statement)!;

describe('verdictsOf', () => {
  it("reads a reviewed claim's verdicts back from the database it was written into: class, words, checker, link and day", () => {
    const claim = resolvedClaim(collectedFactChecks('politifact-like.json'), 'The Eastport harbour bridge was sold to a foreign company last week.');
    expect(verdictsOf(claim)).toEqual([
      {
        verdict: 'false',
        statement: 'meter.example.org rated this claim “Pants on Fire!”.',
        checker: 'meter.example.org',
        url: 'https://meter.example.org/factchecks/2026/nov/18/viral-image/no-eastport-bridge-was-not-sold/',
        published: '2026-11-18',
      },
    ]);
  });

  it('reads a true verdict (a corroboration), lists two reviews worst first, and gives none for an unrated review', () => {
    const fullFact = collectedFactChecks('fullfact-like.json');
    expect(verdictsOf(resolvedClaim(fullFact, 'The Eastport bridge is more than 100 years old.')).map((v) => v.verdict)).toEqual(['true']);
    const [incorrect] = fullFact;
    const second = { ...incorrect!, id: 'ffffffffffffffff', url: 'https://other.example/check', verdict: 'true' as const, ratings: [{ label: 'Correct', value: null, best: null, worst: null }] };
    expect(verdictsOf(resolvedClaim([second, incorrect!], incorrect!.claimReviewed)).map((v) => v.verdict)).toEqual(['false', 'true']);
    const unrated = { ...incorrect!, verdict: 'unrated' as const, ratings: [] };
    expect(verdictsOf(resolvedClaim([unrated], incorrect!.claimReviewed))).toEqual([]);
  });
});

describe('falseVerdicts', () => {
  it('names the claims rated false, with the verdict, and not those rated misleading, mixed or true', () => {
    const db = database([...collectedFactChecks('fullfact-like.json'), ...collectedFactChecks('factcheck-org-like.json')]);
    const statementOf = (id: string) => db.claims.find((c) => c.id === id)!.statement;
    const found = [...falseVerdicts(db)].map(([id, verdict]) => [statementOf(id), verdict]);
    expect(found).toEqual([
      ['Traffic on the Eastport bridge has doubled since 2020.', "FullCheck rated this claim “Incorrect. Traffic rose by about 12% over the period, according to the council’s own counts.”."],
    ]);
  });
});
