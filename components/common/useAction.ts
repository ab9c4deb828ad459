import { useState } from 'preact/hooks';
import { errorMessage } from '../../lib/error-message';

/** An action's outcome as a page shows it: the last failure in words, and the function that runs an action. */
export type ActionRunner = {
  /** Why the last action failed, or undefined (cleared when the next one starts). */
  error: string | undefined;
  /** Runs an action; its failure becomes `error`. */
  act: (work: () => Promise<unknown>) => void;
};

/** Runs the reader's actions (save, delete, undo) so that the last failure is shown, in words, until the next try. */
export function useAction(): ActionRunner {
  const [error, setError] = useState<string>();
  const act = (work: () => Promise<unknown>) => {
    setError(undefined);
    work().catch((e: unknown) => setError(errorMessage(e)));
  };
  return { error, act };
}
