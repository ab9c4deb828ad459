import { PANEL_TAG } from '../dom/article-text';

export { PANEL_TAG };

/**
 * The in-page panel: an extension page (the claim card, the note editor) in an iframe, inside a
 * closed shadow root. Page CSS cannot reach into the shadow root, and page scripts cannot read the
 * iframe, which runs in the extension's own origin: the reader's notes never enter the page.
 */

const WIDTH = 380;
const HEIGHT = 480;
const MARGIN = 8;

export class PanelFrame {
  private host: HTMLElement | null = null;
  private returnFocus: Element | null = null;
  private opening = 0;

  /** `issueTicket` asks the background for a single-use ticket for a panel in this tab. */
  constructor(private readonly issueTicket: () => Promise<string>) {}

  /** True while a panel is open. */
  get isOpen(): boolean {
    return this.host !== null;
  }

  /** The host element, to tell clicks inside the panel from clicks outside it. */
  contains(node: Node | null): boolean {
    return !!node && !!this.host && (node === this.host || this.host.contains(node));
  }

  /**
   * Opens `url` (an extension page) beside `anchor`, replacing any open panel. The URL carries a
   * ticket from the background, which the panel hands back to prove Crosscheck opened it.
   */
  async open(url: string, anchor: DOMRect, label: string): Promise<void> {
    const focused = document.activeElement;
    const opening = ++this.opening;
    const src = new URL(url);
    src.searchParams.set('ticket', await this.issueTicket());
    if (opening !== this.opening) return; // another panel was asked for meanwhile
    this.close(false);
    this.returnFocus = focused;
    const host = document.createElement(PANEL_TAG);
    const left = Math.max(MARGIN, Math.min(anchor.right + MARGIN, innerWidth - WIDTH - MARGIN));
    const below = anchor.bottom + MARGIN + HEIGHT <= innerHeight;
    const top = Math.max(MARGIN, below ? anchor.bottom + MARGIN : Math.min(anchor.top, innerHeight - HEIGHT - MARGIN));
    // Inline !important beats any page rule, even `* { all: unset !important }`.
    host.setAttribute(
      'style',
      `all: initial !important; position: fixed !important; left: ${left}px !important; top: ${top}px !important;` +
        `width: ${WIDTH}px !important; height: ${HEIGHT}px !important; z-index: 2147483647 !important;` +
        'display: block !important; visibility: visible !important; opacity: 1 !important;',
    );
    const shadow = host.attachShadow({ mode: 'closed' });
    const frame = document.createElement('iframe');
    frame.src = src.href;
    frame.title = label;
    frame.setAttribute(
      'style',
      'all: initial; display: block; width: 100%; height: 100%; border: 1px solid #8c959f; border-radius: 10px;' +
        'box-shadow: 0 8px 28px rgba(0,0,0,.28); background: Canvas; color-scheme: light dark;',
    );
    shadow.append(frame);
    document.documentElement.append(host);
    this.host = host;
    frame.addEventListener('load', () => frame.focus(), { once: true });
  }

  /** Closes the panel; by default gives focus back to where it was before it opened. */
  close(restoreFocus = true): void {
    if (!this.host) return;
    this.host.remove();
    this.host = null;
    if (restoreFocus && this.returnFocus instanceof HTMLElement) this.returnFocus.focus();
    this.returnFocus = null;
  }
}
