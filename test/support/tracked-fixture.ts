/** The claim the reader tracks on track-ledger.html, and the other outlet's words for it on track-gazette.html. */
export const TRACKED_SENTENCE =
  'The Eastport harbour bridge was closed to all traffic on Monday after inspectors found a crack in one of its steel supports.';
export const GAZETTE_WORDS = "Eastport's harbour bridge was shut to traffic on Monday when inspectors discovered a crack in a steel support.";
/** A third outlet's words on track-tribune.html: the same event on another day (Tuesday). */
export const TRIBUNE_WORDS = 'The harbour bridge in Eastport was closed to traffic on Tuesday after inspectors found a crack in a steel support.';
