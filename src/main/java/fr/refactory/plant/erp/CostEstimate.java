package fr.refactory.plant.erp;

import java.math.BigDecimal;

/** Amounts in EUR with two decimals. */
public record CostEstimate(String subjectKey, BigDecimal labourEur, BigDecimal partsEur, BigDecimal totalEur) {
}
