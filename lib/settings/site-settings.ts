import * as z from 'zod/mini';
import { storage } from '#imports';

// zod/mini: read by the content script, which is injected into every page.

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

/** Calls back with whether `hostname` is enabled whenever the setting changes (any tab, any device). */
export function watchSiteEnabled(hostname: string, onChange: (enabled: boolean) => void): () => void {
  return disabledSites.watch((value) => {
    const parsed = DisabledSitesSchema.safeParse(value);
    onChange(!(parsed.success ? parsed.data : []).includes(hostname.toLowerCase()));
  });
}
