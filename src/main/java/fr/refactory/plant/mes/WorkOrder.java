package fr.refactory.plant.mes;

/**
 * @param status CREATED, RELEASED, IN_PROGRESS, ON_HOLD, QUALITY, CLOSED or CANCELLED
 */
public record WorkOrder(String workOrderId, String type, String subjectKey, String status) {
}
