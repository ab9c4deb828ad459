import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A reader for Princeton WordNet's database files (data.noun, data.verb, data.adj, data.adv): the
 * relations between words that the lexicon uses. Format: wndb(5WN).
 */

export type Pos = 'n' | 'v' | 'a' | 'r';
/** The relations the lexicon takes from WordNet. */
export type Relation = 'synonym' | 'antonym' | 'derivation' | 'pertainym' | 'hypernym' | 'holonym';

interface Synset {
  pos: Pos;
  words: string[];
  /** Pointers: symbol, target synset key, source and target word numbers (0 = the whole synset). */
  pointers: { symbol: string; target: string; source: number; to: number }[];
}

const FILES: Record<Pos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };
const SYMBOLS: Record<string, Relation> = { '!': 'antonym', '+': 'derivation', '\\': 'pertainym', '@': 'hypernym', '#p': 'holonym' };

/** WordNet's words in lower case, phrases with spaces; adjective markers such as "(a)" dropped. */
const clean = (word: string) => word.replace(/\(\w+\)$/, '').replace(/_/g, ' ').toLowerCase();

export class WordNet {
  private readonly synsets = new Map<string, Synset>();
  /** Word → its synset keys per part of speech, most frequent sense first. */
  readonly senses = new Map<string, Map<Pos, string[]>>();
  /** Words WordNet writes only capitalised (names). */
  readonly proper = new Set<string>();

  /** The parts of speech WordNet knows a word as. */
  partsOfSpeech(word: string): Pos[] {
    return [...(this.senses.get(word)?.keys() ?? [])];
  }

  constructor(dir: string) {
    const lowerSeen = new Set<string>();
    const capitalSeen = new Set<string>();
    for (const pos of Object.keys(FILES) as Pos[]) {
      for (const line of readFileSync(join(dir, `data.${FILES[pos]}`), 'latin1').split('\n')) {
        if (!line || line.startsWith('  ')) continue;
        const f = line.split(' | ')[0]!.trim().split(' ');
        const offset = f[0]!;
        const type = f[2] === 's' ? 'a' : (f[2] as Pos);
        const count = parseInt(f[3]!, 16);
        const words: string[] = [];
        for (let i = 0; i < count; i++) {
          const raw = f[4 + 2 * i]!;
          words.push(clean(raw));
          (/^[A-Z]/.test(raw) ? capitalSeen : lowerSeen).add(clean(raw));
        }
        let at = 4 + 2 * count;
        const n = parseInt(f[at++]!, 10);
        const pointers: Synset['pointers'] = [];
        for (let i = 0; i < n; i++, at += 4) {
          const st = f[at + 3]!;
          pointers.push({ symbol: f[at]!, target: `${f[at + 2] === 's' ? 'a' : f[at + 2]}${f[at + 1]}`, source: parseInt(st.slice(0, 2), 16), to: parseInt(st.slice(2), 16) });
        }
        this.synsets.set(`${type}${offset}`, { pos: type, words, pointers });
      }
      // index.POS lists each word's synsets in order of sense frequency.
      for (const line of readFileSync(join(dir, `index.${FILES[pos]}`), 'latin1').split('\n')) {
        if (!line || line.startsWith('  ')) continue;
        const f = line.trim().split(' ');
        const word = clean(f[0]!);
        const synsetCount = parseInt(f[2]!, 10);

        const keys = f.slice(f.length - synsetCount).map((o) => `${pos}${o}`);
        const byPos = this.senses.get(word) ?? new Map<Pos, string[]>();
        byPos.set(pos, keys);
        this.senses.set(word, byPos);
      }
    }
    for (const w of capitalSeen) if (!lowerSeen.has(w)) this.proper.add(w);
  }

  /**
   * The words related to `word` in its first `senses` senses of each part of speech (`sense` 0:
   * both words' most frequent sense). Hypernyms
   * are taken for verbs only (a noun's hypernym is too general: "plane" → "craft"), holonyms for
   * names only (Caracas → Venezuela).
   */
  related(word: string, senses = 3): { word: string; relation: Relation; sense: number }[] {
    const out: { word: string; relation: Relation; sense: number }[] = [];
    for (const [pos, keys] of this.senses.get(word) ?? []) {
      for (const [index, key] of keys.slice(0, senses).entries()) {
        const synset = this.synsets.get(key);
        if (!synset) continue;
        const self = synset.words.indexOf(word) + 1;
        // `sense` is the worse of the two words' ranks for the senses they meet in: a relation
        // between two words' usual senses is 0 ("land" and "set down"); "kingdom" meets "land" only
        // in one of the latter's rarer senses.
        const rank = (w: string, k: string) => this.senses.get(w)?.get(k[0] as Pos)?.indexOf(k) ?? 9;
        for (const w of synset.words) if (w !== word) out.push({ word: w, relation: 'synonym', sense: Math.max(index, rank(w, key)) });
        for (const p of synset.pointers) {
          const relation = SYMBOLS[p.symbol];
          if (!relation) continue;
          if (relation === 'hypernym' && pos !== 'v') continue;
          if (relation === 'holonym' && !this.proper.has(word)) continue;
          // Lexical pointers hold between two words; semantic ones (0000) between whole synsets.
          if (p.source !== 0 && p.source !== self) continue;
          const target = this.synsets.get(p.target);
          if (!target) continue;
          const words = p.to === 0 ? target.words : [target.words[p.to - 1]!];
          for (const w of words) if (w && w !== word) out.push({ word: w, relation, sense: Math.max(index, rank(w, p.target)) });
        }
      }
    }
    return out;
  }

  /** Every two-word phrase WordNet knows (collocations such as "touch down", "take off"). */
  phrases(): string[] {
    return [...this.senses.keys()].filter((w) => /^[a-z]+ [a-z]+$/.test(w));
  }
}
