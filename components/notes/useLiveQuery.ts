import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '../../lib/error-message';

/** The state of a live query: loading, its latest result, or the error that stopped it. */
export type Live<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

/**
 * Runs a Dexie query and re-runs it whenever the data it read changes, in any context of the
 * extension (Dexie tells other pages and the background through BroadcastChannel), so lists stay
 * current without polling. `deps` restart it (e.g. the search text).
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[]): Live<T> {
  const [state, setState] = useState<Live<T>>({ status: 'loading' });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setState({ status: 'ready', value }),
      error: (error: unknown) => setState({ status: 'error', message: errorMessage(error) }),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return state;
}
