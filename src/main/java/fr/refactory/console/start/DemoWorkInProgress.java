package fr.refactory.console.start;

import java.util.Map;

/**
 * Demo work already on the shop floor when the demo plant opens: an instance of a process
 * that another process normally calls, created with the variables its caller passes,
 * started at the step the work has reached ({@code startBeforeElement}, or at its none
 * start when {@code null}). ADR 0404.
 */
public record DemoWorkInProgress(String scenario, String processId, String subjectType, String subjectKey,
		String startBeforeElement, Map<String, Object> variables) {
}
