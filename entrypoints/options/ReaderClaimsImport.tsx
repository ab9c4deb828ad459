import { useState } from 'preact/hooks';
import type { ReaderClaimsDb } from '@/lib/claims/reader-db';
import { importClaimsFile, type ClaimImportResult, type ImportProgress } from '@/lib/claims/reader-import';
import { errorMessage } from '@/lib/error-message';
import { ActionStatus, type ActionOutcome } from '@/components/common/ActionStatus';
import { JsonFileInput } from '@/components/common/JsonFileInput';

type Status = ActionOutcome | null;

const plural = (n: number, one: string) => `${n.toLocaleString('en')} ${one}${n === 1 ? '' : 's'}`;

function summary(name: string, r: ClaimImportResult): string {
  const what = r.kind === 'claim pack' ? 'claim pack' : 'fact-check';
  return `Imported ${name}: ${plural(r.added, what)} added, ${r.updated.toLocaleString('en')} updated, ${r.unchanged.toLocaleString('en')} already there.`;
}

function progressText(p: ImportProgress): string {
  const of = `${p.done.toLocaleString('en')} of ${plural(p.total, p.phase === 'checking' ? 'item' : 'fact-check')}`;
  return p.phase === 'checking' ? `Checking ${of}…` : `Storing ${of}…`;
}

/**
 * Import of a file of schema.org ClaimReview items (one, an array, or a DataFeed) or of a claim pack
 * in Crosscheck's own schema: all or nothing, the bad items named when a file is refused, and how
 * far a long import is.
 */
export function ReaderClaimsImport({ db }: { db: ReaderClaimsDb }) {
  const [progress, setProgress] = useState<ImportProgress | 'reading' | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const importFile = async (file: File) => {
    setStatus(null);
    setProgress('reading');
    try {
      const text = await file.text();
      // Let the page show "Reading…" before the items are checked, which takes a while for a big feed.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const result = await importClaimsFile(db, text, { now: Date.now }, file.name, setProgress);
      setStatus({ kind: 'ok', text: summary(file.name, result) });
    } catch (e) {
      setStatus({ kind: 'error', text: `${file.name} was not imported, and your claims are unchanged. ${errorMessage(e)}` });
    } finally {
      setProgress(null);
    }
  };
  return (
    <div class="cc-reader-import">
      <JsonFileInput
        label="Import fact-checks (schema.org ClaimReview: one, a list or a DataFeed) or a claim pack (JSON):"
        disabled={progress !== null}
        onFile={(file) => void importFile(file)}
        testId="reader-import-file"
      />
      {progress !== null && (
        <p class="cc-muted">
          <progress
            aria-label="Import progress"
            {...(progress === 'reading' ? {} : { value: progress.done, max: progress.total })}
          />{' '}
          {progress === 'reading' ? 'Reading the file…' : progressText(progress)}
        </p>
      )}
      <ActionStatus outcome={status} testId="reader-import-status" />
    </div>
  );
}
