// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FactCheckOffer } from '@/components/claims/FactCheckOffer';
import type { OfferedFactCheck } from '@/lib/claims/factcheck-offer';
import { parseClaimReviews } from '@/lib/factchecks/parse';
import { claimReviewFixture } from '../../lib/factchecks/claim-review-fixtures';

afterEach(cleanup);

function offered(status: OfferedFactCheck['status'], over: Record<string, unknown> = {}): OfferedFactCheck {
  const [factCheck] = parseClaimReviews({ ...claimReviewFixture('politifact-like.json'), ...over }).items;
  return { id: `id-${status}`, factCheck: { ...factCheck!, url: factCheck!.url! }, status };
}

describe('FactCheckOffer', () => {
  it('shows the claim, claimant, verdict, fact-checker and day, and adds on a click', async () => {
    const onAdd = vi.fn();
    render(<FactCheckOffer items={[offered('new')]} problems={[]} busy={false} status={null} onAdd={onAdd} />);
    const item = screen.getByTestId('factcheck-offer-item');
    expect(item.textContent).toContain('“The Eastport harbour bridge was sold to a foreign company last week.”');
    expect(item.textContent).toContain('Claimed by Viral image, 16 Nov 2026');
    expect(item.textContent).toContain('False “Pants on Fire!” · checked by meter.example.org, 18 Nov 2026');
    await userEvent.click(screen.getByRole('button', { name: 'Add this fact-check' }));
    expect(onAdd).toHaveBeenCalledOnce();
  });

  it('says when a fact-check is already added, and offers no button then', () => {
    render(<FactCheckOffer items={[offered('added')]} problems={[]} busy={false} status={null} onAdd={() => {}} />);
    expect(screen.getByText('Already added to your claims.')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('counts only the new and changed ones on the button, and names what could not be read', () => {
    const items = [offered('new'), offered('added', { claimReviewed: 'Other.' }), offered('changed', { claimReviewed: 'Third.' })];
    render(<FactCheckOffer items={items} problems={['item 4: url: must be an absolute http(s) URL']} busy={false} status={null} onAdd={() => {}} />);
    expect(screen.getByRole('heading').textContent).toBe('Fact-checks on this page (3)');
    expect(screen.getByRole('button', { name: 'Add these 2 fact-checks' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('item 4: url: must be an absolute http(s) URL');
  });

  it('shows a failure as an alert, and renders nothing for a page without reviews', () => {
    const { rerender, container } = render(
      <FactCheckOffer items={[offered('new')]} problems={[]} busy={false} status={{ kind: 'error', text: 'Nothing was added: disk full' }} onAdd={() => {}} />,
    );
    expect(screen.getByRole('alert').textContent).toBe('Nothing was added: disk full');
    rerender(<FactCheckOffer items={[]} problems={[]} busy={false} status={null} onAdd={() => {}} />);
    expect(container.innerHTML).toBe('');
  });

  it('renders page text as text, never as markup', () => {
    render(<FactCheckOffer items={[offered('new', { claimReviewed: '<img src=x onerror=alert(1)>' })]} problems={[]} busy={false} status={null} onAdd={() => {}} />);
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByTestId('factcheck-offer-item').textContent).toContain('<img src=x onerror=alert(1)>');
  });
});
