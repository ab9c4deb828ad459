/**
 * Tickets that prove an in-page panel was opened by Crosscheck's content script, not embedded by
 * the page itself. `panel.html` must be web-accessible to be framed on news pages, so any page could
 * frame it with a state of its choosing (a note editor on a made-up target, say). The content
 * script asks the background for a ticket before it opens the panel; the panel shows nothing until
 * the background has taken the ticket back from the same tab.
 */
export class PanelTickets {
  private readonly byTab = new Map<number, Map<string, number>>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly lifetimeMs = 60_000,
  ) {}

  /** A new single-use ticket for a panel in this tab. */
  issue(tabId: number): string {
    const tickets = this.byTab.get(tabId) ?? new Map<string, number>();
    for (const [ticket, issued] of tickets) if (this.now() - issued > this.lifetimeMs) tickets.delete(ticket);
    const ticket = crypto.randomUUID();
    tickets.set(ticket, this.now());
    this.byTab.set(tabId, tickets);
    return ticket;
  }

  /** True, once, for a fresh ticket issued to this same tab. */
  redeem(tabId: number, ticket: string): boolean {
    const tickets = this.byTab.get(tabId);
    const issued = tickets?.get(ticket);
    if (issued === undefined) return false;
    tickets!.delete(ticket);
    return this.now() - issued <= this.lifetimeMs;
  }

  /** Forgets a closed tab's tickets. */
  forget(tabId: number): void {
    this.byTab.delete(tabId);
  }
}
