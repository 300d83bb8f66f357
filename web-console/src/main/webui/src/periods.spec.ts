import { describe, expect, it } from 'vitest';
import { duePeriod } from './periods';

describe('the period due', () => {
  it('is last month for a monthly indicator, in Shanghai time', () => {
    expect(duePeriod('MONTHLY', new Date('2026-11-24T10:00:00+08:00'))).toBe('2026-10');
    expect(duePeriod('MONTHLY', new Date('2026-01-05T10:00:00+08:00'))).toBe('2025-12');
    // 31 Oct 17:00 UTC is already 1 Nov in Shanghai
    expect(duePeriod('MONTHLY', new Date('2026-10-31T17:00:00Z'))).toBe('2026-10');
  });

  it('is last quarter for a quarterly indicator', () => {
    expect(duePeriod('QUARTERLY', new Date('2026-11-24T10:00:00+08:00'))).toBe('2026-Q3');
    expect(duePeriod('QUARTERLY', new Date('2026-02-10T10:00:00+08:00'))).toBe('2025-Q4');
  });
});
