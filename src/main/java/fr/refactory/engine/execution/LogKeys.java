package fr.refactory.engine.execution;

import org.slf4j.MDC;

/**
 * The keys the engine's log lines carry in the MDC while it processes an element or a job
 * (ADR 1304), the names the job workers use too: {@code processInstanceKey},
 * {@code elementId}, {@code jobKey}. A few map writes per step, no formatting but the
 * key's decimal text.
 */
public final class LogKeys {

	public static final String PROCESS_INSTANCE_KEY = "processInstanceKey";

	public static final String ELEMENT_ID = "elementId";

	public static final String JOB_KEY = "jobKey";

	private LogKeys() {
	}

	/** While a step of an element instance runs. */
	public static Scope element(long processInstanceKey, String elementId) {
		return new Scope(PROCESS_INSTANCE_KEY, Long.toString(processInstanceKey), ELEMENT_ID, elementId);
	}

	/** While a job command runs. */
	public static Scope job(long jobKey) {
		return new Scope(JOB_KEY, Long.toString(jobKey), null, null);
	}

	/** Puts its keys, and on close puts back what was there before (scopes nest). */
	public static final class Scope implements AutoCloseable {

		private final String firstKey;

		private final String firstBefore;

		private final String secondKey;

		private final String secondBefore;

		private Scope(String firstKey, String firstValue, String secondKey, String secondValue) {
			this.firstKey = firstKey;
			this.firstBefore = MDC.get(firstKey);
			MDC.put(firstKey, firstValue);
			this.secondKey = secondKey;
			this.secondBefore = (secondKey != null) ? MDC.get(secondKey) : null;
			if (secondKey != null) {
				MDC.put(secondKey, secondValue);
			}
		}

		@Override
		public void close() {
			restore(this.firstKey, this.firstBefore);
			if (this.secondKey != null) {
				restore(this.secondKey, this.secondBefore);
			}
		}

		private static void restore(String key, String before) {
			if (before == null) {
				MDC.remove(key);
			}
			else {
				MDC.put(key, before);
			}
		}

	}

}
