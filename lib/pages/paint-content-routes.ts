import * as z from 'zod/mini';
import { defineRoute } from '../messaging/route';
import { PaintModeSchema, type PaintMode } from '../settings/paint-mode';

// zod/mini, like every route the content script's UI part answers.

export type { PaintMode };

/**
 * Background → content script: the reader changed how much is painted on this page's site (every
 * claim, conflicts only, nothing). The page repaints at once; what it found and reported stays.
 * A page's first question is told its mode in its answer (lookupBlocksRoute's `paint`).
 */
export const paintModeRoute = defineRoute({
  name: 'paintMode',
  from: 'extension',
  request: z.object({ mode: PaintModeSchema }),
  response: z.boolean(),
});
