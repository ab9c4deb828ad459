import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { defineRoute } from '@/lib/messaging/route';
import { envelope, Router, unwrap } from '@/lib/messaging/router';

const self = { id: 'crosscheck-id', origin: 'chrome-extension://crosscheck-id/' };
const fromTab = { id: self.id, url: 'https://news.example/a', tab: { id: 7 } };
const fromPopup = { id: self.id, url: `${self.origin}popup.html` };

const echo = defineRoute({
  name: 'echo',
  from: 'content',
  request: z.object({ text: z.string() }),
  response: z.object({ text: z.string(), tab: z.number() }),
});
const secret = defineRoute({
  name: 'secret',
  from: 'extension',
  request: z.object({}),
  response: z.string(),
});

function makeRouter() {
  const router = new Router(self);
  router.on(echo, ({ text }, sender) => ({ text: text.toUpperCase(), tab: sender.tab!.id! }));
  router.on(secret, () => 'notes');
  return router;
}

describe('Router', () => {
  it('answers a valid request from an allowed sender, and the answer unwraps', async () => {
    const reply = await makeRouter().dispatch(envelope(echo, { text: 'hi' }), fromTab);
    expect(reply).toEqual({ ok: true, data: { text: 'HI', tab: 7 } });
    expect(unwrap(echo, reply)).toEqual({ text: 'HI', tab: 7 });
  });

  it('lets another part hear the answers a route gave, and only those it gave', async () => {
    const router = makeRouter();
    const heard: unknown[] = [];
    router.tap(echo, (data, sender, answer) => heard.push([data.text, sender.tab?.id, answer.text]));
    await router.dispatch(envelope(echo, { text: 'hi' }), fromTab);
    await router.dispatch({ route: 'echo', data: { text: 42 } }, fromTab);
    await router.dispatch(envelope(echo, { text: 'x' }), fromPopup);
    expect(heard).toEqual([['hi', 7, 'HI']]);
  });

  it('refuses a request whose data does not match the schema, naming the field', async () => {
    const reply = await makeRouter().dispatch({ route: 'echo', data: { text: 42 } }, fromTab);
    expect(reply?.ok).toBe(false);
    expect(reply && !reply.ok && reply.error).toMatch(/Invalid "echo" request.*text/s);
    expect(() => unwrap(echo, reply)).toThrow(/Invalid "echo"/);
  });

  it('refuses content scripts on extension-only routes, and other extensions everywhere', async () => {
    const router = makeRouter();
    expect(await router.dispatch(envelope(secret, {}), fromTab)).toEqual({
      ok: false,
      error: 'Sender not allowed on "secret"',
    });
    expect((await router.dispatch(envelope(secret, {}), fromPopup))?.ok).toBe(true);
    const stranger = { ...fromPopup, id: 'other-extension' };
    expect((await router.dispatch(envelope(secret, {}), stranger))?.ok).toBe(false);
    // A page URL posing as the extension is still a content script, not an extension page.
    const spoof = { id: self.id, url: 'https://evil.example/chrome-extension://crosscheck-id/' };
    expect((await router.dispatch(envelope(secret, {}), spoof))?.ok).toBe(false);
  });

  it('ignores messages that are not envelopes or name no known route', async () => {
    const router = makeRouter();
    expect(await router.dispatch('hello', fromTab)).toBeUndefined();
    expect(await router.dispatch({ route: 'nope', data: {} }, fromTab)).toBeUndefined();
  });

  it('turns a throwing handler into an error reply', async () => {
    const router = new Router(self);
    router.on(secret, () => {
      throw new Error('database closed');
    });
    expect(await router.dispatch(envelope(secret, {}), fromPopup)).toEqual({ ok: false, error: 'database closed' });
  });

  it('allows one handler per route and removes it on request', async () => {
    const router = makeRouter();
    expect(() => router.on(secret, () => 'again')).toThrow(/already has a handler/);
    const off = new Router(self).on(secret, () => 'x');
    expect(typeof off).toBe('function');
  });

  it('rejects an answer that does not match the response schema', () => {
    expect(() => unwrap(echo, { ok: true, data: { text: 1 } })).toThrow();
    expect(() => unwrap(echo, undefined)).toThrow(/No valid answer/);
  });
});
