import { describe, expect, it } from 'vitest';
import { readArea } from '@/lib/sync/area-reader';
import { noteToEntry } from '@/lib/sync/merge';
import { planWrites, type PlanLimits } from '@/lib/sync/planner';
import { makeNote } from './support/devices';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const limits: PlanLimits = { bytes: 100_352, items: 504, perItem: 8_192, tombstoneTtlMs: 30 * 86_400_000 };
const T0 = 1_700_000_000_000;

describe('planWrites', () => {
  it('reaches a small old note that fits after hundreds that do not', () => {
    // 300 long notes, of which the area holds the newest 55, and one small note older than all.
    const long = Array.from({ length: 300 }, (_, i) => noteToEntry(makeNote(uuid(i + 1), `${i} `.padEnd(1_650, 'x'), T0 + 1_000 + i, 'A'), undefined));
    const small = noteToEntry(makeNote(uuid(999), 'small', T0, 'B'), undefined);
    const plan = planWrites([...long, small], readArea({}), {}, limits, T0 + 10_000);
    const fitted = long.filter((e) => plan.states.get(e.id) === 'pending');
    expect(fitted.map((e) => e.id)).toEqual(long.slice(-55).map((e) => e.id)); // the newest
    expect(plan.states.get(small.id)).toBe('pending');
    expect(plan.writing).toContain(small.id);
  });

  it('chooses the same notes whatever order a device holds them in, ties included', () => {
    const entries = Array.from({ length: 120 }, (_, i) =>
      noteToEntry(makeNote(uuid(i + 1), 'y'.repeat(400 + (i % 7) * 300), T0 + (i % 5), i % 2 ? 'A' : 'B'), undefined),
    );
    const one = planWrites(entries, readArea({}), {}, limits, T0);
    const other = planWrites([...entries].reverse(), readArea({}), {}, limits, T0);
    expect(Object.keys(other.set).sort()).toEqual(Object.keys(one.set).sort());
    expect([...other.states].sort()).toEqual([...one.states].sort());
  });
});
