import { ErrorMessage } from './ErrorMessage';

/** What the reader's last action did, or why it failed, in words. */
export type ActionOutcome = { kind: 'ok' | 'error'; text: string };

export type ActionStatusProps = {
  /** The last outcome, or null before any (or while the next action runs). */
  outcome: ActionOutcome | null;
  /** A `data-testid` for end-to-end tests that read the outcome. */
  testId: string;
};

/**
 * The outcome of an action (an import, an add), in a live region that stays on the page so that each new outcome is
 * announced: politely when it worked, at once (an alert) when it failed.
 */
export function ActionStatus({ outcome, testId }: ActionStatusProps) {
  const failed = outcome?.kind === 'error';
  return (
    <div role={failed ? 'alert' : 'status'} data-testid={testId}>
      {outcome && (failed ? <ErrorMessage message={outcome.text} announce={false} /> : <p>{outcome.text}</p>)}
    </div>
  );
}
