import { describe, expect, it } from 'vitest';
import { endMonth, trend } from './trend';

describe('an indicator’s trend', () => {
  it('knows the last month of each kind of period', () => {
    expect([endMonth('2026-10'), endMonth('2026-Q3'), endMonth('2026-H1')]).toEqual([10, 9, 6]);
  });

  it('sums a cumulative indicator’s approved actuals against the time-elapsed line and the plan', () => {
    const t = trend(2026, {
      kind: 'CUMULATIVE',
      frequency: 'QUARTERLY',
      committed: 12,
      plan: [{ period: '2026-H1', value: 6 }],
      actuals: [
        { period: '2026-Q1', value: 2, status: 'APPROVED' },
        { period: '2026-Q2', value: 5, status: 'APPROVED' },
        { period: '2026-Q3', value: 3, status: 'SUBMITTED' },
      ],
    });
    expect(t.periods).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(t.actual).toEqual([2, 7, null, null]);
    expect(t.elapsed).toEqual([3, 6, 9, 12]);
    expect(t.plan).toEqual([null, 6, null, null]);
  });

  it('compares a growth rate period by period with the committed rate', () => {
    const t = trend(2026, {
      kind: 'GROWTH_RATE',
      frequency: 'MONTHLY',
      committed: 6.5,
      plan: [],
      actuals: [
        { period: '2026-02', value: 6.1, status: 'APPROVED' },
        { period: '2026-04', value: 6.9, status: 'APPROVED' },
      ],
    });
    expect(t.actual.slice(0, 5)).toEqual([null, 6.1, null, 6.9, null]);
    expect(new Set(t.elapsed)).toEqual(new Set([6.5]));
  });
});
