package fr.refactory.console.models;

import java.math.BigDecimal;

/**
 * One threshold of a decision table, as its parameters decision holds it in the version
 * in force: an output column of {@code <decision>-parameters} (ADR 0324).
 *
 * @param decisionId the parameters decision, e.g. {@code battery-disposition-parameters}
 * @param decisionKey the key of the version in force
 * @param version the version in force (of the whole DRG file: every decision in it gets
 * the same new version)
 * @param name the output name the rules read, e.g. {@code sohReuseMinPct}
 * @param meaning the output label without its unit
 * @param unit the unit from the label's last parentheses
 * @param value the value in force, as written in the table
 * @param min lowest sane value (the output's allowed values), or {@code null}
 * @param max highest sane value, or {@code null}
 */
public record DecisionParameter(String decisionId, long decisionKey, int version, String name, String meaning,
		String unit, String value, BigDecimal min, BigDecimal max) {

	/**
	 * The DMN file that holds the parameters decision: the decision it parameterises
	 * ({@code decisions/README}).
	 */
	public String file() {
		return decisionId.substring(0, decisionId.length() - DecisionParameters.SUFFIX.length()) + ".dmn";
	}

	public String range() {
		return (min == null || max == null) ? "" : min.toPlainString() + " to " + max.toPlainString();
	}

}
