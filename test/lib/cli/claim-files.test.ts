import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CliFileError, DEFAULT_ARTICLES, displayPath, readArticleTexts, readJsonFile } from '@/lib/cli/claim-files';

describe('readArticleTexts', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'claims-articles-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the project’s articles through articles.json', () => {
    const { texts, missing } = readArticleTexts(DEFAULT_ARTICLES, [{ id: 'a', file: '000_83cce7683dc0c4f8.txt' }], dir);
    expect(missing).toEqual([]);
    expect(texts.get('a')).toMatch(/^Russian troops land in Caracas/);
  });

  it('says why each text is missing: no index, not listed, listed but absent', () => {
    const refs = [{ id: 'listed', file: 'listed.txt' }, { id: 'unlisted', file: 'unlisted.txt' }, { id: 'present', file: 'present.txt' }];
    expect(readArticleTexts(dir, refs, dir).missing[0]?.reason).toMatch(/no readable articles\.json/);
    writeFileSync(join(dir, 'articles.json'), JSON.stringify([{ file: 'listed.txt' }, { file: 'present.txt' }]));
    writeFileSync(join(dir, 'present.txt'), 'Text.');
    writeFileSync(join(dir, 'unlisted.txt'), 'Not in the index.');
    const { texts, missing } = readArticleTexts(dir, refs, dir);
    expect([...texts]).toEqual([['present', 'Text.']]);
    expect(missing.map((m) => [m.id, m.reason])).toEqual([
      ['listed', 'listed.txt is listed but missing from ' + dir],
      ['unlisted', 'unlisted.txt is not listed in ' + dir + '/articles.json'],
    ]);
  });
});

describe('readJsonFile and displayPath', () => {
  it('throws a CliFileError naming the file', () => {
    expect(() => readJsonFile('/nonexistent/db.json', '/')).toThrow(CliFileError);
    expect(() => readJsonFile('/nonexistent/db.json', '/')).toThrow('cannot read nonexistent/db.json: no such file');
  });

  it('shortens paths inside cwd and keeps others absolute', () => {
    expect(displayPath('/work/main/lib/x.json', '/work/main')).toBe('lib/x.json');
    expect(displayPath('/elsewhere/x.json', '/work/main')).toBe('/elsewhere/x.json');
  });
});
