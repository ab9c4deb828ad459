import { useState } from 'preact/hooks';
import { call } from '@/lib/messaging/runtime';
import { exportNotesRoute, importNotesRoute } from '@/lib/notes/note-routes';
import { errorMessage } from '@/lib/error-message';
import { ActionStatus, type ActionOutcome } from '@/components/common/ActionStatus';
import { JsonFileInput } from '@/components/common/JsonFileInput';
import { readerClaimsDb } from '@/lib/claims/reader-db';
import { CLAIMS_NOT_RESTORED, exportWithClaims, importWithClaims } from '@/lib/notes/claims-file';

type Status = ActionOutcome | null;

const FORMATS = {
  json: { label: 'Export as JSON-LD (W3C Web Annotation)', ext: 'jsonld', type: 'application/ld+json' },
  markdown: { label: 'Export as Markdown', ext: 'md', type: 'text/markdown' },
} as const;

/** Saves text as a file through a Blob URL (no `downloads` permission needed). */
function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export type ImportExportProps = {
  /** A page's canonical URL (from the popup's "Export this page's notes"): offers that page alone. */
  page?: string;
};

/**
 * Export of all notes, or of one page's (JSON-LD for other tools and other profiles, Markdown for
 * reading), and import of a W3C Web Annotation file: all or nothing, the problem named when a file
 * is refused. The whole JSON export carries the reader's claims too, and its import restores them
 * (lib/notes/claims-file.ts).
 */
export function ImportExport({ page }: ImportExportProps) {
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<string>, failure: string) => {
    setBusy(true);
    setStatus(null);
    try {
      setStatus({ kind: 'ok', text: await work() });
    } catch (e) {
      const message = errorMessage(e);
      setStatus({ kind: 'error', text: message.startsWith(CLAIMS_NOT_RESTORED) ? message : `${failure} ${message}` });
    } finally {
      setBusy(false);
    }
  };
  const exportAs = (format: keyof typeof FORMATS, source?: string) =>
    run(async () => {
      const notes = await call(exportNotesRoute, { format, ...(source ? { source } : {}) });
      const { count } = notes;
      // A whole JSON export is a backup: it carries the reader's claims too; one page's notes do not.
      const { text, claims } = format === 'json' && !source ? await exportWithClaims(notes.text, readerClaimsDb()) : { text: notes.text, claims: 0 };
      const day = new Date().toISOString().slice(0, 10);
      const scope = source ? `${new URL(source).hostname}-` : '';
      download(text, `crosscheck-notes-${scope}${day}.${FORMATS[format].ext}`, FORMATS[format].type);
      const withClaims = claims > 0 ? `, with your claims and fact-checks (${claims} ${claims === 1 ? 'item' : 'items'})` : '';
      return `Exported ${count} ${count === 1 ? 'note' : 'notes'}${source ? ` from ${source}` : ''}${withClaims}.`;
    }, 'Export failed:');
  const importFile = (file: File) =>
    run(async () => {
      const r = await importWithClaims(await file.text(), readerClaimsDb(), (text) => call(importNotesRoute, { text }));
      const claims = r.claims ? ` Your claims and fact-checks: ${r.claims.added} added, ${r.claims.updated} updated, ${r.claims.unchanged} already up to date.` : '';
      return `Imported ${file.name}: ${r.added} added, ${r.updated} updated, ${r.unchanged} already up to date.${claims}`;
    }, `${file.name} was not imported, and your notes and claims are unchanged.`);

  return (
    <section aria-labelledby="cc-import-export" data-testid="import-export">
      <h2 id="cc-import-export">Export and import</h2>
      <div class="cc-toolbar">
        {(Object.keys(FORMATS) as (keyof typeof FORMATS)[]).map((f) => (
          <button key={f} type="button" disabled={busy} onClick={() => void exportAs(f)}>{FORMATS[f].label}</button>
        ))}
      </div>
      {page && (
        <div class="cc-toolbar" role="group" aria-label={`Notes on ${page}`}>
          <span>Only the notes on <a href={page}>{page}</a>:</span>
          {(Object.keys(FORMATS) as (keyof typeof FORMATS)[]).map((f) => (
            <button key={f} type="button" disabled={busy} onClick={() => void exportAs(f, page)}>
              {FORMATS[f].label.replace('Export', "Export this page's notes")}
            </button>
          ))}
        </div>
      )}
      <JsonFileInput
        label="Import notes (a W3C Web Annotation JSON file; Crosscheck's own exports bring your claims too):"
        disabled={busy}
        onFile={(file) => void importFile(file)}
      />
      <ActionStatus outcome={status} testId="import-export-status" />
    </section>
  );
}
