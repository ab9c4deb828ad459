import { browser } from '#imports';
import { useEffect, useState } from 'preact/hooks';
import { getDisabledSites, setSiteEnabled } from '@/lib/settings/site-settings';
import { ADD_NOTE_COMMAND } from '@/lib/notes/note-background';
import { PaintSettings } from './PaintSettings';
import { SyncSettings } from './SyncSettings';

/** Where each browser lets the reader change extension shortcuts. */
const SHORTCUTS_PAGE = import.meta.env.FIREFOX
  ? 'about:addons → the gear menu → Manage Extension Shortcuts'
  : 'chrome://extensions/shortcuts';

/** Settings: sync (switch and status), how much is painted on pages, the note shortcut (and where to change it), and the sites Crosscheck is off on. */
export function Settings() {
  const [shortcut, setShortcut] = useState<string | null>(null);
  const [disabled, setDisabled] = useState<string[]>([]);
  useEffect(() => {
    void browser.commands.getAll().then((all) => setShortcut(all.find((c) => c.name === ADD_NOTE_COMMAND)?.shortcut ?? ''));
    void getDisabledSites().then(setDisabled);
  }, []);
  const turnOn = async (host: string) => {
    await setSiteEnabled(host, true);
    setDisabled(await getDisabledSites());
  };
  return (
    <section aria-labelledby="cc-settings">
      <h2 id="cc-settings">Settings</h2>
      <SyncSettings />
      <PaintSettings />
      <p>
        Keyboard shortcut for a note on the selected text:{' '}
        {shortcut === null ? '…' : shortcut ? <kbd>{shortcut}</kbd> : 'none set'}. Change it at {SHORTCUTS_PAGE}.
      </p>
      {disabled.length === 0 ? (
        <p class="cc-muted">Crosscheck is on for every site.</p>
      ) : (
        <>
          <p>Crosscheck is off on these sites:</p>
          <ul>
            {disabled.map((host) => (
              <li key={host}>
                {host} <button type="button" onClick={() => void turnOn(host)}>Turn on</button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
