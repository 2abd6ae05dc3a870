package fr.refactory.plant.mes;

import java.util.List;

public record LabourRequest(String subjectKey, List<String> operationCodes) {
}
