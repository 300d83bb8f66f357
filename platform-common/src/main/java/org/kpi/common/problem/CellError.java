package org.kpi.common.problem;

/**
 * One bad cell of an imported spreadsheet.
 *
 * @param row     the row number as the spreadsheet shows it (the header is row 1)
 * @param column  the column's header
 * @param message what is wrong, in the users' language
 */
public record CellError(int row, String column, String message) {
}
