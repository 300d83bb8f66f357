// What the services answer when something is wrong: RFC 9457 problem+json, turned into an error
// the pages can show in plain Chinese next to the field it concerns.

/** One error: a request field, or a cell of an imported spreadsheet. */
export interface ProblemError {
  field?: string;
  row?: number;
  column?: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: ProblemError[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(describe(status, problem));
    this.status = status;
    this.problem = problem;
  }

  /** The message for one field, if the service named it. */
  field(name: string): string | undefined {
    return this.fields[name];
  }

  /** The messages by field, for showing each next to its input. */
  get fields(): Record<string, string> {
    const fields: Record<string, string> = {};
    for (const error of this.problem.errors ?? []) {
      if (error.field && !(error.field in fields)) {
        fields[error.field] = error.message;
      }
    }
    return fields;
  }

  /** The errors that name a spreadsheet cell (a ledger import). */
  get cells(): ProblemError[] {
    return (this.problem.errors ?? []).filter((error) => error.row !== undefined);
  }

  get notFound(): boolean {
    return this.status === 404;
  }

  /**
   * Whether the page acted on an outdated copy: a stale version, a missing or failed precondition,
   * or a transition someone else's change has made illegal. Reloading is the way on; other
   * conflicts (a period already reported) are said as they are.
   */
  get stale(): boolean {
    const kind = this.problem.type ?? '';
    return this.status === 412 || this.status === 428
      || (this.status === 409 && (kind.endsWith(':stale-version') || kind.endsWith(':illegal-transition')));
  }
}

/** The sentence a user reads for a failed request. */
export function describe(status: number, problem: Problem): string {
  if (status === 404) {
    return '不存在或无权查看';
  }
  if (status === 403) {
    return problem.detail || '无权执行此操作';
  }
  if (status === 401) {
    return '登录已过期，请重新登录';
  }
  if (status >= 500) {
    return problem.status && problem.title ? `${problem.title}：${problem.detail ?? ''}` : '服务暂时出错，请稍后重试';
  }
  return problem.detail || problem.title || `请求失败（${status}）`;
}
