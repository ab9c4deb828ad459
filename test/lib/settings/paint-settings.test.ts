import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_PAINT_MODE,
  getPaintSettings,
  paintModeFor,
  readPaintSettings,
  setDefaultPaintMode,
  setSitePaintMode,
  watchPaintSettings,
  type PaintSettings,
} from '@/lib/settings/paint-settings';

describe('readPaintSettings', () => {
  it('reads a mode and the sites with their own', () => {
    expect(readPaintSettings({ mode: 'conflicts', sites: { 'news.example': 'none', 'blog.example': 'all' } })).toEqual({
      mode: 'conflicts',
      sites: { 'news.example': 'none', 'blog.example': 'all' },
    });
  });

  it.each([undefined, null, 'none', 42, [], { mode: 'everything' }, { mode: 7, sites: 'x' }, { sites: [['a', 'none']] }])(
    'falls back to the default, every claim, for what does not parse: %j',
    (stored) => {
      expect(readPaintSettings(stored)).toEqual({ mode: DEFAULT_PAINT_MODE, sites: {} });
      expect(DEFAULT_PAINT_MODE).toBe('all');
    },
  );

  it('keeps the parts that parse: a bad site entry follows the default, the good ones and the mode stay', () => {
    const stored = { mode: 'none', sites: { 'ok.example': 'conflicts', 'bad.example': 'loud', '': 'none', [`${'x'.repeat(254)}`]: 'all' } };
    expect(readPaintSettings(stored)).toEqual({ mode: 'none', sites: { 'ok.example': 'conflicts' } });
  });

  it('a site is known by its host in any case', () => {
    const settings = readPaintSettings({ mode: 'all', sites: { 'News.Example': 'none' } });
    expect(paintModeFor(settings, 'news.example')).toBe('none');
    expect(paintModeFor(settings, 'NEWS.EXAMPLE')).toBe('none');
    expect(paintModeFor(settings, 'constructor')).toBe(settings.mode);
    expect(paintModeFor(settings, 'other.example')).toBe('all');
  });
});

describe('the stored setting', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is every claim until the reader chooses, then the default and each site override apply', async () => {
    expect(await getPaintSettings()).toEqual({ mode: 'all', sites: {} });
    await setDefaultPaintMode('conflicts');
    await setSitePaintMode('Quiet.Example', 'none');
    await setSitePaintMode('loud.example', 'all');
    const settings = await getPaintSettings();
    expect(paintModeFor(settings, 'quiet.example')).toBe('none');
    expect(paintModeFor(settings, 'loud.example')).toBe('all');
    expect(paintModeFor(settings, 'elsewhere.example')).toBe('conflicts');
    await setSitePaintMode('quiet.example', null); // back to the default
    expect(await getPaintSettings()).toEqual({ mode: 'conflicts', sites: { 'loud.example': 'all' } });
  });

  it('is synced with the browser profile, and a corrupted copy from another device reads as the default', async () => {
    await setDefaultPaintMode('none');
    expect(Object.values(await fakeBrowser.storage.sync.get(null))).toEqual([{ mode: 'none', sites: {} }]);
    const [key] = Object.keys(await fakeBrowser.storage.sync.get(null));
    await fakeBrowser.storage.sync.set({ [key!]: { mode: 'NONE!', sites: null } });
    expect(await getPaintSettings()).toEqual({ mode: 'all', sites: {} });
  });

  it('refuses to store a mode that is not one', async () => {
    await expect(setDefaultPaintMode('loud' as never)).rejects.toThrow();
    await expect(setSitePaintMode('a.example', 'loud' as never)).rejects.toThrow();
    expect(await getPaintSettings()).toEqual({ mode: 'all', sites: {} });
  });

  it('tells a watcher the settings now and before, each read with the same fallback', async () => {
    const seen: [PaintSettings, PaintSettings][] = [];
    const stop = watchPaintSettings((now, before) => seen.push([now, before]));
    await setSitePaintMode('a.example', 'conflicts');
    await setDefaultPaintMode('none');
    stop();
    await setDefaultPaintMode('all');
    expect(seen).toEqual([
      [{ mode: 'all', sites: { 'a.example': 'conflicts' } }, { mode: 'all', sites: {} }],
      [{ mode: 'none', sites: { 'a.example': 'conflicts' } }, { mode: 'all', sites: { 'a.example': 'conflicts' } }],
    ]);
  });
});
