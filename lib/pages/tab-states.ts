import type { KeyValueArea } from '../messaging/tab-pages';
import { TabStateSchema, type PageReport, type TabState } from './page-schema';


/**
 * What the background knows about each tab. Kept in `storage.session` rather than in memory
 * because an MV3 service worker is stopped when idle, and the popup must still find the state.
 */
export class TabStates {
  constructor(
    private readonly area: KeyValueArea,
    private readonly now: () => number = Date.now,
  ) {}

  private key(tabId: number): string {
    return `tab:${tabId}`;
  }

  /** Records the page a tab reported, replacing what was known of its previous page. */
  async report(tabId: number, page: PageReport): Promise<TabState> {
    const state: TabState = { tabId, page, reportedAt: this.now() };
    await this.area.set({ [this.key(tabId)]: state });
    return state;
  }

  /** The state of a tab, or null when none was reported (or it no longer parses). */
  async get(tabId: number): Promise<TabState | null> {
    const stored = (await this.area.get(this.key(tabId)))[this.key(tabId)];
    const parsed = TabStateSchema.safeParse(stored);
    return parsed.success ? parsed.data : null;
  }

  /** Every tab's state (those that still parse). */
  async all(): Promise<TabState[]> {
    const stored = await this.area.get(null);
    return Object.entries(stored).flatMap(([key, value]) => {
      if (!key.startsWith('tab:')) return [];
      const parsed = TabStateSchema.safeParse(value);
      return parsed.success ? [parsed.data] : [];
    });
  }

  /** Forgets a closed tab. */
  async forget(tabId: number): Promise<void> {
    await this.area.remove(this.key(tabId));
  }
}
