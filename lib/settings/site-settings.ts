import * as z from 'zod/mini';
import { storage } from '#imports';

// zod/mini: small, for the popup and the background. The content script does not read storage:
// it asks the background (lookupBlocksRoute), so that storage can be closed to content scripts.

/** Hostnames on which the reader turned Crosscheck off (synced with the browser profile). */
export const DisabledSitesSchema = z.array(z.string().check(z.minLength(1), z.maxLength(253)));

const disabledSites = storage.defineItem<string[]>('sync:disabledSites', { fallback: [] });

/** The hostnames Crosscheck is off on; anything stored that does not parse counts as none. */
export async function getDisabledSites(): Promise<string[]> {
  const parsed = DisabledSitesSchema.safeParse(await disabledSites.getValue());
  return parsed.success ? parsed.data : [];
}

/** Whether Crosscheck runs on pages of `hostname`. */
export async function isSiteEnabled(hostname: string): Promise<boolean> {
  return !(await getDisabledSites()).includes(hostname.toLowerCase());
}

/** Turns Crosscheck on or off for a hostname; pages of that site apply it at once. */
export async function setSiteEnabled(hostname: string, enabled: boolean): Promise<void> {
  const host = hostname.toLowerCase();
  const others = (await getDisabledSites()).filter((h) => h !== host);
  await disabledSites.setValue(enabled ? others : [...others, host].sort());
}

/**
 * Calls back with the hostnames Crosscheck is off on, and those it was off on before, whenever the
 * setting changes (any tab, any device). Returns a function that stops watching.
 */
export function watchDisabledSites(onChange: (now: string[], before: string[]) => void): () => void {
  const read = (value: unknown) => {
    const parsed = DisabledSitesSchema.safeParse(value);
    return parsed.success ? parsed.data : [];
  };
  return disabledSites.watch((now, before) => onChange(read(now), read(before)));
}
