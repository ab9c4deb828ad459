// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClaimCard } from '@/components/claims/ClaimCard';
import { getBundledClaimDatabase } from '@/lib/claims/bundled';
import { readerClaimDatabase, withReaderClaims } from '@/lib/claims/reader-database';
import { resolveClaimDatabase } from '@/lib/claims/resolve';
import { readLexicon } from '@/lib/cli/lexicon-file';
import { buildClaimIndex } from '@/lib/matcher/claim-index';
import { matchText } from '@/lib/matcher/match';
import { collectedFactChecks } from '../../lib/claims/factcheck-fixtures';

afterEach(cleanup);

const STATEMENT = 'The Eastport harbour bridge was sold to a foreign company last week.';
const reader = readerClaimDatabase({ claims: [], sightings: [], factChecks: collectedFactChecks('politifact-like.json'), packs: [] });
const combined = withReaderClaims(getBundledClaimDatabase(), reader);
const claimOf = (statement: string) => resolveClaimDatabase(combined).claims.find((c) => c.statement === statement)!;

describe('the claim card of a fact-checked claim', () => {
  it('shows the verdict, who gave it and when, with a link to the fact-check, and the page’s conflict with it', () => {
    const claim = claimOf(STATEMENT);
    const [match] = matchText(buildClaimIndex(combined, readLexicon()), `Posts claimed that ${STATEMENT}`).filter((m) => m.claimId === claim.id);
    render(<ClaimCard claim={claim} match={match} onClose={vi.fn()} />);
    const verdicts = screen.getByRole('region', { name: 'Fact-checks' });
    expect(verdicts.textContent).toContain('✗ False meter.example.org rated this claim “Pants on Fire!”. (18 Nov 2026)');
    const link = within(verdicts).getByRole('link', { name: 'Read the fact-check by meter.example.org' });
    expect(link.getAttribute('href')).toBe('https://meter.example.org/factchecks/2026/nov/18/viral-image/no-eastport-bridge-was-not-sold/');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(document.querySelector('.cc-match--conflicts')?.textContent).toContain(
      'This page states a claim a fact-checker rated false: meter.example.org rated this claim “Pants on Fire!”.',
    );
  });

  it('shows no verdict section for a claim no fact-checker rated', () => {
    render(<ClaimCard claim={resolveClaimDatabase(combined).claims[0]!} onClose={vi.fn()} />);
    expect(screen.queryByRole('region', { name: 'Fact-checks' })).toBeNull();
  });
});
