package org.kpi.common.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * Typed query parameters ({@code Integer}, {@code Long}, {@code Boolean}, {@code LocalDate}, enums)
 * that fail as the platform's 400 problem naming the parameter, in the users' language, instead of
 * the 404 JAX-RS gives for a failed conversion. A blank value is no value. Ranges come from the
 * parameter's {@code @Min}/{@code @Max}, the same annotations that put them in the OpenAPI document.
 */
@Provider
public class QueryParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = null;
        long min = Long.MIN_VALUE;
        long max = Long.MAX_VALUE;
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                name = query.value();
            } else if (annotation instanceof Min lower) {
                min = lower.value();
            } else if (annotation instanceof Max upper) {
                max = upper.value();
            }
        }
        if (name == null) {
            return null;
        }
        String param = name;
        long lowest = min;
        long highest = max;
        if (rawType == Integer.class) {
            long intMin = Math.max(lowest, Integer.MIN_VALUE);
            long intMax = Math.min(highest, Integer.MAX_VALUE);
            return (ParamConverter<T>) converter(raw -> QueryParams.optionalInt(param, raw, (int) intMin, (int) intMax));
        }
        if (rawType == Long.class) {
            return (ParamConverter<T>) converter(raw -> raw == null || raw.isBlank() ? null
                    : QueryParams.longValue(param, raw, 0, lowest, highest));
        }
        if (rawType == Boolean.class) {
            return (ParamConverter<T>) converter(raw -> QueryParams.optionalBoolean(param, raw));
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(raw -> QueryParams.optionalDate(param, raw));
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            return (ParamConverter<T>) converter(raw -> QueryParams.optionalEnum(param, raw, type));
        }
        return null;
    }

    private static <V> ParamConverter<V> converter(Function<String, V> parse) {
        return new ParamConverter<>() {
            @Override
            public V fromString(String value) {
                return parse.apply(value);
            }

            @Override
            public String toString(V value) {
                return value == null ? null : value.toString();
            }
        };
    }
}
