import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { startClaimTracking, TRACK_CLAIM_COMMAND } from '@/lib/claims/claim-background';
import { Router } from '@/lib/messaging/router';
import { useReaderDb } from './reader-test-db';

const t = useReaderDb();

type Listener = (...args: unknown[]) => void;
let menuClicked: Listener;
let command: Listener;
let created: unknown[];
let sent: { tabId: number; message: unknown }[];

beforeEach(() => {
  created = [];
  sent = [];
  const api = browser as unknown as Record<string, unknown>;
  api.contextMenus = {
    remove: vi.fn(async () => {
      throw new Error('no such item'); // the first start: nothing to remove
    }),
    create: vi.fn((item: unknown) => void created.push(item)),
    onClicked: { addListener: (fn: Listener) => (menuClicked = fn) },
  };
  api.commands = { onCommand: { addListener: (fn: Listener) => (command = fn) } };
  vi.spyOn(browser.tabs, 'sendMessage').mockImplementation((async (tabId: number, message: unknown) => {
    sent.push({ tabId, message });
    return { ok: true, data: true };
  }) as never);
  vi.spyOn(browser.tabs, 'query').mockResolvedValue([{ id: 12 }] as never);
  startClaimTracking(new Router({ id: 'x', origin: 'chrome-extension://x/' }), { db: () => t.db });
});
afterEach(() => vi.restoreAllMocks());

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('Track this claim in the background', () => {
  it('adds its context-menu entry on selected text', async () => {
    await settle();
    expect(created).toEqual([{ id: 'crosscheck-track-claim', title: 'Track this claim with Crosscheck', contexts: ['selection'] }]);
  });

  it('asks the tab to track its selection from the menu and from the shortcut (the active tab when none is given)', async () => {
    menuClicked({ menuItemId: 'crosscheck-track-claim' }, { id: 4 });
    menuClicked({ menuItemId: 'crosscheck-add-note' }, { id: 5 });
    command(TRACK_CLAIM_COMMAND, { id: 6 });
    command('next-claim', { id: 7 });
    command(TRACK_CLAIM_COMMAND, undefined);
    await settle();
    expect(sent).toEqual([4, 6, 12].map((tabId) => ({ tabId, message: { route: 'trackSelection', data: {} } })));
  });
});
