import { describe, expect, it } from 'vitest';
import { renderPage, renderSite } from './fixture-pages';
import { serveFolder } from './static-server';

describe('serveFolder', () => {
  it('the demo server serves each rendering, the stylesheet, and nothing outside the site', async () => {
    const server = await serveFolder();
    try {
      for (const [name, body] of renderSite()) expect(await (await fetch(`${server.origin}/${name}`)).text()).toBe(body);
      expect(await (await fetch(`${server.origin}/`)).text()).toBe(renderPage('article-a.html'));
      expect((await fetch(`${server.origin}/pages.json`)).status).toBe(404);
      expect((await fetch(`${server.origin}/..%2Fpages.json`)).status).toBe(403);
    } finally {
      await server.close();
    }
  });
});
