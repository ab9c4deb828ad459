import * as z from 'zod/mini';
import { storage } from '#imports';
import { DEFAULT_PAINT_MODE, PaintModeSchema, type PaintMode } from './paint-mode';

export { DEFAULT_PAINT_MODE, PaintModeSchema, type PaintMode };

// zod/mini, like the site switch: read by the popup, the options page and the background. The
// content script is told its page's mode by the background (lookupBlocksRoute, paintModeRoute).

const HostSchema = z.string().check(z.minLength(1), z.maxLength(253));

/** The reader's choice: a mode for every site, and the sites that have their own. */
export const PaintSettingsSchema = z.object({ mode: PaintModeSchema, sites: z.record(HostSchema, PaintModeSchema) });
export type PaintSettings = z.infer<typeof PaintSettingsSchema>;

// Synced with the browser profile, like the site switch.
const stored = storage.defineItem<unknown>('sync:painting', { fallback: null });

/**
 * The settings in what is stored, part by part: a mode that does not parse is the default, and a
 * site whose entry does not parse follows the default; anything else counts as nothing chosen.
 */
export function readPaintSettings(value: unknown): PaintSettings {
  const raw = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const mode = PaintModeSchema.safeParse(raw.mode);
  const sites: Record<string, PaintMode> = {};
  if (typeof raw.sites === 'object' && raw.sites !== null && !Array.isArray(raw.sites)) {
    for (const [host, siteMode] of Object.entries(raw.sites)) {
      const parsed = PaintModeSchema.safeParse(siteMode);
      if (parsed.success && HostSchema.safeParse(host).success) sites[host.toLowerCase()] = parsed.data;
    }
  }
  return { mode: mode.success ? mode.data : DEFAULT_PAINT_MODE, sites };
}

/** The mode for pages of `hostname`: the site's own, else the reader's default. */
export function paintModeFor(settings: PaintSettings, hostname: string): PaintMode {
  const host = hostname.toLowerCase();
  // Own entries only: a host named "constructor" must not find Object's.
  return Object.hasOwn(settings.sites, host) ? settings.sites[host]! : settings.mode;
}

/** The reader's painting settings, as stored. */
export async function getPaintSettings(): Promise<PaintSettings> {
  return readPaintSettings(await stored.getValue());
}

/** Sets the mode for every site without one of its own; open tabs apply it at once. */
export async function setDefaultPaintMode(mode: PaintMode): Promise<void> {
  const settings = await getPaintSettings();
  await stored.setValue(z.parse(PaintSettingsSchema, { ...settings, mode }));
}

/** Gives `hostname` its own mode, or with null lets it follow the default again. */
export async function setSitePaintMode(hostname: string, mode: PaintMode | null): Promise<void> {
  const host = hostname.toLowerCase();
  const { mode: fallback, sites } = await getPaintSettings();
  const { [host]: _dropped, ...others } = sites;
  await stored.setValue(z.parse(PaintSettingsSchema, { mode: fallback, sites: mode === null ? others : { ...others, [host]: mode } }));
}

/**
 * Calls back with the settings now and before, whenever they change (any page, any device).
 * Returns a function that stops watching.
 */
export function watchPaintSettings(onChange: (now: PaintSettings, before: PaintSettings) => void): () => void {
  return stored.watch((now, before) => onChange(readPaintSettings(now), readPaintSettings(before)));
}
