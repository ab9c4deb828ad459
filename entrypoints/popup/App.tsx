import { useEffect, useState } from 'preact/hooks';
import { call } from '@/lib/messaging/runtime';
import { getTabState } from '@/lib/pages/page-routes';
import type { TabState } from '@/lib/pages/page-schema';
import { targetTabId } from '@/lib/pages/target-tab';
import { PageSummary } from '@/components/common/PageSummary';

type Load = { status: 'loading' } | { status: 'ready'; state: TabState | null } | { status: 'error'; message: string };

/** The toolbar popup: what Crosscheck knows about the active tab. */
export function App() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  useEffect(() => {
    (async () => {
      const tabId = await targetTabId();
      const state = tabId === null ? null : await call(getTabState, { tabId });
      setLoad({ status: 'ready', state });
    })().catch((error: unknown) =>
      setLoad({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  }, []);

  return (
    <main class="cc-popup">
      <header class="cc-header">
        <h1>Crosscheck</h1>
      </header>
      {load.status === 'loading' && <p class="cc-muted">Reading this page…</p>}
      {load.status === 'error' && (
        <p role="alert" class="cc-error">
          Crosscheck could not reach its background page: {load.message}
        </p>
      )}
      {load.status === 'ready' && <PageSummary state={load.state} />}
    </main>
  );
}
