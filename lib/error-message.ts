/** The message of anything thrown, to show the reader or send back in a reply. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
