/**
 * The matcher's small lexicon: stop words, synonym groups and multi-word phrases.
 * Kept as plain word lists so the content-script bundle stays small (no stemming library).
 */

/** Words that carry no claim content, including attribution verbs ("said", "reported"). */
export const STOP_WORDS = new Set(
  (
    'a an the of to in on at for with by from as and or but nor that this these those is are was were be been being ' +
    'has have had having do does did it its it’s their them they he she his her him we our us i me my you your who whom ' +
    'which what when where while there here than then so such into onto about around over under after before since ' +
    'during between against through up down out off again also just only very more most some any each every all both ' +
    'either neither not no never would will could can may might must shall should said say says saying told tell ' +
    'report reported reports reportedly according claim claimed claims announced stated statement wrote write added ' +
    'adding noted news source sources thought believed likely apparently allegedly alleged nearly almost roughly ' +
    'approximately estimated estimate some other another same new latest last first second third one ones yet still ' +
    'fresh now today yesterday week weekend time times day days month months year years per via amid including include'
  ).split(' '),
);

/**
 * Synonym groups: every word (after stemming) maps to the group's first word.
 * General newsroom vocabulary for people, forces, movements and counts, not a list of any one article's words.
 */
const GROUPS: string[][] = [
  ['troop', 'soldier', 'servicemen', 'serviceman', 'personnel', 'servicemembers', 'contingent', 'force', 'forces'],
  ['arrive', 'land', 'landed', 'touchdown', 'reach', 'reached', 'deploy', 'deployed', 'deployment', 'dispatch', 'send', 'sent', 'sends', 'fly', 'flew', 'flown', 'arrival'],
  ['depart', 'left', 'leave', 'leaves', 'departure', 'departed', 'flee', 'fled', 'exodus'],
  ['plane', 'aircraft', 'airplane', 'jet', 'airliner', 'flight', 'airlifter', 'transport'],
  ['bomber', 'bombers'],
  ['death', 'dead', 'die', 'died', 'kill', 'killed', 'killing', 'fatality', 'fatalities', 'slain', 'life', 'lives'],
  ['russia', 'russian', 'moscow', 'kremlin'],
  ['usa', 'american', 'america', 'washington', 'u.s', 'u.s.'],
  ['venezuela', 'venezuelan'],
  ['chief', 'head', 'commander'],
  ['army'],
  ['exercise', 'drill', 'drills', 'maneuver', 'manoeuvre', 'wargame'],
  ['carry', 'carried', 'ferry', 'ferried', 'transported', 'bring', 'brought', 'aboard', 'onboard', 'board'],
  ['block', 'stop', 'stopped', 'bar', 'barred', 'halt', 'halted', 'prevent', 'prevented', 'obstruct'],
  ['sanction', 'penalty', 'penalties'],
  ['warn', 'warning', 'threat', 'threaten', 'threatened'],
  ['reveal', 'disclose', 'disclosed', 'expose', 'exposed', 'uncover', 'uncovered', 'show', 'showed', 'shown'],
  ['consider', 'weigh', 'weighing', 'mull', 'mulling', 'contemplate', 'contemplating', 'eye', 'eyeing'],
  ['plot', 'plan', 'conspiracy', 'scheme'],
  ['paramilitary', 'mercenary', 'mercenaries', 'assassin', 'hitman', 'militia'],
  ['arrest', 'detain', 'detained', 'capture', 'captured', 'arrested'],
  ['comment', 'respond', 'response', 'remark'],
  ['official', 'authority', 'authorities', 'government'],
  ['equipment', 'gear', 'hardware', 'materiel', 'cargo'],
  ['medicine', 'medical', 'drug', 'pharmaceutical'],
  ['interfere', 'interference', 'meddle', 'meddling'],
  ['contract', 'deal', 'agreement'],
  ['airport', 'airfield', 'airbase'],
  ['support', 'backing', 'backer', 'backed'],
  ['sign', 'indication', 'signal'],
  ['peacekeeping', 'peacekeeper', 'peacekeepers'],
  ['ton', 'tonne', 'tonnes', 'tons'],
  ['upheaval', 'turmoil', 'crisis'],
  ['outage', 'blackout'],
  ['vow', 'pledge', 'promise', 'vowed', 'pledged', 'promised'],
  ['investigate', 'probe', 'probing', 'investigation'],
  ['notepad', 'notebook'],
  ['phone', 'cellphone', 'smartphone'],
  ['border', 'frontier'],
  ['lead', 'leading', 'led', 'command', 'commanding'],
];

/** Two-word phrases folded into one concept before single words are looked up (keys are stems). */
const PHRASES: Record<string, string> = {
  'touch down': 'arrive',
  'touched down': 'arrive',
  'fly in': 'arrive',
  'take off': 'depart',
  'took off': 'depart',
  'ground forces': 'army',
  'land forces': 'army',
  'military personnel': 'troop',
  'armed forces': 'army',
  'war games': 'exercise',
  'united states': 'usa',
  'venezuelan capital': 'caracas',
  'cargo plane': 'plane',
  'passenger jet': 'plane',
  'death toll': 'death',
  'air force': 'airforce',
  'tear gas': 'teargas',
  'fly out': 'depart',
  'flew out': 'depart',
  'air base': 'airport',
  'legal pad': 'notepad',
  'shed blood': 'bloodshed',
  'cell phone': 'phone',
};

/** A surface word's group head, keyed by the stem of the word (filled by `buildLexicon`). */
export type Lexicon = { words: Map<string, string>; phrases: Map<string, string> };

/** Builds the lookup tables once, stemming every listed word with the matcher's own stemmer. */
export function buildLexicon(stem: (w: string) => string): Lexicon {
  const words = new Map<string, string>();
  for (const group of GROUPS) {
    const head = group[0]!;
    // The first group a word appears in wins, so a word is never folded twice.
    for (const w of group) if (!words.has(stem(w))) words.set(stem(w), head);
  }
  const phrases = new Map<string, string>();
  for (const [k, v] of Object.entries(PHRASES)) phrases.set(k.split(' ').map(stem).join(' '), v);
  return { words, phrases };
}
