package fr.refactory.audit;

/**
 * One engine event of an instance as the auditor reads it: when, who caused it, on which
 * element, what happened.
 */
record EventRow(long position, String timestamp, String actor, String valueType, String intent, String elementId,
		String variables) {

}
