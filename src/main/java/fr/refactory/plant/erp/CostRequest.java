package fr.refactory.plant.erp;

import java.time.LocalDate;
import java.util.List;

/**
 * @param firstRegistrationDate for the market valuation; {@code null} when unknown
 */
public record CostRequest(String subjectKey, double labourHours, List<CostLine> parts,
		LocalDate firstRegistrationDate) {

	public record CostLine(String partNumber, int quantity) {
	}

}
