import { keyOf, type Unit } from './units';

/** What the background is told of a page: its length, and where its units with claims start. */
export type ReportedPage = { words: number; units: { key: string; start: number }[] };

/**
 * Tells the background which units carry the page's claims (it puts the tab's report together: the
 * popup, the badge), only when they or the URL changed, so that a page that rewrites its DOM
 * without pause does not flood it. A page without claims is reported only if it had some.
 */
export class ClaimsReport {
  private last = '';
  private reported = false;

  /** `send` tells the background and answers with the keys it no longer knows (its worker restarted). */
  constructor(private readonly send: (page: ReportedPage) => Promise<{ missing: string[] }>) {}

  /** Reports the page at the next `update` even if it has not changed (the claims Crosscheck knows changed). */
  invalidate(): void {
    this.last = '';
  }

  /**
   * Reports the units that carry claims, if anything changed. Units the background has forgotten
   * are handed to `rematch` (to be sent again) and the page reported again, once. `wordCount` is
   * asked only when there is something to report: counting costs a page that has no claims.
   */
  async update(wordCount: () => number | Promise<number>, claimed: readonly Unit[], rematch: (lostKeys: Set<string>) => Promise<void>): Promise<void> {
    const units = claimed.map((u) => ({ key: keyOf(u), start: u.start }));
    if (units.length === 0 && !this.reported) return;
    const words = await wordCount();
    const signature = JSON.stringify([location.href, words, units]);
    if (signature === this.last) return;
    this.last = signature;
    this.reported = units.length > 0;
    const { missing } = await this.send({ words, units });
    if (missing.length === 0) return;
    await rematch(new Set(missing));
    await this.send({ words, units });
  }

  /** The layer was turned off: says the page has no claims, if it had said it had. */
  async withdraw(words: number): Promise<void> {
    this.last = '';
    if (!this.reported) return;
    this.reported = false;
    await this.send({ words, units: [] });
  }
}
