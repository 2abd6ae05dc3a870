package fr.refactory.plant.erp;

import java.math.BigDecimal;

/**
 * Amounts in EUR with two decimals.
 *
 * @param marketValueEur the ERP's market valuation of the vehicle; {@code null} when it
 * has none (D3 VALUE_MISSING)
 */
public record CostEstimate(String subjectKey, BigDecimal labourEur, BigDecimal partsEur, BigDecimal totalEur,
		BigDecimal marketValueEur) {
}
