import { ErrorMessage } from '../common/ErrorMessage';

/** What the reader types to set WebDAV sync up. */
export type WebDavFormValues = { url: string; username: string; password: string; encrypt: boolean; passphrase: string };

export type WebDavFormProps = {
  values: WebDavFormValues;
  onChange: (values: WebDavFormValues) => void;
  onTest: () => void;
  onSave: () => void;
  busy: boolean;
  /** The last result, in words: ok or the exact failure. */
  result: { ok: boolean; message: string } | null;
};

/**
 * The WebDAV setup form: folder URL, user name, app password, and the passphrase that encrypts
 * notes (on by default). Presentational: the options page tests, asks for the permission and saves.
 */
export function WebDavForm({ values, onChange, onTest, onSave, busy, result }: WebDavFormProps) {
  const set = (patch: Partial<WebDavFormValues>) => onChange({ ...values, ...patch });
  const plainHttp = values.url.startsWith('http://') && !/^http:\/\/(localhost|127\.0\.0\.1|\[::1\])[:/]/.test(values.url);
  const ready = values.url && values.username && values.password && (!values.encrypt || values.passphrase.length >= 8);
  return (
    <form class="cc-webdav-form" data-testid="webdav-form" onSubmit={(e) => (e.preventDefault(), onSave())}>
      <label>
        Folder URL{' '}
        <input type="url" name="url" required placeholder="https://cloud.example/remote.php/dav/files/USER/Crosscheck/" value={values.url} onInput={(e) => set({ url: e.currentTarget.value.trim() })} />
      </label>
      {plainHttp && <p class="sync-warning">Over plain http your app password and notes cross the network readable: use https.</p>}
      <label>
        User name <input name="username" required autoComplete="username" value={values.username} onInput={(e) => set({ username: e.currentTarget.value })} />
      </label>
      <label>
        App password <input type="password" name="password" required autoComplete="current-password" value={values.password} onInput={(e) => set({ password: e.currentTarget.value })} />
      </label>
      <label>
        <input type="checkbox" name="encrypt" checked={values.encrypt} onChange={(e) => set({ encrypt: e.currentTarget.checked })} /> Encrypt notes
        end to end (recommended: the server then sees sizes and times only)
      </label>
      {values.encrypt && (
        <label>
          Passphrase (at least 8 characters; the same on every device; it cannot be recovered){' '}
          <input type="password" name="passphrase" autoComplete="new-password" value={values.passphrase} onInput={(e) => set({ passphrase: e.currentTarget.value })} />
        </label>
      )}
      <p>
        <button type="button" disabled={busy || !values.url} onClick={onTest}>
          Test connection
        </button>{' '}
        <button type="submit" disabled={busy || !ready}>
          Save and sync
        </button>
      </p>
      {busy && <p class="cc-muted">Working…</p>}
      {result &&
        (result.ok ? (
          <p role="status" data-testid="webdav-result">
            {result.message}
          </p>
        ) : (
          <ErrorMessage message={result.message} testId="webdav-result" />
        ))}
    </form>
  );
}
