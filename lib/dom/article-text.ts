import type { ReadOptions } from './page-text';

/** Crosscheck's own elements in a page (the in-page panel, the selection's buttons): never page text. */
export const PANEL_TAG = 'crosscheck-panel';
export const NOTE_BUTTON_TAG = 'crosscheck-note-button';
export const TRACK_BUTTON_TAG = 'crosscheck-track-button';
const OWN_TAGS = new Set([PANEL_TAG, NOTE_BUTTON_TAG, TRACK_BUTTON_TAG]);

/** Parts of a page that are not its article (navigation, related links, footers), and our own UI. */
const NOT_ARTICLE = new Set(['nav', 'aside', 'footer', ...OWN_TAGS]);

/**
 * The text claims are looked for in, by the content script and the command line alike: the
 * article, not navigation, related links or footers, and never Crosscheck's own UI.
 */
export const ARTICLE_TEXT: ReadOptions = { skipTags: NOT_ARTICLE };

/** The text notes may be on: any visible text (navigation too), never Crosscheck's own UI. */
export const NOTABLE_TEXT: ReadOptions = { skipTags: OWN_TAGS };
