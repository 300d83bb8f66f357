/**
 * The periods the cadence documents cover, as the reports API writes them: ISO weeks (2026-W47),
 * months (2026-10), quarters (2026-Q3). Dates are Beijing dates given as yyyy-mm-dd.
 */
export interface PeriodOption {
  value: string;
  label: string;
}

function parse(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The ISO week of a day: 2026-11-20 → 2026-W47 (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(day: string): string {
  const date = parse(day);
  const weekday = (date.getUTCDay() + 6) % 7;
  const thursday = new Date(date.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const firstMonday = new Date(firstThursday.getTime() - ((firstThursday.getUTCDay() + 6) % 7) * 86_400_000);
  const week = Math.floor((thursday.getTime() - firstMonday.getTime()) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of the week holding {@code day}. */
function monday(day: string): Date {
  const date = parse(day);
  return new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * 86_400_000);
}

/** This week and the {@code count - 1} before it, newest first, labelled with their dates. */
export function recentWeeks(today: string, count = 12): PeriodOption[] {
  const start = monday(today);
  const weeks: PeriodOption[] = [];
  for (let i = 0; i < count; i++) {
    const from = new Date(start.getTime() - i * 7 * 86_400_000);
    const to = new Date(from.getTime() + 6 * 86_400_000);
    const key = isoWeek(iso(from));
    weeks.push({
      value: key,
      label: `第 ${Number(key.slice(6))} 周（${from.getUTCMonth() + 1}.${from.getUTCDate()}–${to.getUTCMonth() + 1}.${to.getUTCDate()}）`
        + (i === 0 ? ' 本周' : ''),
    });
  }
  return weeks;
}

/** This month and the {@code count - 1} before it, newest first. */
export function recentMonths(today: string, count = 12): PeriodOption[] {
  const [year, month] = today.split('-').map(Number);
  const months: PeriodOption[] = [];
  for (let i = 0; i < count; i++) {
    const index = year * 12 + (month - 1) - i;
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    months.push({ value: `${y}-${String(m).padStart(2, '0')}`, label: `${y} 年 ${m} 月` + (i === 0 ? '（本月）' : '') });
  }
  return months;
}

/** This quarter and the {@code count - 1} before it, newest first. */
export function recentQuarters(today: string, count = 8): PeriodOption[] {
  const [year, month] = today.split('-').map(Number);
  const quarters: PeriodOption[] = [];
  for (let i = 0; i < count; i++) {
    const index = year * 4 + Math.floor((month - 1) / 3) - i;
    const y = Math.floor(index / 4);
    const q = (index % 4) + 1;
    quarters.push({ value: `${y}-Q${q}`, label: `${y} 年第${'一二三四'[q - 1]}季度` + (i === 0 ? '（本季度）' : '') });
  }
  return quarters;
}

/** The period the office usually wants: this week, last month, last quarter. */
export function defaultPeriod(kind: 'WEEKLY' | 'MONTHLY' | 'QUARTERLY', today: string): string {
  if (kind === 'WEEKLY') return recentWeeks(today, 1)[0].value;
  if (kind === 'MONTHLY') return recentMonths(today, 2)[1].value;
  return recentQuarters(today, 2)[1].value;
}
