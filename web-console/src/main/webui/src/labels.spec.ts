import { describe, expect, it } from 'vitest';
import { COLOUR, TASK_STATUS, formatTime } from './labels';
import { ApiError, describe as describeProblem } from './api/problem';

describe('labels', () => {
  it('names every task status and colour in Chinese', () => {
    expect(Object.keys(TASK_STATUS)).toEqual(['DRAFT', 'ASSIGNED', 'IN_PROGRESS', 'CLOSURE_REQUESTED', 'CLOSED', 'CANCELLED']);
    expect(COLOUR).toEqual({ BLUE: '蓝', YELLOW: '黄', RED: '红' });
  });

  it('shows timestamps in Asia/Shanghai whatever the offset they carry', () => {
    expect(formatTime('2026-11-23T16:30:00Z')).toBe('2026-11-24 00:30');
    expect(formatTime('2026-11-24T08:05:00+08:00')).toBe('2026-11-24 08:05');
    expect(formatTime(null)).toBe('—');
  });
});

describe('problems', () => {
  it('says a missing or forbidden object is “不存在或无权查看”', () => {
    expect(describeProblem(404, { title: 'Not Found', detail: 'task 7' })).toBe('不存在或无权查看');
  });

  it('shows the service’s own detail for bad input and keeps the field messages', () => {
    const error = new ApiError(400, { title: '请求不合法', detail: '截止日期不能早于开始日期', errors: [{ field: 'dueDate', message: '不能早于开始日期' }, { row: 3, column: '截止日期', message: '日期格式不对' }] });
    expect(error.message).toBe('截止日期不能早于开始日期');
    expect(error.field('dueDate')).toBe('不能早于开始日期');
    expect(error.cells).toEqual([{ row: 3, column: '截止日期', message: '日期格式不对' }]);
    expect(error.stale).toBe(false);
    expect(new ApiError(409, { type: 'urn:kpi:problem:stale-version' }).stale).toBe(true);
    expect(new ApiError(428, {}).stale).toBe(true);
    const reported = new ApiError(409, { type: 'urn:kpi:problem:conflict', detail: '期次 2026-10 已报送，正在等待审核' });
    expect(reported.stale).toBe(false);
    expect(reported.message).toBe('期次 2026-10 已报送，正在等待审核');
  });
});
