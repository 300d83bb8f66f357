package org.kpi.common.ledger;

import org.kpi.common.problem.CellError;
import org.kpi.common.problem.ProblemException;
import org.kpi.common.problem.ProblemKind;

import java.util.List;

/**
 * The answers every ledger import and export gives, so both ledgers refuse the same things with
 * the same status and the same {@code errors[{row, column, message}]} shape:
 * <ul>
 *     <li>not an .xlsx workbook (or a password-protected one): 400 {@code malformed-body};</li>
 *     <li>a file or a sheet over the caps of {@link LedgerLimits}: 413 {@code payload-too-large}
 *     naming the cap;</li>
 *     <li>bad cells: 422 {@code unprocessable} listing every one of them;</li>
 *     <li>rows edited since they were exported: 409 {@code stale-version} listing them;</li>
 *     <li>an export with more rows than the cap: 422 asking to narrow the filter.</li>
 * </ul>
 */
public final class LedgerProblems {

    /** The header of the column that carries each exported row's version (版本). */
    public static final String VERSION_COLUMN = "版本";

    private static final long MIB = 1024L * 1024L;

    private LedgerProblems() {
    }

    public static ProblemException notAWorkbook() {
        return new ProblemException(ProblemKind.MALFORMED_BODY, "文件不是有效的 .xlsx 工作簿");
    }

    public static ProblemException encrypted() {
        return new ProblemException(ProblemKind.MALFORMED_BODY, "工作簿设有密码保护，请取消密码后再导入");
    }

    public static ProblemException fileTooLarge(long maxBytes) {
        return new ProblemException(ProblemKind.PAYLOAD_TOO_LARGE, "文件大小超过上限 " + size(maxBytes) + "，请拆分后再导入");
    }

    public static ProblemException tooManyRows(int maxRows) {
        return new ProblemException(ProblemKind.PAYLOAD_TOO_LARGE,
                "一次最多导入 " + maxRows + " 行数据，请拆分成多个文件");
    }

    /** An export that would hold more than {@code maxRows} rows: refused, never cut short. */
    public static ProblemException exportTooLarge(int maxRows) {
        return new ProblemException(ProblemKind.UNPROCESSABLE,
                "符合条件的数据超过导出上限 " + maxRows + " 行，请缩小筛选范围后再导出");
    }

    /** A workbook rejected as a whole: every bad cell, by row and column. */
    public static ProblemException invalidCells(List<CellError> errors) {
        return ProblemException.invalidCells(errors);
    }

    /** Rows whose object was edited after the export they come from; nothing was imported. */
    public static ProblemException staleRows(List<CellError> errors) {
        return new ProblemException(ProblemKind.STALE_VERSION, errors.size()
                + " 行数据在导出后已被修改，整个文件未导入；请重新导出最新台账后再修改", errors);
    }

    /** The cell error of one stale row. */
    public static CellError staleRow(int row, long exported, long current) {
        return new CellError(row, VERSION_COLUMN, "导出时版本为 " + exported + "，当前版本为 " + current
                + "，此行在导出后已被修改");
    }

    /** The cell error of one stale row, when the current version is not known. */
    public static CellError staleRow(int row, long exported) {
        return new CellError(row, VERSION_COLUMN, "导出时版本为 " + exported + "，此行在导出后已被修改");
    }

    /** Whether {@code e} is a refusal because the object changed since it was read. */
    public static boolean isStale(ProblemException e) {
        return e.problem().type().endsWith(":" + ProblemKind.STALE_VERSION.slug());
    }

    private static String size(long bytes) {
        return bytes % MIB == 0 ? bytes / MIB + " MiB" : bytes + " 字节";
    }
}
