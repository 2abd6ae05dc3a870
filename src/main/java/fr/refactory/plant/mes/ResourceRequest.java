package fr.refactory.plant.mes;

/**
 * @param resourceType e.g. DIAGNOSTIC_BENCH, BATTERY_TEST_BENCH, EOL_BENCH
 * @param resourceId a specific resource, or {@code null} for any of the type
 */
public record ResourceRequest(String resourceType, String resourceId, String subjectKey) {
}
