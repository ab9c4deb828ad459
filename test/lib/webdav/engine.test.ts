import { describe, expect, it } from 'vitest';
import { FakeDav } from './support/fake-dav';
import { davDevice, fakeAccount, joinLibrary, noteId } from './support/devices';

describe('WebDAV sync over a fake server', () => {
  it('syncs two devices to the same notes', async () => {
    const dav = new FakeDav();
    const account = fakeAccount(dav);
    const library = await joinLibrary(account, 'correct horse');
    const a = davDevice('device-a', account, library);
    const b = davDevice('device-b', account, await joinLibrary(account, 'correct horse'));
    for (let i = 0; i < 20; i++) a.write(noteId(i), `note ${i} from a`);
    await a.engine.sync();
    expect(a.engine.status().error).toBeNull();
    await b.engine.sync();
    expect(b.engine.status().error).toBeNull();
    expect(b.texts()).toEqual(a.texts());
    expect(dav.allText()).not.toContain('from a');
  });
});
