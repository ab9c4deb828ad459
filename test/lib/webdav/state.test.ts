import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { davProgressItem } from '@/lib/webdav/settings';
import { areaStateStore, newProgress, type DavLocalArea } from '@/lib/webdav/state';

const LIBRARY = '0f8fad5b-d9cb-469f-a165-70867728950e';
const store = () => areaStateStore(fakeBrowser.storage.local as unknown as DavLocalArea, davProgressItem);

beforeEach(() => fakeBrowser.reset());

describe('areaStateStore', () => {
  it('keeps the progress in storage.local under its key, per library, and views per note', async () => {
    const progress = { ...newProgress(LIBRARY), seq: 12, indexEtag: '"abc"', listedAt: 5 };
    await store().saveProgress(progress);
    expect(await fakeBrowser.storage.local.get('davprogress')).toEqual({ davprogress: progress });
    expect(await store().progress(LIBRARY)).toEqual(progress);
    const other = crypto.randomUUID();
    expect(await store().progress(other)).toEqual(newProgress(other)); // another library starts afresh
    const note = crypto.randomUUID();
    await store().saveViews(LIBRARY, [[note, { etag: '"e1"', hash: 'h.1' }]]);
    expect(await store().views(LIBRARY)).toEqual(new Map([[note, { etag: '"e1"', hash: 'h.1' }]]));
  });

  it('reads a progress that does not parse as a fresh start', async () => {
    await fakeBrowser.storage.local.set({ davprogress: { library: LIBRARY, seq: 'twelve' } });
    expect(await store().progress(LIBRARY)).toEqual(newProgress(LIBRARY));
  });
});
