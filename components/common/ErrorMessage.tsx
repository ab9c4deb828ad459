export type ErrorMessageProps = {
  /** What went wrong, in words for the reader; rendered as text, never as HTML. */
  message: string;
  /** The paragraph's id, for a field whose `aria-describedby` names it. */
  id?: string;
  /**
   * Whether a screen reader announces it at once (`role="alert"`, the default). A field's error, read through the
   * field's `aria-describedby` beside a form's own alert, is not announced twice.
   */
  announce?: boolean;
  /** A `data-testid` for end-to-end tests that wait for this message. */
  testId?: string;
};

/** An error message: one paragraph in the error colour (`cc-error`), announced as an alert unless told otherwise. */
export function ErrorMessage({ message, id, announce = true, testId }: ErrorMessageProps) {
  return (
    <p id={id} role={announce ? 'alert' : undefined} class="cc-error" data-testid={testId}>
      {message}
    </p>
  );
}
