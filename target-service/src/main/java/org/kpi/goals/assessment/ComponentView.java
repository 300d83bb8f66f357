package org.kpi.goals.assessment;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.Map;

/** A component of a stored rulebook, as it is read back (parameters not given are {@code null}). */
@Schema(description = "考核项及其参数 · A component and its parameters")
public record ComponentView(Component component, String label,
                            @Schema(nullable = true) String mode,
                            @Schema(nullable = true) BigDecimal weight,
                            @Schema(nullable = true) Map<String, BigDecimal> weights,
                            @Schema(nullable = true) Map<String, BigDecimal> points,
                            @Schema(nullable = true) BigDecimal perDay,
                            @Schema(nullable = true) BigDecimal cap) {

    static ComponentView of(RuleComponent c) {
        return new ComponentView(c.component(), c.displayLabel(), c.mode(), c.weight(), c.weights(), c.points(),
                c.perDay(), c.cap());
    }
}
