package org.kpi.common.web;

/**
 * A requested page of a list: {@code page} from 0, {@code size} from 1 to {@value #MAX_SIZE}.
 * Anything else is a 400 problem naming the parameter.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Deep pages beyond this are refused: filter instead of scrolling a million rows. */
    public static final int MAX_PAGE = 100_000;

    public static PageRequest of(String page, String size) {
        return new PageRequest(
                (int) QueryParams.longValue("page", page, 0, 0, MAX_PAGE),
                (int) QueryParams.longValue("size", size, DEFAULT_SIZE, 1, MAX_SIZE));
    }

    public int offset() {
        return page * size;
    }
}
