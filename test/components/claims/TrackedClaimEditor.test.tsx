// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TrackedClaimEditor } from '@/components/claims/TrackedClaimEditor';
import { TrackedClaimSchema, type TrackedClaim } from '@/lib/claims/reader-schema';
import { claimDraft } from '../../lib/claims/reader-fixtures';

afterEach(cleanup);

const claim = (over: Partial<TrackedClaim> = {}): TrackedClaim =>
  TrackedClaimSchema.parse({ ...claimDraft(), id: '3b241101-e2bb-4255-8caf-4136c566a962', created: 1, modified: 1, deleted: false, ...over });

function setup(over: Partial<TrackedClaim> = {}, onSave = vi.fn(async () => {})) {
  const props = { claim: claim(over), onSave, onDelete: vi.fn(async () => {}), onUndoDelete: vi.fn(async () => {}), onClose: vi.fn() };
  render(<TrackedClaimEditor {...props} />);
  return props;
}
const statement = () => screen.getByLabelText('Statement') as HTMLTextAreaElement;

describe('TrackedClaimEditor', () => {
  it('shows where the claim was read, and saves the statement as worded and the type as chosen', async () => {
    const props = setup();
    expect(screen.getByText('The Ledger · 17 Nov 2026')).toBeTruthy();
    expect(screen.getByText(claimDraft().quote.exact).tagName).toBe('BLOCKQUOTE');
    expect(document.activeElement).toBe(statement());
    await userEvent.clear(statement());
    await userEvent.type(statement(), '  The bridge closed on Monday.  ');
    await userEvent.selectOptions(screen.getByLabelText('Type'), 'Official statement');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(props.onSave).toHaveBeenCalledWith({ statement: 'The bridge closed on Monday.', type: 'official-statement' });
    await screen.findByText('Saved.');
  });

  it('refuses an empty statement with a reason, and keeps the form as typed when a save fails', async () => {
    const onSave = vi.fn(async () => {
      throw new Error('Invalid tracked claim edit: statement');
    });
    setup({}, onSave);
    await userEvent.clear(statement());
    await userEvent.type(statement(), '   ');
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    expect(screen.getByRole('alert').textContent).toBe('A claim needs a statement.');
    expect(onSave).not.toHaveBeenCalled();

    await userEvent.type(statement(), 'Kept <b>as typed</b>');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Invalid tracked claim edit: statement'));
    expect(statement().value).toBe('   Kept <b>as typed</b>');
    expect(document.querySelector('b')).toBeNull();
  });

  it('deletes, and offers Undo once deleted', async () => {
    const props = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(props.onDelete).toHaveBeenCalled();
    cleanup();
    const deleted = setup({ deleted: true });
    expect(screen.queryByLabelText('Statement')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(deleted.onUndoDelete).toHaveBeenCalled();
  });
});
