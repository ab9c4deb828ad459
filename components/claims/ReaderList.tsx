import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import type { Paged } from './usePagedQuery';
import { ErrorMessage } from '../common/ErrorMessage';

export type ReaderListProps<T> = {
  title: string;
  paged: Paged<T>;
  /** Shown when there is nothing at all, or nothing that matches the search. */
  emptyText: string;
  item: (item: T) => ComponentChildren;
};

/** One list of the reader's store (tracked claims, fact-checks): a page of items and the pager. */
export function ReaderList<T extends { id: string }>({ title, paged, emptyText, item }: ReaderListProps<T>) {
  const id = useId();
  const { live, items, page, hasNext } = paged;
  return (
    <section aria-labelledby={id} class="cc-reader-list">
      <h3 id={id}>{title}</h3>
      {live.status === 'loading' && <p class="cc-muted">Reading…</p>}
      {live.status === 'error' && <ErrorMessage message={`Could not read your ${title.toLowerCase()}: ${live.message}`} />}
      {live.status === 'ready' && items.length === 0 && <p class="cc-empty">{emptyText}</p>}
      {items.length > 0 && (
        <ul class="cc-factchecks" aria-label={title}>
          {items.map((i) => (
            <li key={i.id}>{item(i)}</li>
          ))}
        </ul>
      )}
      {(page > 1 || hasNext) && (
        <nav class="cc-toolbar" aria-label={`${title}: pages`}>
          <button type="button" disabled={page === 1} onClick={paged.previous}>
            Newer
          </button>
          <span>Page {page}</span>
          <button type="button" disabled={!hasNext} onClick={paged.next}>
            Older
          </button>
        </nav>
      )}
    </section>
  );
}
