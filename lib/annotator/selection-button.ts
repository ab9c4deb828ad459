import { NOTE_BUTTON_TAG, TRACK_BUTTON_TAG } from '../dom/article-text';

export { NOTE_BUTTON_TAG, TRACK_BUTTON_TAG };

const SIZE = 30;
const GAP = 6;
/** How many buttons stand in the row beside a selection. */
const ROW = 2;

/** How a selection button looks: its element's tag, its glyph, and its place in the row (0 first). */
export type ButtonLook = { tag: string; glyph: string; slot: number };

/**
 * A small button shown beside the reader's selection ("Add note", "Track this claim"). It lives in
 * a closed shadow root (page CSS and scripts cannot reach it), is a real button (keyboard
 * focusable, with an accessible name), and keeps the selection alive when clicked. Buttons with
 * other slots stand side by side after the selection's end.
 */
export class SelectionButton {
  private host: HTMLElement | null = null;
  private button: HTMLButtonElement | null = null;

  /** `label` is the accessible name (it names the keyboard shortcut too). */
  constructor(
    private readonly onActivate: () => void,
    private readonly label = 'Add Crosscheck note',
    private readonly look: ButtonLook = { tag: NOTE_BUTTON_TAG, glyph: '✎', slot: 0 },
  ) {}

  /** True while the button is shown. */
  get isShown(): boolean {
    return this.host?.isConnected ?? false;
  }

  /** Whether `node` is the button's host (clicks on it are not clicks on the page). */
  contains(node: Node | null): boolean {
    return !!node && !!this.host && (node === this.host || this.host.contains(node));
  }

  /** Shows the button just after the end of `range` (below its last line when at the edge). */
  show(range: Range): void {
    const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 || r.height > 0);
    const last = rects.at(-1) ?? range.getBoundingClientRect();
    const host = this.host ?? this.create();
    // The row's start, with room for the whole row at the window's right edge.
    const start = Math.max(GAP, Math.min(last.right + GAP, innerWidth - ROW * (SIZE + GAP)));
    const left = start + this.look.slot * (SIZE + GAP);
    const top = Math.max(GAP, Math.min(last.bottom + GAP, innerHeight - SIZE - GAP));
    host.style.setProperty('left', `${left}px`, 'important');
    host.style.setProperty('top', `${top}px`, 'important');
    if (!host.isConnected) document.documentElement.append(host);
  }

  /** Removes the button (keeping it for the next selection). */
  hide(): void {
    this.host?.remove();
  }

  /** Moves focus to the button, for readers who selected with the keyboard. */
  focus(): void {
    this.button?.focus();
  }

  private create(): HTMLElement {
    const host = document.createElement(this.look.tag);
    // Inline !important beats any page rule, even `* { all: unset !important }`.
    host.setAttribute(
      'style',
      `all: initial !important; position: fixed !important; z-index: 2147483646 !important;` +
        `width: ${SIZE}px !important; height: ${SIZE}px !important; display: block !important;`,
    );
    const shadow = host.attachShadow({ mode: 'closed' });
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = this.look.glyph;
    button.title = this.label;
    button.setAttribute('aria-label', this.label);
    const style = document.createElement('style');
    style.textContent =
      `button { all: initial; box-sizing: border-box; width: ${SIZE}px; height: ${SIZE}px; border-radius: 50%;` +
      'background: #0b5cad; color: #fff; font: 16px/1 system-ui, sans-serif; text-align: center;' +
      'cursor: pointer; box-shadow: 0 2px 8px rgba(0,0,0,.3); }' +
      'button:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }';
    // Keeps the page's selection: a mousedown on a button would otherwise clear it.
    button.addEventListener('mousedown', (e) => e.preventDefault());
    button.addEventListener('click', (e) => {
      e.preventDefault();
      this.onActivate();
    });
    shadow.append(style, button);
    this.host = host;
    this.button = button;
    return host;
  }
}
