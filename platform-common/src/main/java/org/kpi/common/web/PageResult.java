package org.kpi.common.web;

import java.util.List;
import java.util.function.Function;

/** The list shape every endpoint returns: {@code {"items": [...], "page", "size", "total"}}. */
public record PageResult<T>(List<T> items, int page, int size, long total) {

    public static <T> PageResult<T> of(List<T> items, PageRequest request, long total) {
        return new PageResult<>(items, request.page(), request.size(), total);
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
