import { useEffect, useMemo, useState } from 'preact/hooks';
import { readPanelState, type PanelState } from '@/lib/annotator/panel-state';
import { call } from '@/lib/messaging/runtime';
import { closeTabPanelRoute, redeemPanelTicketRoute } from '@/lib/pages/page-routes';
import { ClaimsPanel } from './ClaimsPanel';
import { NotePanel } from './NotePanel';
import { TrackedPanel } from './TrackedPanel';
import { ErrorMessage } from '@/components/common/ErrorMessage';

/**
 * The in-page panel (an iframe the content script opens beside a highlight or a selection): the
 * claim card or the note editor. It shows nothing until the background confirms, by its ticket,
 * that Crosscheck opened it in this tab (a page may frame panel.html itself). Closing asks the
 * tab's content script to remove the frame and give focus back to the page.
 */
export function App() {
  const params = new URLSearchParams(location.search);
  const [trusted, setTrusted] = useState<boolean | null>(null);
  useEffect(() => {
    call(redeemPanelTicketRoute, { ticket: params.get('ticket') ?? '' }).then(setTrusted, () => setTrusted(false));
  }, []);
  const state = useMemo((): PanelState | Error => {
    try {
      return readPanelState(location.hash);
    } catch (error) {
      return error as Error;
    }
  }, []);
  const close = () => void call(closeTabPanelRoute, {}).catch(() => window.close());

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) close();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);

  if (trusted === null) return <main class="cc-panel" aria-busy="true" />;
  if (!trusted) {
    return (
      <main class="cc-panel">
        <ErrorMessage message="This panel was not opened by Crosscheck, so it shows nothing." />
      </main>
    );
  }
  if (state instanceof Error) {
    return (
      <main class="cc-panel">
        <ErrorMessage message={state.message} />
      </main>
    );
  }
  return (
    <main class="cc-panel">
      {state.mode === 'claims' && <ClaimsPanel claims={state.claims} onClose={close} />}
      {state.mode === 'note' && <NotePanel state={state} onClose={close} />}
      {state.mode === 'tracked' && <TrackedPanel state={state} onClose={close} />}
    </main>
  );
}
