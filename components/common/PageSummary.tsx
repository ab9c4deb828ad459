import type { TabState } from '@/lib/pages/page-schema';

export type PageSummaryProps = { state: TabState | null };

/** The page Crosscheck is looking at, or why it is not looking at any. */
export function PageSummary({ state }: PageSummaryProps) {
  if (!state) {
    return (
      <p class="cc-muted" data-testid="no-page">
        Crosscheck works on web pages (http and https). Open a news article and click the button again.
      </p>
    );
  }
  return (
    <section class="cc-page" aria-label="This page" data-testid="page-summary">
      <h2 class="cc-page-title">{state.page.title || state.page.url}</h2>
      <p class="cc-muted cc-url">{state.page.url}</p>
      <p class="cc-muted">{state.page.words.toLocaleString('en')} words read</p>
    </section>
  );
}
