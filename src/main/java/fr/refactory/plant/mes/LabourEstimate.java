package fr.refactory.plant.mes;

import java.util.List;

public record LabourEstimate(String subjectKey, List<Operation> operations, double totalStandardHours) {

	public record Operation(String code, double standardHours) {
	}

}
