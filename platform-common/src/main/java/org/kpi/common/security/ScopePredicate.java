package org.kpi.common.security;

import jakarta.persistence.Query;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * "What may this caller see" as SQL: one condition for a native query, with its named
 * parameters. Every list, export and count builds its scope condition here (through
 * {@link Scope#paths} and {@link Scope#units} for the caller), so the rule is written once.
 *
 * <p>A subtree is a byte-wise range on a materialised-path column, {@code [path, path')} where
 * {@code path'} ends in the character after {@code /}: unlike {@code LIKE :param}, the pattern
 * operators {@code ~>=~ ~<~} use the {@code varchar_pattern_ops} indexes even in the generic plan
 * of a prepared statement, and need no escaping of {@code %} or {@code _} in codes.
 */
public final class ScopePredicate {

    private static final ScopePredicate EVERYTHING = new ScopePredicate("true", Map.of());
    private static final ScopePredicate NOTHING = new ScopePredicate("false", Map.of());

    private final String sql;
    private final Map<String, Object> parameters;

    private ScopePredicate(String sql, Map<String, Object> parameters) {
        this.sql = sql;
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** Every row. */
    public static ScopePredicate everything() {
        return EVERYTHING;
    }

    /** No row. */
    public static ScopePredicate nothing() {
        return NOTHING;
    }

    /** A condition of a feature's own (a department's own tasks, say), to combine with the others. */
    public static ScopePredicate of(String sql, Map<String, Object> parameters) {
        return new ScopePredicate("(" + sql + ")", parameters);
    }

    /**
     * What a caller whose subtree is {@code subtreePath} ({@link Scope#EVERYTHING} for an admin)
     * sees among rows carrying materialised paths: those with any of {@code pathColumns} in the
     * subtree. {@code name} prefixes the parameters, so several predicates can share a query.
     */
    public static ScopePredicate visiblePaths(String subtreePath, String name, String... pathColumns) {
        if (Scope.EVERYTHING.equals(subtreePath)) {
            return EVERYTHING;
        }
        return anyOf(Arrays.stream(pathColumns).map(column -> range(column, name)).toList(), subtreePath, name);
    }

    /**
     * What a caller whose subtree is {@code subtreePath} ({@link Scope#EVERYTHING} for an admin)
     * sees among rows carrying org-unit codes: those with any of {@code codeColumns} naming a unit
     * of the subtree, looked up in {@code org_unit}.
     */
    public static ScopePredicate visibleUnits(String subtreePath, String name, String... codeColumns) {
        if (Scope.EVERYTHING.equals(subtreePath)) {
            return EVERYTHING;
        }
        String units = "select " + name + "_u.code from org_unit " + name + "_u where "
                + range(name + "_u.path", name);
        return anyOf(Arrays.stream(codeColumns).map(column -> column + " in (" + units + ")").toList(),
                subtreePath, name);
    }

    /** Rows whose {@code pathColumn} lies in the subtree at {@code path} (a filter, whoever asks). */
    public static ScopePredicate pathWithin(String pathColumn, String path, String name) {
        return visiblePaths(path, name, pathColumn);
    }

    /** Rows whose {@code codeColumn} names a unit in the subtree at {@code path} (a filter, whoever asks). */
    public static ScopePredicate unitWithin(String codeColumn, String path, String name) {
        return visibleUnits(path, name, codeColumn);
    }

    /** Rows matching this or {@code other}. */
    public ScopePredicate or(ScopePredicate other) {
        if (this == EVERYTHING || other == NOTHING) {
            return this;
        }
        if (other == EVERYTHING || this == NOTHING) {
            return other;
        }
        return new ScopePredicate("(" + sql + " or " + other.sql + ")", merged(other));
    }

    /** Rows matching this and {@code other}. */
    public ScopePredicate and(ScopePredicate other) {
        if (this == NOTHING || other == EVERYTHING) {
            return this;
        }
        if (other == NOTHING || this == EVERYTHING) {
            return other;
        }
        return new ScopePredicate("(" + sql + " and " + other.sql + ")", merged(other));
    }

    /** The condition, in parentheses unless it is {@code true} or {@code false}. */
    public String sql() {
        return sql;
    }

    /** The named parameters the condition uses. */
    public Map<String, Object> parameters() {
        return parameters;
    }

    /** Adds this predicate's parameters to {@code params}; a name bound to another value is a bug. */
    public String addTo(Map<String, Object> params) {
        parameters.forEach((key, value) -> {
            Object previous = params.putIfAbsent(key, value);
            if (previous != null && !previous.equals(value)) {
                throw new IllegalArgumentException("Parameter :" + key + " is bound twice");
            }
        });
        return sql;
    }

    /** Binds this predicate's parameters on {@code query}. */
    public <Q extends Query> Q bind(Q query) {
        parameters.forEach(query::setParameter);
        return query;
    }

    @Override
    public String toString() {
        return sql + " " + parameters;
    }

    private static String range(String column, String name) {
        return "(" + column + " ~>=~ :" + name + "From and " + column + " ~<~ :" + name + "To)";
    }

    private static ScopePredicate anyOf(List<String> conditions, String path, String name) {
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("No column to scope");
        }
        if (path == null || !path.startsWith("/") || !path.endsWith("/")) {
            throw new IllegalArgumentException("Not a materialised path: " + path);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put(name + "From", path);
        params.put(name + "To", path.substring(0, path.length() - 1) + (char) ('/' + 1));
        String sql = conditions.size() == 1 ? conditions.get(0)
                : conditions.stream().collect(Collectors.joining(" or ", "(", ")"));
        return new ScopePredicate(sql, params);
    }

    private Map<String, Object> merged(ScopePredicate other) {
        Map<String, Object> params = new LinkedHashMap<>(parameters);
        other.addTo(params);
        return params;
    }
}
