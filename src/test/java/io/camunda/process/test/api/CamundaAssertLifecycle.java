package io.camunda.process.test.api;

import io.camunda.process.test.impl.assertions.CamundaDataSource;

/**
 * Opens CamundaAssert's package-private lifecycle (initialize, reset, await behaviour) to
 * our own process-test extension, as CPT's JUnit extension and Spring listener use it
 * from this package. Our code, not CPT's; check it on every CPT upgrade.
 */
public final class CamundaAssertLifecycle {

	private CamundaAssertLifecycle() {
	}

	public static void initialize(CamundaDataSource dataSource) {
		CamundaAssert.initialize(dataSource);
	}

	public static void reset() {
		CamundaAssert.reset();
	}

	public static CamundaAssertAwaitBehavior awaitBehavior() {
		return CamundaAssert.getAwaitBehavior();
	}

}
