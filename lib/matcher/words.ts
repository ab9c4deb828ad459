/**
 * Closed classes of English words the matcher treats specially. These are grammar, not vocabulary:
 * function words, number words, calendar words, negators. Everything about what content words mean
 * comes from the lexicon (`lexicon.ts`), built from general English resources.
 */

const words = (list: string) => new Set(list.trim().split(/\s+/));

/** Words that carry no claim content, including attribution ("said", "reported", "according"). */
export const STOP_WORDS = words(`
  a an the of to in on at for with by from as and or but nor that this these those is are was were be been being
  has have had having do does did it its it’s their them they he she his her him we our us i me my you your who whom
  which what when where while there here than then so such into onto about around over under after before since
  during between against through up down out off again also just only very more most some any each every all both
  either neither not no never would will could can may might must shall should said say says saying told tell
  report reported reports reportedly according claim claimed claims announced stated statement wrote write added
  adding noted news source sources thought believed likely apparently allegedly alleged nearly almost roughly
  approximately estimated estimate some other another same new latest last first second third one ones yet still
  fresh now today yesterday week weekend time times day days month months year years per via amid including include
  mr mrs ms
`);

/** Words read as counts or dates: they become facts, never matching terms. */
export const FACT_WORDS = words(`
  zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
  seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand
  thousands million millions billion dozen dozens couple pair handful several
  january february march april june july august september october november december
  monday tuesday wednesday thursday friday saturday sunday weekend morning afternoon evening night
`);

/** Words that deny what the rest of the sentence says ("not", "declined to", "refused to"). */
export const NEGATORS = words('not cannot never neither nor no none declined refused denied denies');

/** Folds case, diacritics, curly apostrophes and a trailing possessive. */
export function fold(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/'s$/, '');
}
