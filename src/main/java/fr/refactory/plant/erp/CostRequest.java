package fr.refactory.plant.erp;

import java.util.List;

public record CostRequest(String subjectKey, double labourHours, List<CostLine> parts) {

	public record CostLine(String partNumber, int quantity) {
	}

}
