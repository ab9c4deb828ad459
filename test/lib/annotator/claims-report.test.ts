// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { ClaimsReport, type ReportedPage } from '@/lib/annotator/claims-report';
import type { Unit } from '@/lib/annotator/units';

const unit = (key: string, start: number) => ({ text: key, start, key }) as unknown as Unit;

function reporter(missing: string[][] = []) {
  const sent: ReportedPage[] = [];
  const report = new ClaimsReport(async (page) => {
    sent.push(page);
    return { missing: missing.shift() ?? [] };
  });
  return { report, sent };
}

describe('ClaimsReport', () => {
  it('reports a page with claims once while nothing changes, and again when its units or the claims change', async () => {
    const { report, sent } = reporter();
    const rematch = vi.fn(async () => {});
    await report.update(() => 120, [unit('a', 0)], rematch);
    await report.update(() => 120, [unit('a', 0)], rematch);
    expect(sent).toEqual([{ words: 120, units: [{ key: 'a', start: 0 }] }]);
    await report.update(() => 120, [unit('a', 5)], rematch);
    report.invalidate();
    await report.update(() => 120, [unit('a', 5)], rematch);
    expect(sent.map((p) => p.units[0]!.start)).toEqual([0, 5, 5]);
    expect(rematch).not.toHaveBeenCalled();
  });

  it('says nothing of a page that never had claims; one that lost them is reported empty', async () => {
    const { report, sent } = reporter();
    const count = vi.fn(() => 50);
    await report.update(count, [], async () => {});
    expect(sent).toEqual([]);
    expect(count).not.toHaveBeenCalled(); // counting words costs a page with no claims
    await report.update(() => 50, [unit('a', 0)], async () => {});
    await report.update(() => 50, [], async () => {});
    expect(sent.at(-1)).toEqual({ words: 50, units: [] });
  });

  it('waits for a word count that is still being made (counted in slices) before it reports', async () => {
    const { report, sent } = reporter();
    let counted!: (words: number) => void;
    const updating = report.update(() => new Promise<number>((done) => (counted = done)), [unit('a', 0)], async () => {});
    await Promise.resolve();
    expect(sent).toEqual([]);
    counted(90);
    await updating;
    expect(sent).toEqual([{ words: 90, units: [{ key: 'a', start: 0 }] }]);
  });

  it('hands the keys the background forgot to be matched again, then reports once more', async () => {
    const { report, sent } = reporter([['b']]);
    const rematch = vi.fn(async (_lost: Set<string>) => {});
    await report.update(() => 80, [unit('a', 0), unit('b', 10)], rematch);
    expect(rematch).toHaveBeenCalledOnce();
    expect([...rematch.mock.calls[0]![0]]).toEqual(['b']);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual(sent[0]);
  });

  it('when withdrawn, says the page has no claims only if it had said it had, and reports afresh after', async () => {
    const { report, sent } = reporter();
    await report.withdraw(10);
    expect(sent).toEqual([]);
    await report.update(() => 10, [unit('a', 0)], async () => {});
    await report.withdraw(10);
    expect(sent.at(-1)).toEqual({ words: 10, units: [] });
    await report.update(() => 10, [unit('a', 0)], async () => {});
    expect(sent).toHaveLength(3);
  });
});
