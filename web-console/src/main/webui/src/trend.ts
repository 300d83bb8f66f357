// An indicator's trend (走势): the approved actuals period by period against the time-elapsed line
// (序时进度) and the plan, as the cockpit draws it.

export interface TrendInput {
  kind: string; // CUMULATIVE, GROWTH_RATE or LEVEL
  frequency: string; // MONTHLY or QUARTERLY
  committed: number;
  plan: { period: string; value: number }[];
  actuals: { period: string; value: number; status: string }[];
}

export interface Trend {
  periods: string[];
  actual: (number | null)[];
  elapsed: number[];
  plan: (number | null)[];
}

/** The last month a period covers: 2026-10 → 10, 2026-Q3 → 9, 2026-H1 → 6. */
export function endMonth(period: string): number {
  const [, part] = period.split('-');
  if (part.startsWith('Q')) return Number(part.slice(1)) * 3;
  if (part.startsWith('H')) return Number(part.slice(1)) * 6;
  return Number(part);
}

/**
 * The year's periods with, for each: the actual as it counts (summed so far for a cumulative
 * indicator, as reported for a rate or a level), the time-elapsed line (the committed value times
 * the share of the year gone for a cumulative indicator, the committed rate otherwise) and the
 * plan where one is set. Only approved actuals count.
 */
export function trend(year: number, input: TrendInput): Trend {
  const quarterly = input.frequency === 'QUARTERLY';
  const periods = quarterly
    ? [1, 2, 3, 4].map((q) => `${year}-Q${q}`)
    : Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, '0')}`);
  const approved = new Map(input.actuals.filter((a) => a.status === 'APPROVED').map((a) => [a.period, a.value]));
  const cumulative = input.kind === 'CUMULATIVE';
  let sum = 0;
  const last = Math.max(0, ...[...approved.keys()].map(endMonth));
  const actual = periods.map((period) => {
    const value = approved.get(period);
    if (value !== undefined) {
      sum += value;
    }
    if (endMonth(period) > last) return null;
    if (cumulative) return round(sum);
    return value ?? null;
  });
  const elapsed = periods.map((period) => round(cumulative ? (input.committed * endMonth(period)) / 12 : input.committed));
  const planned = new Map(input.plan.map((p) => [endMonth(p.period), p.value]));
  const plan = periods.map((period) => planned.get(endMonth(period)) ?? null);
  return { periods, actual, elapsed, plan };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
