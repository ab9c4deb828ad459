/**
 * The subset of `browser.storage.session` (or any storage area) the tabs' bookkeeping needs. Tab
 * state (here and in `pages/tab-states.ts`) wraps the raw area rather than WXT storage items: its
 * keys are made per tab (`page:<id>`, `tab:<id>`) and listed as tabs come and go, while a storage
 * item stands for one static key.
 */
export type KeyValueArea = {
  get(key: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
};

/** What the background knows of the page a tab shows: its URL, and the canonical URL its notes are filed under. */
export type TabPage = { url: string; source?: string };

/**
 * Which page each tab shows, as its content script last said (every page asks the background about
 * its text, and its notes). Kept in `storage.session`, so that an MV3 worker stopped and woken
 * again still knows. Used to tell the right tabs, and only those, that their site was switched on
 * or off, or that their page's notes changed.
 */
export class TabPages {
  constructor(private readonly area: KeyValueArea) {}

  private key(tabId: number): string {
    return `page:${tabId}`;
  }

  /** Records what a tab shows; resolves with what it showed before (undefined: nothing known). */
  async set(tabId: number, page: TabPage): Promise<TabPage | undefined> {
    const before = await this.get(tabId);
    if (before?.url !== page.url || before.source !== page.source) await this.area.set({ [this.key(tabId)]: { ...before, ...page } });
    return before;
  }

  /** Records the canonical URL a tab's notes are filed under, keeping what else is known. */
  async setSource(tabId: number, source: string): Promise<void> {
    const before = await this.get(tabId);
    if (before && before.source !== source) await this.area.set({ [this.key(tabId)]: { ...before, source } });
  }

  async get(tabId: number): Promise<TabPage | undefined> {
    const value = (await this.area.get(this.key(tabId)))[this.key(tabId)] as TabPage | undefined;
    return value && typeof value.url === 'string' ? value : undefined;
  }

  async forget(tabId: number): Promise<void> {
    await this.area.remove(this.key(tabId));
  }

  /** Every tab with what it shows. */
  async all(): Promise<[number, TabPage][]> {
    return Object.entries(await this.area.get(null)).flatMap(([key, page]) => {
      const tabId = Number(key.slice('page:'.length));
      const ok = key.startsWith('page:') && Number.isInteger(tabId) && typeof (page as TabPage | null)?.url === 'string';
      return ok ? [[tabId, page as TabPage] as [number, TabPage]] : [];
    });
  }
}
