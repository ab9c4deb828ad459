import { createServer } from 'node:http';
import { launchChromium } from './chromium';
import { chromiumDriver, firefoxDriver, type Driver } from './driver';
import { launchFirefox } from './firefox';

/**
 * A browser started with every request it makes recorded, for the check that Crosscheck makes no
 * network request. `requests` holds the URLs in the order they were seen (a CONNECT as
 * `connect://host:port`).
 */
export type WatchedBrowser = { driver: Driver; requests: string[]; close(): Promise<void> };

/**
 * An HTTP proxy that lets nothing through: it records what it was asked for (a URL, or the
 * host:port of a CONNECT) and refuses it.
 */
async function refusingProxy(seen: string[]): Promise<{ port: number; close(): Promise<void> }> {
  const proxy = createServer((request, response) => {
    seen.push(request.url ?? '');
    response.writeHead(403).end();
  });
  proxy.on('connect', (request, socket) => {
    seen.push(`connect://${request.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  const address = proxy.address();
  if (!address || typeof address === 'string') throw new Error('The proxy has no port');
  return { port: address.port, close: () => new Promise((done) => proxy.close(() => done())) };
}

/**
 * Chromium: Playwright reports the requests of every page and frame of the context (extension
 * pages, the panel's frame, the pages the content script runs in) and of its service workers,
 * the extension's background included.
 */
async function watchChromium(): Promise<WatchedBrowser> {
  const session = await launchChromium();
  const requests: string[] = [];
  session.context.on('request', (request) => requests.push(request.url()));
  return { driver: chromiumDriver(session), requests, close: () => session.close() };
}

/**
 * Firefox: WebDriver BiDi's `network.beforeRequestSent` reports the requests of every tab (pages,
 * frames, extension pages), but not the extension's background page, which is no tab. So Firefox
 * also sends every request that is not to the loopback through a proxy that records and refuses
 * it. Firefox's own remote-settings client (on by default, even here) is pointed at `localServer`,
 * so that whatever reaches the proxy was asked for by a page or an extension.
 */
async function watchFirefox(localServer: string): Promise<WatchedBrowser> {
  const requests: string[] = [];
  const proxy = await refusingProxy(requests);
  // Release builds ignore services.settings.server without this.
  process.env.MOZ_REMOTE_SETTINGS_DEVTOOLS = '1';
  const session = await launchFirefox({
    prefs: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      'services.settings.server': `${localServer}/no-remote-settings/v1`,
    },
  });
  type BiDiRequest = { request: { url: string } };
  const connection = (session.browser as unknown as { connection: { on(event: string, listener: (event: BiDiRequest) => void): void } })
    .connection;
  connection.on('network.beforeRequestSent', (event) => requests.push(event.request.url));
  return {
    driver: firefoxDriver(session),
    requests,
    close: async () => {
      await session.close();
      await proxy.close();
    },
  };
}

/** Both browsers, watched, each started fresh by its function (for `describe.each`); `localServer` is the test's page server. */
export const WATCHED_BROWSERS: [string, (localServer: string) => Promise<WatchedBrowser>][] = [
  ['Chromium', () => watchChromium()],
  ['Firefox', (localServer) => watchFirefox(localServer)],
];
