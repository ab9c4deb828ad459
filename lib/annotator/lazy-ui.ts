import type { PageApi, PageUi } from './page-ui';

/** How the UI part of the content script starts, handed from its module to the first part. */
export type StartUi = (page: PageApi) => PageUi;

// A symbol in the content script's own world: pages have another global object and cannot see it.
const KEY = Symbol.for('crosscheck.page-ui');

/** Called by the UI's module when it is imported: hands its start function over. */
export function provideUi(start: StartUi): void {
  (globalThis as Record<symbol, unknown>)[KEY] = start;
}

/**
 * Imports the UI's module (a web-accessible script of the extension, run in the content script's
 * own world) and returns its start function. Only the first part is injected into every page; this
 * one is loaded when there is something to show.
 */
export async function importUi(url: string): Promise<StartUi> {
  await import(/* @vite-ignore */ url);
  const start = (globalThis as Record<symbol, unknown>)[KEY];
  if (typeof start !== 'function') throw new Error(`Crosscheck's page UI did not load from ${url}`);
  return start as StartUi;
}
