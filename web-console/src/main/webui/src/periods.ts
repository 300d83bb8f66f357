// Reporting periods as the API writes them: 2026-10 (a month), 2026-Q3 (a quarter).

/** The period most likely due: last month, or last quarter for a quarterly indicator (Asia/Shanghai). */
export function duePeriod(frequency: string | undefined, today: Date): string {
  const parts = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric' }).formatToParts(today);
  const year = Number(parts.find((part) => part.type === 'year')!.value);
  const month = Number(parts.find((part) => part.type === 'month')!.value);
  if (frequency === 'QUARTERLY') {
    const quarter = Math.ceil(month / 3) - 1;
    return quarter === 0 ? `${year - 1}-Q4` : `${year}-Q${quarter}`;
  }
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}
