import * as z from 'zod/mini';
import {
  senderAllowed,
  type Envelope,
  type Reply,
  type RequestInput,
  type RequestOf,
  type ResponseOf,
  type Route,
  type Sender,
} from './route';
import { errorMessage } from '../error-message';

const EnvelopeSchema = z.object({ route: z.string(), data: z.unknown() });
const ReplySchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

/** A handler gets the validated request and the checked sender. */
export type Handler<R extends Route> = (
  data: RequestOf<R>,
  sender: Sender,
) => Promise<ResponseOf<R>> | ResponseOf<R>;

type Registered = { route: Route; handler: Handler<Route> };

/** Hears a route's answers: the validated request, the sender, and what the handler answered. */
export type Tap<R extends Route> = (data: RequestOf<R>, sender: Sender, answer: ResponseOf<R>) => void;

/**
 * Dispatches runtime messages to handlers. Every message is checked in order: its envelope, that
 * its route exists, that the sender may use it, and that its data parses with the route's schema.
 * Anything else is refused with a plain reason, never thrown into the browser's message system.
 */
export class Router {
  private readonly routes = new Map<string, Registered>();
  private readonly taps = new Map<string, Tap<Route>[]>();

  constructor(private readonly self: { id: string; origin: string }) {}

  /** Registers the one handler for a route; returns a function that removes it. */
  on<R extends Route>(route: R, handler: Handler<R>): () => void {
    if (this.routes.has(route.name)) throw new Error(`Route "${route.name}" already has a handler`);
    this.routes.set(route.name, { route, handler: handler as Handler<Route> });
    return () => this.routes.delete(route.name);
  }

  /**
   * Calls `tap` after each successful answer on a route, without handling it: for a part of the
   * background that must know what another part answered (which page a tab shows, say).
   */
  tap<R extends Route>(route: R, tap: Tap<R>): void {
    this.taps.set(route.name, [...(this.taps.get(route.name) ?? []), tap as Tap<Route>]);
  }

  /** Handles one raw message. Resolves to undefined for messages that are not ours to answer. */
  async dispatch(raw: unknown, sender: Sender): Promise<Reply | undefined> {
    const envelope = z.safeParse(EnvelopeSchema, raw);
    if (!envelope.success) return undefined;
    const entry = this.routes.get(envelope.data.route);
    if (!entry) return undefined;
    if (!senderAllowed(entry.route.from, sender, this.self)) {
      return { ok: false, error: `Sender not allowed on "${entry.route.name}"` };
    }
    const data = z.safeParse(entry.route.request, envelope.data.data);
    if (!data.success) {
      return { ok: false, error: `Invalid "${entry.route.name}" request: ${z.prettifyError(data.error)}` };
    }
    try {
      const answer = await entry.handler(data.data, sender);
      for (const tap of this.taps.get(entry.route.name) ?? []) tap(data.data, sender, answer);
      return { ok: true, data: answer };
    } catch (error) {
      return { ok: false, error: errorMessage(error) };
    }
  }
}

/** Wraps a request into the envelope `Router.dispatch` expects. */
export function envelope<R extends Route>(route: R, data: RequestInput<R>): Envelope {
  return { route: route.name, data };
}

/** Unwraps a reply, validating the answer with the route's response schema. */
export function unwrap<R extends Route>(route: R, reply: unknown): ResponseOf<R> {
  const parsed = z.safeParse(ReplySchema, reply);
  if (!parsed.success) throw new Error(`No valid answer to "${route.name}"`);
  if (!parsed.data.ok) throw new Error(parsed.data.error);
  return z.parse(route.response, parsed.data.data) as ResponseOf<R>;
}
