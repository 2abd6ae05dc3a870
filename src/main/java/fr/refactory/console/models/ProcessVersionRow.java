package fr.refactory.console.models;

/**
 * One deployed version of a process, with how many instances still run on it and the key
 * of the version before it ({@code null} for the first), which the page compares it with.
 */
public record ProcessVersionRow(long key, String processId, String name, int version, String resourceName,
		long runningInstances, Long previousVersionKey) {
}
