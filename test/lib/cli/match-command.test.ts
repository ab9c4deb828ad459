import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliFileError } from '@/lib/cli/claim-files';
import { UsageError, type CliIo } from '@/lib/cli/command';
import { matchCommand, visibleText } from '@/lib/cli/match-command';
import { ClaimMatchSchema } from '@/lib/matcher/schema';

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-match-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  const out: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => out.push(t), cwd: dir };
  const code = await matchCommand.run(args, io);
  return { code, out: out.join('\n') };
}

describe('claims match', () => {
  it('prints the matches of a .txt file as a JSON array with offsets into the file', async () => {
    const article = readFileSync(new URL('../../fixtures/articles/000_83cce7683dc0c4f8.txt', import.meta.url), 'utf8');
    writeFileSync(join(dir, 'a.txt'), article);
    const { code, out } = await run(['a.txt']);
    expect(code).toBe(0);
    const matches = (JSON.parse(out) as unknown[]).map((m) => ClaimMatchSchema.parse(m));
    expect(matches.length).toBeGreaterThan(10);
    for (const m of matches) expect(article.slice(m.start, m.end)).toBe(m.text);
  });

  it('matches only the visible text of an .html file', async () => {
    writeFileSync(
      join(dir, 'p.html'),
      `<html><head><title>Two Russian planes arrived in Caracas on Saturday</title><style>p{}</style></head><body>
       <script>document.write("Nearly 100 Russian troops have landed in Caracas")</script>
       <p hidden>Nearly 100 Russian troops have landed in Caracas.</p>
       <p style="display: none">Nearly 100 Russian troops have landed in Caracas.</p>
       <p>In December, Russia sent two bomber aircraft capable of carrying nuclear weapons to Venezuela.</p>
       <p>Aid was blocked &mdash; &ldquo;two deaths&rdquo; followed.</p></body></html>`,
    );
    const { out } = await run(['p.html']);
    const matches = JSON.parse(out) as { claimId: string }[];
    expect(matches.map((m) => m.claimId)).toEqual(['nuclear-capable-bombers-in-december']);
  });

  it('fails clearly on a missing file, a directory or another kind of file', async () => {
    await expect(run(['missing.txt'])).rejects.toThrow(new CliFileError('cannot read missing.txt: no such file'));
    await expect(run(['notes.pdf'])).rejects.toThrow(/expected a \.txt or \.html file/);
    await expect(run([])).rejects.toThrow(UsageError);
  });
});

describe('visibleText', () => {
  it('drops scripts, styles, templates and hidden elements, decodes entities and splits blocks', () => {
    const text = visibleText('<h1>Head line</h1><template><p>t</p></template><noscript>n</noscript><p aria-hidden="true">h</p><p>A &amp; B&nbsp;&ldquo;c&rdquo;</p>');
    // A non-breaking space is not collapsible white space: it stays, as on the page.
    expect(text).toBe('Head line\n\nA & B\u00a0“c”');
  });

  it('reads the article as the content script does: wrapped source lines are one line, navigation and footers are left out', () => {
    const text = visibleText(`<nav>Home</nav><p>
        Nearly 100 Russian troops
        have <a href="/">landed</a>   in Caracas.<br>
        A second line.
      </p><footer>Footer</footer>`);
    expect(text).toBe('Nearly 100 Russian troops have landed in Caracas.\nA second line.');
  });
});
