import type { ResolvedAssertion } from '../../lib/claims/resolve';
import { SOURCE_KIND_LABEL, formatDay } from './labels';

export type SourceQuoteProps = {
  /** One source stating a claim: outlet, its exact words, and who passed them on. */
  assertion: ResolvedAssertion;
};

/**
 * One source's statement of a claim: the outlet and its kind, the date when known, its exact words,
 * the attribution chain (outermost first) with the article's own wording for it, and a link when the
 * source has a url. All text is rendered as text, never as HTML: quotes come from other people's pages.
 */
export function SourceQuote({ assertion }: SourceQuoteProps) {
  const { source, article, chain, quote, attributionText } = assertion;
  return (
    <div class="cc-source">
      <p class="cc-source__head">
        <span class="cc-source__name">{source.name}</span>{' '}
        <span class={`cc-kind cc-kind--${source.kind}`}>{SOURCE_KIND_LABEL[source.kind]}</span>
        {source.date && (
          <>
            {' '}
            <time class="cc-source__date" dateTime={source.date}>
              {formatDay(source.date)}
            </time>
          </>
        )}
      </p>
      <blockquote class="cc-source__quote">{quote}</blockquote>
      {/* A one-link chain only repeats the outlet, so it is left out. */}
      {chain.length > 1 && (
        <ol class="cc-source__chain" aria-label="Attribution chain, outermost first">
          {chain.map((link, i) => (
            <li key={`${link.id}-${i}`}>
              {i > 0 && (
                <span class="cc-source__arrow" aria-hidden="true">
                  {'→ '}
                </span>
              )}
              {link.name}
            </li>
          ))}
        </ol>
      )}
      <p class="cc-source__attribution">
        {attributionText}
        {' · in '}
        {article.url ? (
          <a href={article.url} target="_blank" rel="noopener noreferrer">
            {article.title}
          </a>
        ) : (
          <cite>{article.title}</cite>
        )}
        {article.published && ` (${formatDay(article.published)})`}
      </p>
      {source.url && (
        <p class="cc-source__link">
          <a href={source.url} target="_blank" rel="noopener noreferrer">
            Open {source.name}
            <span class="cc-visually-hidden"> (opens in a new tab)</span>
          </a>
        </p>
      )}
    </div>
  );
}
