/**
 * An article's blocks as a prettifying CMS writes them: lines wrapped inside paragraphs, words
 * wrapped in links and emphasis, spans of template white space, a quote's byline after a `<br>`.
 * The visible text stays the article's (white space collapses), which is what the tests check:
 * the command line and the browser must read such markup alike.
 */

const INLINE = [['a href="/"', 'a'], ['em', 'em'], ['strong', 'strong']] as const;
const PAD = ' '.repeat(15);

/** Some words of a plain-text paragraph put in inline elements; each stays one token for wrapping. */
function decorate(text: string, nth: number): string[] {
  const words = text.split(' ');
  if (text.includes('<') || words.length < 6) return words;
  const [open, close] = INLINE[nth % INLINE.length]!;
  words[3] = `<${open}>${words[3]}</${close}>`;
  // Every other span ends its padding with a line break, as template engines leave them.
  if (words.length >= 10) words[6] = `<span class="x">${PAD}${words[6]}${nth % 2 ? '\n' : PAD}</span>`;
  return words;
}

/** Tokens on lines of about 60 characters, each line indented. */
function wrap(tokens: string[], indent: number): string {
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (line && line.length + token.length > 60) {
      lines.push(line);
      line = token;
    } else line = line ? `${line} ${token}` : token;
  }
  lines.push(line);
  return lines.map((l) => ' '.repeat(indent) + l).join('\n');
}

/** An article's top-level blocks (`  <p>…</p>`, as in `articles/*.html`) as prettified markup in a `div.story-body`. */
export function prettify(blocks: string[]): string {
  const out = blocks.map((block, nth) => {
    const parts = /^ {2}<(\w+)([^>]*)>([\s\S]*)<\/\1>$/.exec(block);
    if (!parts) throw new Error(`Not a block: ${block}`);
    const [, tag, attributes, inner] = parts as unknown as [string, string, string, string];
    const lines =
      tag === 'blockquote'
        ? [
            '        <p>',
            [...inner.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map((p, i) => wrap(decorate(p[1]!, nth + i), 10)).join('\n          <br>\n'),
            '        </p>',
          ].join('\n')
        : wrap(decorate(inner, nth), 8);
    return `      <${tag}${attributes}>\n${lines}\n      </${tag}>`;
  });
  return `    <div class="story-body">\n${out.join('\n')}\n    </div>\n`;
}
