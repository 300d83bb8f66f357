package org.kpi.target.targets;

import org.kpi.target.progress.Colour;

/** Filters of the target list; null means "any". */
public record TargetFilter(Integer year, String orgUnit, String indicator, Colour colour, String responsibleUnit) {
}
