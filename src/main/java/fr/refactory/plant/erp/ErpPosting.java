package fr.refactory.plant.erp;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One posting to the ERP.
 *
 * @param amountEur the amount, or {@code null} for postings without one (shipments,
 * closing)
 * @param details the kind's own fields, e.g. {@code creditPct}, {@code recycler},
 * {@code hulkMassKg}
 */
public record ErpPosting(Kind kind, String subjectKey, BigDecimal amountEur, Map<String, Object> details) {

	public enum Kind {

		CORE_CREDIT("CC"), REMAN_COST("RC"), SCRAP_COST("SC"), WARRANTY_RECORD("WR"), RECYCLING_SHIPMENT("RS"),
		SHREDDER_SHIPMENT("SS"), MATERIAL_BALANCE("MB"), CLOSE_ORDER("CO"), ACTUAL_COSTS("AC");

		private final String prefix;

		Kind(String prefix) {
			this.prefix = prefix;
		}

		/** The prefix of the document numbers of this kind. */
		public String prefix() {
			return this.prefix;
		}

	}

}
