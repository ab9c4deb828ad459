import type { Ref } from 'preact';

export type UndoToastProps = {
  /** What was just done, such as "Note deleted."; null shows no toast. */
  text: string | null;
  onUndo: () => void;
  onDismiss: () => void;
  /** The Undo button, for a page that moves the keyboard to it at once. */
  undoRef?: Ref<HTMLButtonElement>;
};

/** The bar that follows a delete, with Undo and Dismiss, in a polite live region that stays on the page. */
export function UndoToast({ text, onUndo, onDismiss, undoRef }: UndoToastProps) {
  return (
    <div role="status" aria-live="polite">
      {text !== null && (
        <p class="cc-toast">
          {text}
          <button type="button" ref={undoRef} onClick={onUndo}>
            Undo
          </button>
          <button type="button" aria-label="Dismiss" onClick={onDismiss}>
            ×
          </button>
        </p>
      )}
    </div>
  );
}
