package fr.refactory.plant.mes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The operations booked on a work order, with the hours booked and the labour rate of the
 * trade that did them.
 *
 * @param workOrderId the work order the hours were booked on
 */
public record BookedOperations(String workOrderId, List<Operation> operations) {

	public BigDecimal labourCostEur() {
		return this.operations.stream().map(Operation::costEur).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	public double hours() {
		return this.operations.stream().mapToDouble(Operation::hours).sum();
	}

	/**
	 * @param trade MECHANICS, BODYWORK or PAINT (see {@link LabourEstimate.Operation})
	 * @param hourlyRateEur the trade's labour rate in the MES master data when the hours
	 * were booked
	 */
	public record Operation(String code, String trade, double hours, BigDecimal hourlyRateEur) {

		public BigDecimal costEur() {
			return this.hourlyRateEur.multiply(BigDecimal.valueOf(this.hours)).setScale(2, RoundingMode.HALF_UP);
		}

	}

}
