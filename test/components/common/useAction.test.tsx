// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { useAction } from '@/components/common/useAction';

afterEach(cleanup);

function Saver({ work }: { work: () => Promise<unknown> }) {
  const { error, act } = useAction();
  return (
    <>
      <button type="button" onClick={() => act(work)}>Save</button>
      <output>{error ?? 'no error'}</output>
    </>
  );
}

describe('useAction', () => {
  it('shows why the last action failed, and clears it when the next one starts', async () => {
    let fail = true;
    let finish = () => {};
    const work = () => (fail ? Promise.reject(new Error('disk full')) : new Promise<void>((resolve) => (finish = resolve)));
    render(<Saver work={work} />);
    fireEvent.click(screen.getByText('Save'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('disk full'));
    fail = false;
    fireEvent.click(screen.getByText('Save'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('no error'));
    finish();
  });
});
