package fr.refactory.plant.eol;

/**
 * @param subjectType VEHICLE or PART
 * @param programme e.g. BRAKE_ROLLER_ROAD or EMOTOR_EOL
 */
public record TestRequest(String subjectType, String subjectKey, String programme, String benchId) {
}
