package org.kpi.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.Test;
import org.kpi.common.json.JsonCustomizer;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonCustomizerTest {

    record Dated(String title, LocalDate due, BigDecimal value) {
    }

    enum Kind { TALK, NOTICE_CRITICISM, ADMONITION, ACCOUNTABILITY }

    record Counted(Kind kind, Integer percent, String description, String leadUnitCode) {
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

    @Test
    void numbersAreNotEnumConstantsFractionsNotIntegersAndOneBodyIsOneDocument() throws Exception {
        ObjectMapper mapper = mapper();
        assertEquals(Kind.ACCOUNTABILITY, mapper.readValue("{\"kind\":\"ACCOUNTABILITY\"}", Counted.class).kind());
        assertThrows(InvalidFormatException.class, () -> mapper.readValue("{\"kind\":3}", Counted.class));
        assertThrows(InvalidFormatException.class, () -> mapper.readValue("{\"kind\":\"3\"}", Counted.class));
        assertEquals(40, mapper.readValue("{\"percent\":40}", Counted.class).percent());
        assertThrows(MismatchedInputException.class, () -> mapper.readValue("{\"percent\":1.5}", Counted.class));
        assertThrows(MismatchedInputException.class, () -> mapper.readValue("{\"percent\":1} {\"percent\":2}",
                Counted.class));
    }

    @Test
    void controlAndBidiCharactersAreRefusedWhileFreeTextKeepsLineBreaks() throws Exception {
        ObjectMapper mapper = mapper();
        assertEquals("第一段\n\t第二段",
                mapper.readValue("{\"description\":\"第一段\\n\\t第二段\"}", Counted.class).description());
        assertThrows(InvalidFormatException.class,
                () -> mapper.readValue("{\"description\":\"a\\u202Eb\"}", Counted.class));
        assertThrows(InvalidFormatException.class,
                () -> mapper.readValue("{\"description\":\"a\\u001bb\"}", Counted.class));
        assertThrows(InvalidFormatException.class,
                () -> mapper.readValue("{\"title\":\"a\\nb\"}", Dated.class));
        InvalidFormatException code = assertThrows(InvalidFormatException.class,
                () -> mapper.readValue("{\"leadUnitCode\":\"A1\\u2066\"}", Counted.class));
        assertEquals("leadUnitCode", code.getPath().get(0).getFieldName());
        assertEquals("A1<U+2066>", code.getValue());
    }
}
