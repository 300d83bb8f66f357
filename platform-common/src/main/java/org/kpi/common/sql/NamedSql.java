package org.kpi.common.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement written with {@code :name} parameters (as {@link org.kpi.common.security.ScopePredicate}
 * writes them) prepared on a plain JDBC connection, for the paths that skip Hibernate. A collection
 * value expands to one placeholder per element; {@code ::type} casts are left alone. Each text is
 * split at its parameters once (the hot paths build the same few texts again and again).
 */
public record NamedSql(List<String> segments, List<String> names) {

    private static final Pattern NAMED = Pattern.compile("(?<![:\\w]):(\\w+)");
    private static final int CACHE_LIMIT = 1_000;
    private static final Map<String, NamedSql> PARSED = new ConcurrentHashMap<>();

    /** {@code sql} split at its named parameters. */
    public static NamedSql of(String sql) {
        NamedSql parsed = PARSED.get(sql);
        if (parsed == null) {
            List<String> segments = new ArrayList<>();
            List<String> names = new ArrayList<>();
            Matcher named = NAMED.matcher(sql);
            int from = 0;
            while (named.find()) {
                segments.add(sql.substring(from, named.start()));
                names.add(named.group(1));
                from = named.end();
            }
            segments.add(sql.substring(from));
            parsed = new NamedSql(List.copyOf(segments), List.copyOf(names));
            if (PARSED.size() >= CACHE_LIMIT) {
                PARSED.clear();
            }
            PARSED.put(sql, parsed);
        }
        return parsed;
    }

    /** {@code sql} prepared on {@code connection} with {@code parameters} bound; a missing value is a bug. */
    public static PreparedStatement prepare(Connection connection, String sql, Map<String, ?> parameters)
            throws SQLException {
        NamedSql named = of(sql);
        List<Object> values = new ArrayList<>();
        StringBuilder positional = new StringBuilder(named.segments().get(0));
        for (int i = 0; i < named.names().size(); i++) {
            String name = named.names().get(i);
            if (!parameters.containsKey(name)) {
                throw new IllegalArgumentException("No value for :" + name);
            }
            Object value = parameters.get(name);
            if (value instanceof Collection<?> many) {
                positional.append(String.join(", ", Collections.nCopies(many.size(), "?")));
                values.addAll(many);
            } else {
                positional.append('?');
                values.add(value);
            }
            positional.append(named.segments().get(i + 1));
        }
        PreparedStatement statement = connection.prepareStatement(positional.toString());
        try {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
        return statement;
    }
}
