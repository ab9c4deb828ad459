import { browser } from '#imports';
import { useEffect, useState } from 'preact/hooks';
import { WebDavForm, type WebDavFormValues } from '@/components/sync/WebDavForm';
import { WebDavStatusLine } from '@/components/sync/WebDavStatusLine';
import { useWebDavStatus } from '@/components/sync/useWebDavStatus';
import { DavClient } from '@/lib/webdav/client';
import { testConnection } from '@/lib/webdav/connection-test';
import { setupLibrary } from '@/lib/webdav/library';
import { describeDavError } from '@/lib/webdav/problems';
import { getWebDavConfig, originPattern, requestWebDavSync, setWebDavConfig } from '@/lib/webdav/settings';
import type { WebDavConfig } from '@/lib/webdav/schema';

const EMPTY: WebDavFormValues = { url: '', username: '', password: '', encrypt: true, passphrase: '' };

/**
 * WebDAV sync in the options page. Setting up runs here, not in the background, so the app
 * password and passphrase never travel in a message: the host permission is asked for the
 * folder's origin only (from the click itself, as browsers require), the connection is tested,
 * the library is joined or created (a wrong passphrase stops here, having written nothing), and
 * the account with the derived key goes to `storage.local`, where the background picks it up.
 */
export function WebDavSettings({ now }: { now: number }) {
  const status = useWebDavStatus();
  const [config, setConfig] = useState<WebDavConfig | null>(null);
  const [values, setValues] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  useEffect(() => void getWebDavConfig().then(setConfig, () => undefined), [status.configured, status.enabled]);

  /** Asks for the folder's origin (must start inside the click), then runs `work`. */
  const withPermission = (work: () => Promise<{ ok: boolean; message: string }>) => {
    let granted: Promise<boolean>;
    try {
      granted = browser.permissions.request({ origins: [originPattern(values.url)] });
    } catch {
      setResult({ ok: false, message: 'The folder URL is not a valid http(s) address.' });
      return;
    }
    setBusy(true);
    setResult(null);
    void granted
      .then((ok) => (ok ? work() : { ok: false, message: 'Crosscheck needs your permission to reach this server. Nothing was saved.' }))
      .catch((err: unknown) => ({ ok: false, message: describeDavError(err) }))
      .then((r) => {
        setResult(r);
        setBusy(false);
      });
  };
  const account = () => ({ url: values.url, username: values.username, password: values.password });
  const test = () => withPermission(() => testConnection(account()));
  const save = () =>
    withPermission(async () => {
      const tested = await testConnection(account());
      if (!tested.ok) return tested;
      const library = await setupLibrary(new DavClient(account()), values.encrypt ? values.passphrase : null);
      const next: WebDavConfig = { ...account(), library, enabled: true };
      await setWebDavConfig(next);
      setConfig(next);
      setValues(EMPTY);
      return { ok: true, message: 'WebDAV sync is set up: your notes are syncing.' };
    });
  const remove = async () => {
    const origin = config && originPattern(config.url);
    await setWebDavConfig(null);
    setConfig(null);
    if (origin) await browser.permissions.remove({ origins: [origin] }).catch(() => false);
  };
  const toggle = async () => config && (await setWebDavConfig({ ...config, enabled: !config.enabled }));

  return (
    <div data-testid="webdav-settings">
      <h3>Sync through your own WebDAV folder</h3>
      <p class="cc-muted">
        For more notes than browser sync holds: Nextcloud, ownCloud, Synology, Fastmail Files or any WebDAV server you use. Notes
        merge with browser sync’s, without duplicates.
      </p>
      <WebDavStatusLine status={status} now={now} />
      {config ? (
        <p>
          <button type="button" onClick={() => void requestWebDavSync()} disabled={!config.enabled}>
            Sync now
          </button>{' '}
          <button type="button" onClick={() => void toggle()}>
            {config.enabled ? 'Turn WebDAV sync off' : 'Turn WebDAV sync on'}
          </button>{' '}
          <button type="button" onClick={() => void remove()}>
            Remove from this device
          </button>
        </p>
      ) : (
        <WebDavForm values={values} onChange={setValues} onTest={test} onSave={save} busy={busy} result={result} />
      )}
      {config && result && (
        <p role="status" data-testid="webdav-result">
          {result.message}
        </p>
      )}
    </div>
  );
}
