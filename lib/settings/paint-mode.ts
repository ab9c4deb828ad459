import * as z from 'zod/mini';

// Apart from the stored settings (paint-settings.ts), so that the routes the content script's UI
// part answers take the schema without the storage module.

/**
 * How much of what Crosscheck finds is painted on the page: every claim, the conflicting ones only,
 * or nothing (the toolbar badge still counts the claims and the popup still lists them).
 */
export const PaintModeSchema = z.enum(['all', 'conflicts', 'none']);
export type PaintMode = z.infer<typeof PaintModeSchema>;

/** The mode when the reader has chosen none, or what is stored does not parse. */
export const DEFAULT_PAINT_MODE: PaintMode = 'all';
