import { browser } from 'wxt/browser';
import type { Reply, RequestInput, ResponseOf, Route } from './route';

/**
 * Sends a request to the background by the route's name, without zod: for the script injected into
 * every page, which must stay small and start fast, so it imports the routes' types only
 * (`send<typeof lookupBlocksRoute>('lookupBlocks', …)`). The background validates the request against
 * the route's schema; the answer is the background's own, built to the route's type, and is taken
 * as it comes (only its envelope is checked).
 */
export async function send<R extends Route>(name: R['name'], data: RequestInput<R>): Promise<ResponseOf<R>> {
  const reply = (await browser.runtime.sendMessage({ route: name, data })) as Reply | undefined;
  if (!reply || typeof reply !== 'object' || typeof reply.ok !== 'boolean') throw new Error(`No valid answer to "${name}"`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.data as ResponseOf<R>;
}
