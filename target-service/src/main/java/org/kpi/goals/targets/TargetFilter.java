package org.kpi.goals.targets;

import org.kpi.goals.progress.Colour;

/** Filters of the target list; null means "any". */
public record TargetFilter(Integer year, String orgUnit, String indicator, Colour colour, String responsibleUnit) {
}
