import { useId, useState } from 'preact/hooks';
import { readerClaimsDb } from '../../lib/claims/reader-db';
import { deleteSighting, judgeSighting, listSightings, undoDeleteSighting } from '../../lib/claims/reader-store';
import type { Sighting } from '../../lib/claims/reader-schema';
import { trackedClaimUuid } from '../../lib/claims/reader-ids';
import { useLiveQuery } from '../notes/useLiveQuery';
import { LiveTrackedClaim } from './LiveTrackedClaim';
import { SightingItem } from './SightingItem';
import { ErrorMessage } from '../common/ErrorMessage';

export type SightingsProps = {
  /** The card's claim id: only a tracked claim's (`reader-claim-<uuid>`) has sightings. */
  claimId: string;
  /** Headings in the card start at this level (the card's sections use 2). */
  headingLevel?: 2 | 3;
};

const ctx = { now: Date.now };

/**
 * "Where you have seen it" on a tracked claim's card: every page the reader has met the claim on
 * since tracking it, oldest first, live from the reader's store (the card is an extension page),
 * each with its judgement. Nothing at all for other claims.
 */
export function Sightings({ claimId, headingLevel = 2 }: SightingsProps) {
  const uuid = trackedClaimUuid(claimId);
  return uuid ? <SightingList uuid={uuid} headingLevel={headingLevel} /> : null;
}

function SightingList({ uuid, headingLevel }: { uuid: string; headingLevel: 2 | 3 }) {
  const id = useId();
  const sightings = useLiveQuery(() => listSightings(readerClaimsDb(), uuid), [uuid]);
  const [removed, setRemoved] = useState<Sighting | null>(null);
  const [editing, setEditing] = useState(false);
  const [undoError, setUndoError] = useState<string>();
  const undo = (s: Sighting) =>
    undoDeleteSighting(readerClaimsDb(), s.id, ctx).then(
      () => setRemoved(null),
      (e: unknown) => setUndoError(`Could not undo: ${e instanceof Error ? e.message : String(e)}`),
    );
  const Heading = `h${headingLevel}` as 'h2';
  return (
    <section class="cc-section cc-section--sightings" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`} class="cc-section__title">
        Where you have seen it{sightings.status === 'ready' ? ` (${sightings.value.length})` : ''}
      </Heading>
      <button type="button" aria-expanded={editing} onClick={() => setEditing(!editing)}>
        Edit or delete this claim
      </button>
      {editing && <LiveTrackedClaim id={uuid} headingLevel={3} onClose={() => setEditing(false)} />}
      <div role="status">
        {removed && (
          <p class="cc-undo">
            {removed.page.outlet} removed.{' '}
            <button type="button" onClick={() => void undo(removed)}>
              Undo
            </button>
          </p>
        )}
      </div>
      {undoError && <ErrorMessage message={undoError} />}
      {sightings.status === 'loading' && <p class="cc-muted">Reading your sightings…</p>}
      {sightings.status === 'error' && <ErrorMessage message={`Could not read where you have seen it: ${sightings.message}`} />}
      {sightings.status === 'ready' && sightings.value.length === 0 && (
        <p class="cc-empty">Not seen on another page yet. Crosscheck lists here each page that states it.</p>
      )}
      {sightings.status === 'ready' && sightings.value.length > 0 && (
        <ol class="cc-sightings">
          {sightings.value.map((s) => (
            <SightingItem
              key={s.id}
              sighting={s}
              onJudge={async (j) => void (await judgeSighting(readerClaimsDb(), { id: s.id, ...j }, ctx))}
              onRemove={async () => setRemoved(await deleteSighting(readerClaimsDb(), s.id, ctx))}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
