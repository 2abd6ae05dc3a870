package fr.refactory.workers.quality;

import java.util.List;
import java.util.Map;

/**
 * One check of the control plan: a row of D12 {@code required-checks} (ADR 0310). Limits are empty where the bench
 * programme or another decision table (D4b, listed in {@code conformityFailureCodes}) judges the result.
 */
record ControlPlanCheck(String checkCode, String controlPlanVersion, boolean safetyCharacteristic, boolean regulatory,
		Double lowerLimit, Double upperLimit, String unit, String failureSeverity, String reworkInstruction,
		List<String> conformityFailureCodes) {

	/** A row of the decision result; a bare check code (an older gate instance) has no characteristics. */
	static ControlPlanCheck of(Object row) {
		if (!(row instanceof Map<?, ?> map)) {
			return new ControlPlanCheck(String.valueOf(row), null, false, false, null, null, null, null, null, List.of());
		}
		return new ControlPlanCheck(text(map.get("checkCode")), text(map.get("controlPlanVersion")),
				Boolean.TRUE.equals(map.get("safetyCharacteristic")), Boolean.TRUE.equals(map.get("regulatory")),
				number(map.get("lowerLimit")), number(map.get("upperLimit")), text(map.get("unit")),
				text(map.get("failureSeverity")), text(map.get("reworkInstruction")),
				(map.get("conformityFailureCodes") instanceof List<?> codes)
						? codes.stream().map(String::valueOf).toList() : List.of());
	}

	/** §4 D11: a failed check "flagged safety/regulatory in the control plan". */
	boolean safetyOrRegulatory() {
		return this.safetyCharacteristic || this.regulatory;
	}

	boolean hasLimits() {
		return this.lowerLimit != null || this.upperLimit != null;
	}

	boolean within(double value) {
		return (this.lowerLimit == null || value >= this.lowerLimit)
				&& (this.upperLimit == null || value <= this.upperLimit);
	}

	boolean decidedByConformity() {
		return !this.conformityFailureCodes.isEmpty();
	}

	boolean hasReworkInstruction() {
		return this.reworkInstruction != null && !this.reworkInstruction.isBlank();
	}

	private static String text(Object value) {
		return (value == null) ? null : value.toString();
	}

	private static Double number(Object value) {
		return (value instanceof Number n) ? n.doubleValue() : null;
	}

}
