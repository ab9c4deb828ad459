import { browser } from '#imports';
import { AboutPanel } from '@/components/common/AboutPanel';
import { ImportExport } from './ImportExport';
import { NotesManager } from './NotesManager';
import { ReaderClaimsManager } from './ReaderClaimsManager';
import { Settings } from './Settings';

/** The options page: the reader's notes (search, filters, edit, export, import), their claims and fact-checks, and settings. */
export function App() {
  const manifest = browser.runtime.getManifest();
  // `?page=URL`: opened from the popup to export one page's notes.
  const page = new URLSearchParams(location.search).get('page') ?? undefined;
  return (
    <main class="cc-options">
      <header class="cc-header">
        <h1>Crosscheck</h1>
      </header>
      <NotesManager />
      <ImportExport page={page} />
      <ReaderClaimsManager />
      <Settings />
      <AboutPanel version={manifest.version} permissions={manifest.permissions ?? []} />
    </main>
  );
}
