import { browser } from '#imports';
import { AboutPanel } from '@/components/common/AboutPanel';

/** The options page: the reader's notes and Crosscheck's settings. */
export function App() {
  const manifest = browser.runtime.getManifest();
  return (
    <main class="cc-options">
      <header class="cc-header">
        <h1>Crosscheck</h1>
      </header>
      <AboutPanel version={manifest.version} permissions={manifest.permissions ?? []} />
    </main>
  );
}
