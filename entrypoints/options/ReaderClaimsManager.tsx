import { useEffect, useRef, useState } from 'preact/hooks';
import { ReaderClaimEditor } from '@/components/claims/ReaderClaimEditor';
import { FactCheckItem, TrackedClaimItem } from '@/components/claims/ReaderItems';
import { ReaderList } from '@/components/claims/ReaderList';
import { truncate } from '@/components/claims/labels';
import { usePagedQuery } from '@/components/claims/usePagedQuery';
import { readerClaimsDb } from '@/lib/claims/reader-db';
import { deleteFactCheck, undoDeleteFactCheck } from '@/lib/claims/reader-factchecks';
import { queryFactChecks, queryTrackedClaims } from '@/lib/claims/reader-query';
import { deleteTrackedClaim, editTrackedClaim, undoDeleteTrackedClaim } from '@/lib/claims/reader-store';
import { errorMessage } from '@/lib/error-message';
import { ReaderClaimsImport } from './ReaderClaimsImport';
import { ErrorMessage } from '@/components/common/ErrorMessage';
import { UndoToast } from '@/components/common/UndoToast';
import { useAction } from '@/components/common/useAction';

/** Items per page: a screen or two, read in a few milliseconds from 100,000. */
const PAGE = 20;
/** Typing pauses this long before the search runs. */
const SEARCH_DELAY_MS = 250;
const ctx = { now: Date.now };

type Deleted = { kind: 'claim' | 'fact-check'; id: string; text: string };

/** `value`, once it has stopped changing for `ms`. */
function useSettled(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value]);
  return settled;
}

/**
 * "Your claims": the claims the reader tracks and the fact-checks they collected, newest first, a
 * page at a time, searched by their words; a tracked claim's statement and type edited in place;
 * deletes undone from the bar that follows them; and the import of a file of fact-checks or a
 * claim pack. Lists are live: a claim tracked in a tab appears at once.
 */
export function ReaderClaimsManager() {
  const db = readerClaimsDb();
  const [draft, setDraft] = useState('');
  const text = useSettled(draft.trim(), SEARCH_DELAY_MS);
  const claims = usePagedQuery((q) => queryTrackedClaims(db, q), text, PAGE);
  const factChecks = usePagedQuery((q) => queryFactChecks(db, q), text, PAGE);
  const [editing, setEditing] = useState<{ id: string; error?: string }>();
  const [deleted, setDeleted] = useState<Deleted>();
  const { error, act } = useAction();
  const undoRef = useRef<HTMLButtonElement>(null);
  // After a delete the keyboard goes to Undo, so the reader can take it back at once.
  useEffect(() => undoRef.current?.focus(), [deleted]);

  const remove = (kind: Deleted['kind'], id: string, words: string) =>
    act(async () => {
      await (kind === 'claim' ? deleteTrackedClaim(db, id, ctx) : deleteFactCheck(db, id, ctx));
      setDeleted({ kind, id, text: truncate(words, 80) });
    });
  const undo = (d: Deleted) =>
    act(async () => {
      await (d.kind === 'claim' ? undoDeleteTrackedClaim(db, d.id, ctx) : undoDeleteFactCheck(db, d.id, ctx));
      setDeleted(undefined);
    });
  const none = (what: string, hint: string) => (text ? `No ${what} match “${text}”.` : hint);

  return (
    <section aria-labelledby="cc-your-claims" class="cc-notes-manager" data-testid="reader-claims">
      <h2 id="cc-your-claims">Your claims</h2>
      <label class="cc-filters">
        Search your claims and fact-checks
        <input type="search" value={draft} onInput={(e) => setDraft(e.currentTarget.value)} />
      </label>
      {error && <ErrorMessage message={error} />}
      <ReaderList
        title="Tracked claims"
        paged={claims}
        emptyText={none('tracked claims', 'You track no claims yet. Select a sentence on any page and choose “Track this claim”.')}
        item={(c) =>
          editing?.id === c.id ? (
            <ReaderClaimEditor
              statement={c.statement}
              type={c.type}
              error={editing.error}
              onCancel={() => setEditing(undefined)}
              onSave={(changes) =>
                void editTrackedClaim(db, { id: c.id, ...changes }, ctx).then(
                  () => setEditing(undefined),
                  (e: unknown) => setEditing({ id: c.id, error: `Not saved: ${errorMessage(e)}` }),
                )
              }
            />
          ) : (
            <TrackedClaimItem claim={c} onEdit={() => setEditing({ id: c.id })} onDelete={() => remove('claim', c.id, c.statement)} />
          )
        }
      />
      <ReaderList
        title="Fact-checks"
        paged={factChecks}
        emptyText={none('fact-checks', 'You have collected no fact-checks yet. On a fact-checker’s page, open Crosscheck and choose “Add this fact-check”, or import a file below.')}
        item={(f) => <FactCheckItem factCheck={f} onDelete={() => remove('fact-check', f.id, f.claimReviewed)} />}
      />
      <ReaderClaimsImport db={db} />
      <UndoToast
        text={deleted ? `Deleted “${deleted.text}”.` : null}
        onUndo={() => deleted && undo(deleted)}
        onDismiss={() => setDeleted(undefined)}
        undoRef={undoRef}
      />
    </section>
  );
}
