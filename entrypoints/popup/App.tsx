import { useEffect, useState } from 'preact/hooks';
import { PageSummary } from '@/components/common/PageSummary';
import { call } from '@/lib/messaging/runtime';
import { getTabStateRoute } from '@/lib/pages/page-routes';
import type { TabState } from '@/lib/pages/page-schema';
import { targetTabId } from '@/lib/pages/target-tab';
import { ClaimsSection } from './ClaimsSection';
import { FactCheckSection } from './FactCheckSection';
import { NotesSection } from './NotesSection';
import { SyncLine } from './SyncLine';
import { errorMessage } from '@/lib/error-message';
import { ErrorMessage } from '@/components/common/ErrorMessage';

type Load =
  | { status: 'loading' }
  | { status: 'ready'; tabId: number | null; state: TabState | null }
  | { status: 'error'; message: string };

/** The toolbar popup: the claims Crosscheck found on the active tab, and the reader's notes there. */
export function App() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  useEffect(() => {
    (async () => {
      const tabId = await targetTabId();
      const state = tabId === null ? null : await call(getTabStateRoute, { tabId });
      setLoad({ status: 'ready', tabId, state });
    })().catch((error: unknown) =>
      setLoad({ status: 'error', message: errorMessage(error) }),
    );
  }, []);

  return (
    <main class="cc-popup">
      <header class="cc-header">
        <h1>Crosscheck</h1>
      </header>
      {load.status === 'loading' && <p class="cc-muted">Reading this page…</p>}
      {load.status === 'error' && <ErrorMessage message={`Crosscheck could not reach its background page: ${load.message}`} />}
      {load.status === 'ready' && <PageSummary state={load.state} />}
      {load.status === 'ready' && load.state && load.tabId !== null && (
        <ClaimsSection tabId={load.tabId} state={load.state} />
      )}
      {load.status === 'ready' && load.tabId !== null && <FactCheckSection tabId={load.tabId} />}
      {load.status === 'ready' && load.tabId !== null && <NotesSection tabId={load.tabId} />}
      <SyncLine />
    </main>
  );
}
