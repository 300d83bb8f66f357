package org.kpi.common.web;

/**
 * A requested page of a list: {@code page} from 0, {@code size} from 1 to {@value #MAX_SIZE}.
 * Anything else is a 400 problem naming the parameter ({@link PageParams}).
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Deep pages beyond this are refused: filter instead of scrolling a million rows. */
    public static final int MAX_PAGE = 100_000;

    public int offset() {
        return page * size;
    }
}
