import { readLexicon } from '@/lib/cli/lexicon-file';
import { Tokenizer, type Token } from '@/lib/matcher/tokens';

let tokenizer: Tokenizer | undefined;

/** Tokenizes with the shipped lexicon, for tests of the readers that work on tokens. */
export function tokenize(text: string): Token[] {
  tokenizer ??= new Tokenizer(readLexicon());
  return tokenizer.tokenize(text);
}
