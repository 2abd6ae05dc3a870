package fr.refactory.console.models;

/** One deployed version of a process, with how many instances still run on it. */
public record ProcessVersionRow(long key, String processId, String name, int version, String resourceName,
		long runningInstances) {
}
