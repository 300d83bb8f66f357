// The Chinese names of the API's enumerations, in one place.

export const TASK_STATUS: Record<string, string> = {
  DRAFT: '草稿',
  ASSIGNED: '已交办',
  IN_PROGRESS: '办理中',
  CLOSURE_REQUESTED: '申请办结',
  CLOSED: '已销号',
  CANCELLED: '已撤销',
};

export const COLOUR: Record<string, string> = { BLUE: '蓝', YELLOW: '黄', RED: '红' };

export const INVOLVEMENT: Record<string, string> = { LEAD: '牵头', CO: '配合', ANY: '牵头或配合' };

export const CADENCE: Record<string, string> = { NONE: '不定期', WEEKLY: '每周（周调度）', MONTHLY: '每月（月汇总）' };

export const SUPERVISION_LEVEL: Record<string, string> = {
  NOTICE: '提醒',
  URGE: '催办',
  SUPERVISE: '督办',
  LISTED: '挂牌督办',
};

export const ACCOUNTABILITY_KIND: Record<string, string> = {
  TALK: '约谈',
  NOTICE_CRITICISM: '通报批评',
  ADMONITION: '诫勉',
  ACCOUNTABILITY: '问责',
};

/** What an audit entry says was done (全程留痕). */
export const AUDIT_ACTION: Record<string, string> = {
  create: '创建',
  update: '修改',
  assign: '交办',
  report: '填报进展',
  attach: '上传附件',
  'request-closure': '申请办结',
  return: '退回',
  close: '销号',
  reopen: '重新打开',
  cancel: '撤销',
  'complete-milestone': '完成节点',
  issue: '下发督办单',
  respond: '反馈督办单',
  'sign-for': '签收',
  reassign: '改派',
};

/** The assessor's rating on closure (满意度). */
export const RATING: Record<string, string> = {
  SATISFIED: '满意',
  BASICALLY_SATISFIED: '基本满意',
  UNSATISFIED: '不满意',
};

export const REASSIGNMENT_STATUS: Record<string, string> = { PENDING: '待审核', GRANTED: '已同意', REFUSED: '已拒绝' };

export const INSTRUCTION_STATUS: Record<string, string> = { PENDING: '待分解', IN_PROGRESS: '办理中', DONE: '已办结' };

/** A task's source as people read it: a leader instruction is named as such, a plan by its title. */
export function sourceLabel(source?: string | null): string {
  return source === 'LEADER_INSTRUCTION' ? '领导批示' : (source ?? '');
}

/** The task list's sort keys, as the API names them. */
export const TASK_SORTS: Record<string, string> = {
  dueDate: '截止日期',
  nextDueDate: '下一节点',
  createdAt: '创建时间',
  updatedAt: '更新时间',
  title: '标题',
};

/** A business date (Asia/Shanghai) as the API sends it, shown as 2026年11月24日 on request. */
export function formatDate(date?: string | null): string {
  return date ? date : '—';
}

/** A timestamp in Asia/Shanghai, whatever the browser's zone. */
export function formatTime(timestamp?: string | null): string {
  if (!timestamp) {
    return '—';
  }
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  })
    .format(new Date(timestamp))
    .replace(/\//g, '-');
}

/** Assessment components (考核项). */
export const COMPONENT: Record<string, string> = {
  TARGET_COMPLETION: '目标完成',
  STRETCH_BONUS: '力争目标',
  TASK_ON_TIME: '任务按期办结',
  OVERDUE_DAYS: '任务逾期',
  SUPERVISION_ORDERS: '被督办',
  LATE_RESPONSES: '督办反馈逾期',
  ACCOUNTABILITY: '问责',
  SATISFACTION: '满意度',
  ADJUSTMENTS: '加减分',
};

export const APPEAL_STATUS: Record<string, string> = { PENDING: '待审核', ACCEPTED: '已采纳', REJECTED: '已驳回' };

/** The periods an assessment is run for in a year. */
export function assessmentPeriods(year: number): { value: string; label: string }[] {
  return [
    { value: `${year}`, label: `${year} 年全年` },
    { value: `${year}-H1`, label: `${year} 年上半年` },
    { value: `${year}-H2`, label: `${year} 年下半年` },
    ...[1, 2, 3, 4].map((q) => ({ value: `${year}-Q${q}`, label: `${year} 年第${'一二三四'[q - 1]}季度` })),
  ];
}
