package org.kpi.common.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
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

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * JSON as the clients expect it: decimals without the storage scale's trailing zeros
 * ({@code 110}, not {@code 110.0000}) and never in exponent notation. And JSON as the database
 * can take it: text with a NUL character and dates outside the years 1900–2999 are refused as
 * bad input (400 naming the field) instead of failing in PostgreSQL.
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
        // the JSR-310 module first (a later duplicate registration is ignored), so ours come after it and win
        mapper.registerModule(new JavaTimeModule());
        SimpleModule module = new SimpleModule("kpi-decimals");
        module.addSerializer(BigDecimal.class, new PlainDecimalSerializer());
        module.addDeserializer(String.class, new NulFreeStringDeserializer());
        module.addDeserializer(LocalDate.class, new BoundedDateDeserializer());
        mapper.registerModule(module);
    }

    static final class NulFreeStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw InvalidFormatException.from(p, "text contains NUL", value.replace('\u0000', '?'), String.class);
            }
            return value;
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
