import type * as zc from 'zod/v4/core';

/**
 * Who may send a message on a route.
 * - `content`: a content script of this extension, running in a tab.
 * - `extension`: one of this extension's own pages (popup, options, in-page panel) or its
 *   background.
 */
export type SenderKind = 'content' | 'extension';

/**
 * A message type: its name, who may send it, and zod schemas for what goes each way. Schemas may
 * be zod or zod/mini ones: routes that reach the content script use zod/mini, so that the script
 * injected into every page stays small.
 */
export type Route<Req extends zc.$ZodType = zc.$ZodType, Res extends zc.$ZodType = zc.$ZodType, Name extends string = string> = {
  name: Name;
  from: SenderKind;
  request: Req;
  response: Res;
};

/** The validated request type of a route. */
export type RequestOf<R extends Route> = zc.output<R['request']>;
/** What a caller passes (before defaults are applied). */
export type RequestInput<R extends Route> = zc.input<R['request']>;
/** The validated answer type of a route. */
export type ResponseOf<R extends Route> = zc.output<R['response']>;

/** Declares a route; keeps the literal types so `call` and handlers are checked at compile time. */
export function defineRoute<Req extends zc.$ZodType, Res extends zc.$ZodType, Name extends string>(
  route: Route<Req, Res, Name>,
): Route<Req, Res, Name> {
  return route;
}

/** The envelope every runtime message travels in. */
export type Envelope = { route: string; data: unknown };

/** What a handler's answer travels back in, so errors reach the caller as plain text. */
export type Reply = { ok: true; data: unknown } | { ok: false; error: string };

/** The fields of `runtime.MessageSender` that sender checks use. */
export type Sender = { id?: string; url?: string; tab?: { id?: number } };

/**
 * True when `sender` is allowed on a route: always this extension (`sender.id`), and for
 * extension-only routes a page of the extension's own origin, never a tab's content script.
 * Web pages cannot reach `runtime.onMessage` at all (no `externally_connectable`), so this guards
 * against other extensions and against a compromised content script calling privileged routes.
 */
export function senderAllowed(
  from: SenderKind,
  sender: Sender,
  self: { id: string; origin: string },
): boolean {
  if (sender.id !== self.id) return false;
  if (from === 'content') return sender.tab?.id !== undefined;
  return typeof sender.url === 'string' && sender.url.startsWith(self.origin);
}
