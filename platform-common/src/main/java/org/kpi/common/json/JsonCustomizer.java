package org.kpi.common.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import org.kpi.common.web.QueryParams;
import org.kpi.common.web.TextRules;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * JSON as the clients expect it: decimals without the storage scale's trailing zeros
 * ({@code 110}, not {@code 110.0000}) and never in exponent notation. And JSON as the database
 * can take it: text with a NUL, another control or a bidirectional-override character and dates
 * outside the years 1900–2999 are refused as bad input (400 naming the field) instead of failing
 * in PostgreSQL or misleading a reader. Numbers are not enum constants, fractions not integers,
 * and a body holds one JSON document.
 */
@Singleton
public class JsonCustomizer implements ObjectMapperCustomizer {

    /** Applied last, so these (de)serializers win over the JSR-310 module's own. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        // a number is not an enum constant (3 is not ACCOUNTABILITY), 1.5 is not an integer, and a
        // body is one JSON document: anything after it is refused rather than ignored
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // the JSR-310 module first (a later duplicate registration is ignored), so ours come after it and win
        mapper.registerModule(new JavaTimeModule());
        SimpleModule module = new SimpleModule("kpi-decimals");
        module.addSerializer(BigDecimal.class, new PlainDecimalSerializer());
        module.addDeserializer(String.class, new CleanTextDeserializer());
        module.addDeserializer(LocalDate.class, new BoundedDateDeserializer());
        mapper.registerModule(module);
    }

    /**
     * Text as the database and every reader can take it: a NUL is refused everywhere; so are other
     * control characters (tabs and line breaks excepted in free text) and the bidirectional
     * controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) that make a name read
     * differently from what it is. Codes, names and titles ({@link TextRules#isSingleLine}) take no
     * tab or line break either. Refused, not stripped, so the client learns which field is wrong.
     */
    static final class CleanTextDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (value == null) {
                return null;
            }
            String problem = TextRules.problemWith(value, TextRules.isSingleLine(fieldName(p)));
            if (problem != null) {
                throw InvalidFormatException.from(p, problem, TextRules.visible(value), String.class);
            }
            return value;
        }

        /** The JSON field the string is the value of, or of the array it is in. */
        private static String fieldName(JsonParser p) {
            JsonStreamContext context = p.getParsingContext();
            while (context != null) {
                if (context.getCurrentName() != null) {
                    return context.getCurrentName();
                }
                context = context.getParent();
            }
            return null;
        }
    }

    /** ISO dates through the JSR-310 deserializer (delegated to: it re-creates itself per property), then bounded. */
    static final class BoundedDateDeserializer extends StdDeserializer<LocalDate> {

        BoundedDateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            LocalDate value = LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
            if (value != null && (value.getYear() < QueryParams.MIN_YEAR || value.getYear() > QueryParams.MAX_YEAR)) {
                throw InvalidFormatException.from(p, "date out of range", value.toString(), LocalDate.class);
            }
            return value;
        }
    }

    static final class PlainDecimalSerializer extends StdSerializer<BigDecimal> {

        PlainDecimalSerializer() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            BigDecimal stripped = value.stripTrailingZeros();
            if (stripped.scale() < 0) {
                stripped = stripped.setScale(0);
            }
            gen.writeNumber(stripped.toPlainString());
        }
    }
}
