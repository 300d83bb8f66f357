import { describe, expect, it } from 'vitest';
import { defaultPeriod, isoWeek, recentMonths, recentQuarters, recentWeeks } from './reportPeriods';

describe('report periods', () => {
  it('numbers weeks as ISO does, across the turn of the year', () => {
    expect(isoWeek('2026-11-20')).toBe('2026-W47');
    expect(isoWeek('2026-11-16')).toBe('2026-W47');
    expect(isoWeek('2026-11-22')).toBe('2026-W47');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2025-12-29')).toBe('2026-W01');
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
  });

  it('offers this week and the ones before, with their dates', () => {
    const weeks = recentWeeks('2026-11-25', 3);
    expect(weeks.map((w) => w.value)).toEqual(['2026-W48', '2026-W47', '2026-W46']);
    expect(weeks[1].label).toBe('第 47 周（11.16–11.22）');
  });

  it('goes back over months and quarters into the year before', () => {
    expect(recentMonths('2026-02-10', 3).map((m) => m.value)).toEqual(['2026-02', '2026-01', '2025-12']);
    expect(recentQuarters('2026-02-10', 3).map((q) => q.value)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3']);
    expect(recentQuarters('2026-11-25', 1)[0].label).toBe('2026 年第四季度（本季度）');
  });

  it('defaults to this week, last month and last quarter', () => {
    expect(defaultPeriod('WEEKLY', '2026-11-25')).toBe('2026-W48');
    expect(defaultPeriod('MONTHLY', '2026-01-03')).toBe('2025-12');
    expect(defaultPeriod('QUARTERLY', '2026-10-10')).toBe('2026-Q3');
  });
});
