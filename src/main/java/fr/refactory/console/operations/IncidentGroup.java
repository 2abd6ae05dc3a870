package fr.refactory.console.operations;

import java.util.List;

/**
 * Open incidents of one error type at one element of one process: what one plant outage
 * typically leaves behind.
 *
 * @param instanceKeys the instances holding them, which the group's batch selects (and
 * nothing else)
 */
record IncidentGroup(String processDefinitionId, String elementId, String errorType, String sampleMessage,
		List<Long> instanceKeys, int incidents) {

	/**
	 * Names the group in a form, so the page never sends a list of instances it might
	 * have read long ago.
	 */
	public String id() {
		return this.processDefinitionId + "|" + this.elementId + "|" + this.errorType;
	}

}
