package fr.refactory.plant.mes;

/**
 * @param type INTAKE, DIAGNOSIS, RENEW, BODYWORK, RETROFIT, REMAN, BATTERY, DISMANTLE or
 * REWORK
 * @param subjectType VEHICLE, BATTERY or PART
 * @param subjectKey VIN, battery id or part id
 * @param processInstanceKey the BPMN instance the work belongs to
 * @param parentWorkOrderId the order being reworked, or {@code null}
 */
public record WorkOrderRequest(String type, String subjectType, String subjectKey, long processInstanceKey,
		String parentWorkOrderId) {
}
