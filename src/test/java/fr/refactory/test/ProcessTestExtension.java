package fr.refactory.test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.function.Supplier;

import io.camunda.client.CamundaClient;
import io.camunda.process.test.api.CamundaAssert;
import io.camunda.process.test.api.CamundaAssertLifecycle;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.impl.coverage.ProcessCoverage;
import io.camunda.process.test.impl.testresult.CamundaProcessTestResultCollector;
import io.camunda.process.test.impl.testresult.CamundaProcessTestResultPrinter;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * What CPT's JUnit extension does for a process test, on the shared Spring context:
 * before each test a fresh {@link CamundaClient} and the
 * {@link CamundaProcessTestContext} go into the test's fields of those types and
 * {@link CamundaAssert} reads through that client; after each test coverage is collected,
 * the state of the test's process instances is printed if it failed, mocked job workers
 * are closed and the engine clock is reset; after the class the coverage report is
 * written (by default to {@code target/coverage-report}). Unlike CPT's extension it does
 * not purge the engine (docs/decisions/0241): tests keep apart through unique process ids
 * and instance keys.
 */
public class ProcessTestExtension
		implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

	private static final Logger LOG = LoggerFactory.getLogger(ProcessTestExtension.class);

	private static final Namespace NAMESPACE = Namespace.create(ProcessTestExtension.class);

	private static final String COVERAGE = "coverage";

	private static final String RESULTS = "results";

	private ProcessTestRuntime runtime;

	private TestRunDataSource currentRun;

	@Override
	public void beforeAll(ExtensionContext context) {
		this.runtime = ProcessTestRuntime.of(SpringExtension.getApplicationContext(context));
		ProcessCoverage coverage = ProcessCoverage.newBuilder()
			.testClass(context.getRequiredTestClass())
			.dataSource(() -> this.currentRun)
			.reportDirectory(this.runtime.coverageReportDirectory())
			.excludeProcessDefinitionIds(this.runtime.coverageExcludedProcesses())
			.printStream(LOG::info)
			.build();
		context.getStore(NAMESPACE).put(COVERAGE, coverage);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		CamundaProcessTestContext processTestContext = this.runtime.context();
		CamundaClient client = processTestContext.createClient();
		this.currentRun = TestRunDataSource.startingNow(client, processTestContext.getCurrentTime());
		CamundaAssertLifecycle.initialize(this.currentRun);
		context.getStore(NAMESPACE).put(RESULTS, new CamundaProcessTestResultCollector(this.currentRun));
		Object test = context.getRequiredTestInstance();
		inject(test, CamundaClient.class, () -> client);
		inject(test, CamundaProcessTestContext.class, () -> processTestContext);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		try {
			context.getStore(NAMESPACE)
				.get(COVERAGE, ProcessCoverage.class)
				.collectTestRunCoverage(context.getDisplayName());
		}
		catch (RuntimeException ex) {
			LOG.warn("Process coverage of {} not collected", context.getDisplayName(), ex);
		}
		if (context.getExecutionException().isPresent()) {
			printProcessInstances(context);
		}
		CamundaAssertLifecycle.reset();
		this.runtime.closeClients();
		// a moved clock would fire the next test's timers early: failing to reset it must
		// fail the test
		this.runtime.management().resetTime();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		try {
			context.getStore(NAMESPACE).get(COVERAGE, ProcessCoverage.class).reportCoverage();
		}
		catch (RuntimeException ex) {
			LOG.warn("Process coverage report of {} not written", context.getDisplayName(), ex);
		}
	}

	private static void printProcessInstances(ExtensionContext context) {
		try {
			new CamundaProcessTestResultPrinter(LOG::info)
				.print(context.getStore(NAMESPACE).get(RESULTS, CamundaProcessTestResultCollector.class).collect());
		}
		catch (RuntimeException ex) {
			LOG.warn("Process instances of the failed test not printed", ex);
		}
	}

	private static <T> void inject(Object test, Class<T> type, Supplier<T> value) {
		for (Class<?> c = test.getClass(); c != Object.class; c = c.getSuperclass()) {
			for (Field field : c.getDeclaredFields()) {
				if (!Modifier.isStatic(field.getModifiers()) && field.getType() == type) {
					try {
						field.setAccessible(true);
						field.set(test, value.get());
					}
					catch (IllegalAccessException ex) {
						throw new IllegalStateException("Cannot inject " + type.getSimpleName() + " into " + field, ex);
					}
				}
			}
		}
	}

}
