package org.kpi.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.junit.jupiter.api.Test;
import org.kpi.common.json.JsonCustomizer;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonCustomizerTest {

    record Dated(String title, LocalDate due, BigDecimal value) {
    }

    static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        new JsonCustomizer().customize(mapper);
        return mapper;
    }

    @Test
    void decimalsLoseTheirStorageScale() throws Exception {
        assertEquals("{\"title\":\"x\",\"due\":null,\"value\":110}",
                mapper().writeValueAsString(new Dated("x", null, new BigDecimal("110.0000"))));
    }

    @Test
    void datesOutsideTheYearsAndNulTextAreBadInput() throws Exception {
        ObjectMapper mapper = mapper();
        assertEquals(LocalDate.of(2026, 12, 31), mapper.readValue("{\"due\":\"2026-12-31\"}", Dated.class).due());
        assertThrows(InvalidFormatException.class, () -> mapper.readValue("{\"due\":\"+9999999-01-01\"}", Dated.class));
        assertThrows(InvalidFormatException.class, () -> mapper.readValue("{\"due\":\"1899-12-31\"}", Dated.class));
        assertThrows(InvalidFormatException.class, () -> mapper.readValue("{\"title\":\"a\\u0000b\"}", Dated.class));
    }
}
