package fr.refactory.plant.wms;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The parts the stores issued to a work order: its picks, and what the stores counter
 * booked out to it directly (consumables, fasteners).
 */
public record IssuedParts(String workOrderId, List<Line> lines) {

	public BigDecimal partsCostEur() {
		return this.lines.stream().map(Line::costEur).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/**
	 * @param unitCostEur the part's standard cost in the WMS when it was issued
	 */
	public record Line(String partNumber, int quantity, String lot, BigDecimal unitCostEur) {

		public BigDecimal costEur() {
			return this.unitCostEur.multiply(BigDecimal.valueOf(this.quantity)).setScale(2, RoundingMode.HALF_UP);
		}

	}

}
