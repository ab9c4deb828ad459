/**
 * `npm run model:lexicon`: builds `public/matcher/lexicon.bin`, the matcher's general knowledge of
 * English, from GloVe word vectors and WordNet (see `sources.ts`). Deterministic: the same sources
 * give the same bytes. Nothing here reads the claim database or any labelled sentence.
 *
 * 1. Vocabulary: the VOCABULARY most frequent alphabetic words of the vectors' corpus.
 * 2. Lemmas: WordNet's morphology proposes noun, verb and adjective lemmas ("flew" → "fly",
 *    "leaves" → "leave" or "leaf"); the one whose vector is nearest the word's wins, and none when
 *    the nearest is still far ("media" stays "media", not "medium").
 * 3. Neighbours: each lemma's NEIGHBOURS nearest lemmas by cosine of their vectors, above MIN_COSINE;
 *    WordNet's synonyms, derivations, pertainyms, verb hypernyms and the places names belong to are
 *    added with a floor on their similarity; antonyms are removed (vectors put "arrive" near "depart").
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { ADJECTIVE, encodeLexicon, NOUN, PROPER, VERB, WORDNET } from '@/lib/matcher/lexicon';
import { CACHE, SOURCES, sourceDir, sourceRequire } from './sources';
import { WordNet, type Relation } from './wordnet';

const VOCABULARY = 50_000;
const NEIGHBOURS = 12;
const MIN_COSINE = 0.5;
const MAX_NEIGHBOURS = 32;
/** The most common words (function words) get no neighbours: they never carry a claim. */
const FUNCTION_WORDS = 150;
/** Lowest similarity a WordNet relation gives a pair, whatever the vectors say. */
const FLOOR: Partial<Record<Relation, number>> = { synonym: 0.8, derivation: 0.75, pertainym: 0.85, hypernym: 0.7, holonym: 0.7 };
const MIN_LEMMA_COSINE = 0.4;
/** A WordNet relation counts only where the vectors put the two words at least this close. */
const MIN_RELATED_COSINE = 0.5;

const out = resolve(import.meta.dirname, '../../public/matcher/lexicon.bin');
const require = sourceRequire();
console.error('Reading word vectors…');
const glove = require(`${SOURCES.vectors.split('@')[0]}/${SOURCES.vectors.split('@')[0]}.json`) as { words: string[]; vectors: Record<string, number[]> };
const lemmatize = require(SOURCES.lemmatizer.split('@')[0]!) as Record<'noun' | 'verb' | 'adjective', (w: string) => string>;
const wordnet = new WordNet(`${sourceDir(SOURCES.wordnet)}/dict`);

const dims = 100;
const globalRank = new Map<string, number>();
glove.words.forEach((w, i) => globalRank.has(w) || globalRank.set(w, i + 1));
const unit = (w: string): Float32Array | null => {
  const v = glove.vectors[w];
  if (!v) return null;
  const out = new Float32Array(dims);
  let norm = 0;
  for (let k = 0; k < dims; k++) norm += v[k]! * v[k]!;
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < dims; k++) out[k] = v[k]! / norm;
  return out;
};
const dot = (a: Float32Array, b: Float32Array) => {
  let s = 0;
  for (let k = 0; k < dims; k++) s += a[k]! * b[k]!;
  return s;
};

/** Each lemma's NEIGHBOURS nearest lemmas above MIN_COSINE, cached in .cache (minutes of work). */
function vectorNeighbours(words: string[]): [string, string, number][] {
  const key = createHash('sha256').update(JSON.stringify([SOURCES.vectors, NEIGHBOURS, MIN_COSINE, 'commonest-form', words])).digest('hex').slice(0, 16);
  const cached = join(CACHE, `neighbours-${key}.json`);
  if (existsSync(cached)) return JSON.parse(readFileSync(cached, 'utf8')) as [string, string, number][];
  const matrix = words.map((w) => lemmaVector(w)!);
  const found: [string, string, number][] = [];
  const started = Date.now();
  for (let i = 0; i < words.length; i++) {
    const best: [number, number][] = [];
    const vi = matrix[i]!;
    for (let j = 0; j < words.length; j++) {
      if (j === i) continue;
      const c = dot(vi, matrix[j]!);
      if (c < MIN_COSINE) continue;
      if (best.length < NEIGHBOURS) best.push([j, c]);
      else if (c > best[best.length - 1]![1]) best[best.length - 1] = [j, c];
      else continue;
      best.sort((p, q) => q[1] - p[1]);
    }
    for (const [j, c] of best) found.push([words[i]!, words[j]!, c]);
    if (i % 5000 === 0) console.error(`  neighbours ${i}/${words.length} (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  writeFileSync(cached, JSON.stringify(found));
  return found;
}

// 1. Vocabulary.
const vocabulary: string[] = [];
for (const w of glove.words) {
  if (vocabulary.length >= VOCABULARY) break;
  if (/^[a-z]+(?:['-][a-z]+)*$/.test(w)) vocabulary.push(w);
}

// 2. Lemmas.
const lemmaOf = new Map<string, string>();
for (const w of vocabulary) {
  const vw = unit(w);
  let best = w;
  let bestCos = MIN_LEMMA_COSINE;
  for (const candidate of new Set([lemmatize.verb(w), lemmatize.noun(w), lemmatize.adjective(w)])) {
    if (candidate === w || !glove.vectors[candidate]) continue;
    const cos = vw ? dot(vw, unit(candidate)!) : 0;
    if (cos > bestCos) [best, bestCos] = [candidate, cos];
  }
  lemmaOf.set(w, best);
}
const lemmas = [...new Set(lemmaOf.values())];
// A lemma's vector is its most frequent form's: "troops" says more about troops than the rarer "troop".
const commonest = new Map<string, string>();
for (const w of vocabulary) {
  const l = lemmaOf.get(w)!;
  const held = commonest.get(l);
  if (!held || (globalRank.get(w) ?? Infinity) < (globalRank.get(held) ?? Infinity)) commonest.set(l, w);
}
const lemmaVector = (l: string) => unit(commonest.get(l) ?? l);
const phrases = wordnet.phrases().filter((p) => p.split(' ').every((w) => lemmaOf.has(w)));
console.error(`${vocabulary.length} words, ${lemmas.length} lemmas, ${phrases.length} WordNet phrases`);

// 3. Neighbours by vector, among content lemmas (cached: this is the slow part).
const content = lemmas.filter((l) => (globalRank.get(l) ?? Infinity) > FUNCTION_WORDS);
const pairs = new Map<string, Map<string, number>>();
/** Pairs WordNet relates (not only the vectors): the only ones that may join two names. */
const related = new Set<string>();
const add = (a: string, b: string, sim: number, wordnetRelated = false) => {
  if (a === b) return;
  for (const [x, y] of [[a, b], [b, a]] as const) {
    const m = pairs.get(x) ?? new Map<string, number>();
    if ((m.get(y) ?? 0) < sim) m.set(y, sim);
    pairs.set(x, m);
    if (wordnetRelated) related.add(`${x}\t${y}`);
  }
};
for (const [a, b, c] of vectorNeighbours(content)) add(a, b, c);

// WordNet relations of a word's first sense count; of its rarer senses, only where the vectors agree
// at least a little: that picks the senses the corpus uses ("troop" is not near "parade").
const known = new Set([...lemmas, ...phrases]);
const vectorOf = (w: string): Float32Array | null => {
  if (!w.includes(' ')) return lemmaVector(w);
  const parts = w.split(' ').map(lemmaVector);
  if (parts.some((p) => !p)) return null;
  const mean = new Float32Array(dims);
  for (const p of parts) for (let k = 0; k < dims; k++) mean[k]! += p![k]!;
  let norm = 0;
  for (let k = 0; k < dims; k++) norm += mean[k]! * mean[k]!;
  for (let k = 0; k < dims; k++) mean[k]! /= Math.sqrt(norm) || 1;
  return mean;
};
const cosine = (a: string, b: string) => {
  const va = vectorOf(a);
  const vb = vectorOf(b);
  return va && vb ? dot(va, vb) : 0;
};
const synonyms = new Map<string, Set<string>>();
const antonyms: [string, string][] = [];
for (const word of known) {
  if ((globalRank.get(word) ?? Infinity) <= FUNCTION_WORDS) continue;
  for (const { word: other, relation, sense } of wordnet.related(word)) {
    const target = lemmaOf.get(other) ?? other;
    if (!known.has(target) || target === word) continue;
    if (relation === 'antonym') {
      antonyms.push([word, target]);
      continue;
    }
    if (relation === 'synonym') synonyms.set(word, (synonyms.get(word) ?? new Set()).add(target));
    // A word's first sense is its usual one; its rarer senses count where the vectors agree.
    const cos = cosine(word, target);
    if (sense === 0 || cos >= MIN_RELATED_COSINE) add(word, target, Math.max(FLOOR[relation] ?? 0, cos), true);
  }
}
// Antonyms, and their synonyms' pairs: "arrive"/"come" against "leave"/"go"/"depart" (vectors put
// words of opposite meaning close together, since they occur in the same contexts).
for (const [a, b] of antonyms) {
  for (const x of [a, ...(synonyms.get(a) ?? [])]) {
    for (const y of [b, ...(synonyms.get(b) ?? [])]) {
      pairs.get(x)?.delete(y);
      pairs.get(y)?.delete(x);
    }
  }
}

// Encode: lemmas and phrases first (they own neighbours), then the other word forms.
const entries = [...known].sort();
const forms = vocabulary.filter((w) => !known.has(w)).sort();
const all = [...entries, ...forms];
const position = new Map(all.map((w, i) => [w, i]));
const lemma = new Uint32Array(all.length);
const rank = new Uint32Array(all.length);
const flags = new Uint8Array(all.length);
const offsets = new Uint32Array(all.length + 1);
const neighbour: number[] = [];
const similarity: number[] = [];
const linkFlags: number[] = [];
all.forEach((w, i) => {
  lemma[i] = position.get(known.has(w) ? w : lemmaOf.get(w)!)!;
  // A phrase is as rare as its rarer word.
  rank[i] = Math.max(...w.split(' ').map((p) => globalRank.get(p) ?? 0));
  // A word's parts of speech are its lemma's ("troops" is a noun because "troop" is).
  const pos = wordnet.partsOfSpeech(all[lemma[i]!]!);
  flags[i] = (wordnet.proper.has(w) ? PROPER : 0) | (pos.includes('n') ? NOUN : 0) | (pos.includes('v') ? VERB : 0) | (pos.includes('a') ? ADJECTIVE : 0);
  offsets[i] = neighbour.length;
  const list = [...(pairs.get(w) ?? [])].sort((p, q) => q[1] - p[1] || (p[0] < q[0] ? -1 : 1)).slice(0, MAX_NEIGHBOURS);
  for (const [n, s] of list) {
    neighbour.push(position.get(n)!);
    similarity.push(Math.round(Math.min(1, s) * 255));
    linkFlags.push(related.has(`${w}\t${n}`) ? WORDNET : 0);
  }
});
offsets[all.length] = neighbour.length;
const bytes = encodeLexicon({ entries: all, lemma, rank, flags, offsets, neighbour: Uint32Array.from(neighbour), similarity: Uint8Array.from(similarity), linkFlags: Uint8Array.from(linkFlags) });
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, bytes);
const sha = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
console.log(`${out}: ${all.length} entries, ${neighbour.length} neighbour links, ${(bytes.length / 1e6).toFixed(2)} MB, sha256 ${sha}…`);
