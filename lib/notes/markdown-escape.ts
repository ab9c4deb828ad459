/**
 * Makes Markdown from a note (or text from a page) safe to paste into another Markdown tool, many
 * of which pass raw HTML through: `<script>`, `<img onerror>` and comments become text (`&lt;`,
 * which every Markdown tool shows as `<`), and a link whose destination is not plainly http(s) or
 * mailto loses its link (`javascript:` could hide behind entities, which tools decode).
 *
 * Only fenced code blocks that open at the line's start are left as written: every tool that
 * knows fences reads those as code wherever they are. Code spans are escaped too, since which
 * backticks pair up depends on the paragraph and list around them; a `<` in one shows as `&lt;`,
 * which is a small price for never guessing wrong.
 */

/** A fence that opens at the line's start (a backtick fence's info string has no backtick). */
const OPENING_FENCE = /^(`{3,})(?!.*`)|^(~{3,})/;
/** A line that may close a fence: at least as long a run of its character, indented up to 3. */
const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** A link destination kept as a link: written out as http(s) or mailto, nothing to decode. */
const SAFE_DESTINATION = /^\s*<?(https?:\/\/|mailto:)/i;
/** An autolink that stays one. */
const SAFE_AUTOLINK = /^<(https?:\/\/|mailto:)[^\s<>]*>/i;
/** A link reference definition: `[label]: destination`. */
const DEFINITION = /^( {0,3})\[[^\]]+\]:(.*)$/;

/** Escapes one line outside fenced code. */
function escapeLine(line: string): string {
  const definition = DEFINITION.exec(line);
  if (definition && !SAFE_DESTINATION.test(definition[2]!)) line = `${definition[1]}\\${line.slice(definition[1]!.length)}`;
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    const autolink = ch === '<' ? SAFE_AUTOLINK.exec(line.slice(i)) : null;
    if (autolink) {
      out += autolink[0];
      i += autolink[0].length - 1;
    } else if (ch === '<') out += '&lt;';
    else if (ch === ']' && line[i + 1] === '(' && !SAFE_DESTINATION.test(line.slice(i + 2))) {
      out += ']\\('; // no longer a link; its words stay
      i++;
    } else out += ch;
  }
  return out;
}

/** The Markdown `md` with raw HTML made text and unsafe links unlinked (see the module comment). */
export function escapeMarkdownHtml(md: string): string {
  let fence: string | undefined;
  return md
    .split('\n')
    .map((line) => {
      if (fence) {
        const close = CLOSING_FENCE.exec(line)?.[1];
        if (close && close[0] === fence[0] && close.length >= fence.length) fence = undefined;
        return line;
      }
      const open = OPENING_FENCE.exec(line);
      if (open) fence = open[1] ?? open[2];
      return open ? line : escapeLine(line);
    })
    .join('\n');
}
