/**
 * Polls `check` until it returns a value (anything but undefined, null or false), or throws after
 * `ms` saying what it waited for. A check that throws counts as "not yet" (a page still loading);
 * its last error is part of the timeout's message.
 */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | null | false>,
  ms = 10_000,
): Promise<Exclude<T, undefined | null | false>> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== null && value !== false) return value as Exclude<T, undefined | null | false>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}
