import { useId } from 'preact/hooks';
import type { ResolvedAssertion, ResolvedClaim, ResolvedRelation } from '../../lib/claims/resolve';
import { DifferenceList } from './DifferenceList';
import { CLAIM_TYPE_LABEL } from './labels';
import { SourceQuote } from './SourceQuote';

export type SourceSectionsProps = {
  claim: ResolvedClaim;
  /** Level of the two section headings, so the sections fit the card (2) or a popup row (3 or 4). */
  headingLevel?: 2 | 3 | 4;
};

type HeadingTag = 'h2' | 'h3' | 'h4' | 'h5';

function Sources({ assertions }: { assertions: ResolvedAssertion[] }) {
  return (
    <ul class="cc-sources">
      {assertions.map((a) => (
        <li key={a.id}>
          <SourceQuote assertion={a} />
        </li>
      ))}
    </ul>
  );
}

/** The database's remark on a relation: secondary text, never mistaken for a source. */
function DbNote({ note }: { note: string | undefined }) {
  if (!note) return null;
  return (
    <p class="cc-db-note">
      <span class="cc-db-note__label">Note: </span>
      {note}
    </p>
  );
}

/**
 * How many statements a section lists, and from how many sources when that is fewer: two statements
 * in one article are not two independent sources.
 */
function Count({ assertions }: { assertions: ResolvedAssertion[] }) {
  const sources = new Set(assertions.map((a) => a.source.id)).size;
  const text =
    sources === assertions.length
      ? `(${sources})`
      : `(${assertions.length} statements, ${sources} source${sources === 1 ? '' : 's'})`;
  return <span class="cc-count">{text}</span>;
}

function TypeTag({ type }: { type: ResolvedRelation['claim']['type'] }) {
  return <span class={`cc-type cc-type--${type}`}>{CLAIM_TYPE_LABEL[type]}</span>;
}

/**
 * The two source lists of a claim, shared by the claim card and the popup: "Sources that corroborate"
 * (the claim's own assertions, then those of corroborating claims, each with how it words the claim)
 * and "Sources that conflict" (each conflicting claim with what differs, side by side, and its
 * sources). Each section says so when it is empty.
 */
export function SourceSections({ claim, headingLevel = 2 }: SourceSectionsProps) {
  const id = useId();
  const H = `h${headingLevel}` as HeadingTag;
  const Sub = `h${headingLevel + 1}` as HeadingTag;
  const agreeing = [...claim.assertions, ...claim.corroborations.flatMap((r) => r.assertions)];
  const agreeingSources = new Set(agreeing.map((a) => a.source.id)).size;
  return (
    <div class="cc-sections">
      <section class="cc-section cc-section--corroborates" aria-labelledby={`${id}-agree`}>
        <H id={`${id}-agree`} class="cc-section__title">
          Sources that corroborate <Count assertions={agreeing} />
        </H>
        {claim.assertions.length > 0 && <Sources assertions={claim.assertions} />}
        {claim.corroborations.map((r) => (
          <div key={r.relationId} class="cc-related">
            <p class="cc-related__statement">
              <span class="cc-related__label">Also reported as: </span>
              {r.claim.statement} <TypeTag type={r.claim.type} />
            </p>
            <Sources assertions={r.assertions} />
            <DbNote note={r.note} />
          </div>
        ))}
        {agreeingSources === 0 && <p class="cc-empty">No source in the database reports this.</p>}
        {agreeingSources === 1 && <p class="cc-empty">No other source reports this.</p>}
      </section>
      <section class="cc-section cc-section--conflicts" aria-labelledby={`${id}-conflict`}>
        <H id={`${id}-conflict`} class="cc-section__title">
          Sources that conflict <Count assertions={claim.conflicts.flatMap((r) => r.assertions)} />
        </H>
        {claim.conflicts.length === 0 && <p class="cc-empty">No source contradicts this.</p>}
        {claim.conflicts.map((r, i) => (
          <article key={r.relationId} class="cc-related cc-related--conflict" aria-labelledby={`${id}-c${i}`}>
            <Sub id={`${id}-c${i}`} class="cc-related__statement">
              {r.claim.statement}
            </Sub>
            <TypeTag type={r.claim.type} />
            <DifferenceList differs={r.differs} fromLabel="This claim" toLabel="Conflicting claim" />
            <Sources assertions={r.assertions} />
            <DbNote note={r.note} />
          </article>
        ))}
      </section>
    </div>
  );
}
