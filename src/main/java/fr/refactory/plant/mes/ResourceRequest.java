package fr.refactory.plant.mes;

import java.util.List;

/**
 * @param resourceType e.g. DIAGNOSTIC_BENCH, BATTERY_TEST_BENCH, CAPACITY_CYCLER,
 * EOL_BENCH
 * @param resourceId a specific resource, or {@code null} for any of the type
 * @param unavailableResourceIds resources of the type that just reported themselves
 * unavailable: the MES offers another one
 */
public record ResourceRequest(String resourceType, String resourceId, String subjectKey,
		List<String> unavailableResourceIds) {

	public ResourceRequest {
		unavailableResourceIds = (unavailableResourceIds == null) ? List.of() : List.copyOf(unavailableResourceIds);
	}

	public ResourceRequest(String resourceType, String resourceId, String subjectKey) {
		this(resourceType, resourceId, subjectKey, List.of());
	}

}
