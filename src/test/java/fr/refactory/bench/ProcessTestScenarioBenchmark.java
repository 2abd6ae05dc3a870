package fr.refactory.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import fr.refactory.processes.ProcessTestSupport;
import fr.refactory.test.PromptAwaitBehavior;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaAssert;
import io.camunda.process.test.api.assertions.UserTaskSelectors;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static io.camunda.process.test.api.CamundaAssert.assertThat;

/**
 * Wall time of one typical process-test scenario through Camunda Process Test on the
 * embedded engine (start an instance, CPT's completeJob, CPT's completeUserTask,
 * CamundaAssert completed with its variables), after warm-up. Run with
 * {@code ./mvnw verify -Pbench -Dtest=ProcessTestScenarioBenchmark} (optionally
 * {@code -Dbench.scenarios=100
 * -Dbench.warmup=20}); it prints the median and p90 and asserts only that every scenario
 * completed (docs/decisions/0242).
 */
@Tag("benchmark")
class ProcessTestScenarioBenchmark extends ProcessTestSupport {

	private final int scenarios = Integer.getInteger("bench.scenarios", 50);

	private final int warmUp = Integer.getInteger("bench.warmup", 20);

	/**
	 * Interval between two attempts of an assertion or helper wait once the first failed
	 * (process tests: 20 ms, {@link PromptAwaitBehavior}; CPT's default 100 ms);
	 * {@code -Dbench.assertionIntervalMs=100} compares.
	 */
	private final Integer assertionIntervalMs = Integer.getInteger("bench.assertionIntervalMs");

	@Test
	void measureOneProcessTestScenario() {
		String processId = uniqueId("bench-scenario");
		String jobType = uniqueId("bench-check");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent()
			.serviceTask("check", (t) -> t.zeebeJobType(jobType))
			.userTask("approve", (t) -> t.zeebeUserTask())
			.endEvent()
			.done());

		if (this.assertionIntervalMs != null) {
			CamundaAssert.setAssertionInterval(Duration.ofMillis(this.assertionIntervalMs));
		}
		List<Long> micros = new ArrayList<>();
		List<List<Long>> stepMicros = new ArrayList<>();
		for (int step = 0; step < STEPS.length; step++) {
			stepMicros.add(new ArrayList<>());
		}
		for (int i = 0; i < this.warmUp + this.scenarios; i++) {
			long[] steps = new long[STEPS.length + 1];
			runScenario(processId, jobType, i, steps);
			if (i >= this.warmUp) {
				micros.add((steps[STEPS.length] - steps[0]) / 1_000);
				for (int step = 0; step < STEPS.length; step++) {
					stepMicros.get(step).add((steps[step + 1] - steps[step]) / 1_000);
				}
			}
		}

		CamundaAssert.setAssertionInterval(PromptAwaitBehavior.DEFAULT_INTERVAL);
		Collections.sort(micros);
		System.out.printf(
				"%nCPT scenario on the embedded engine (assertion interval %s ms): %d scenarios after %d warm-up;"
						+ " median %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms%n%n",
				this.assertionIntervalMs == null ? PromptAwaitBehavior.DEFAULT_INTERVAL.toMillis()
						: this.assertionIntervalMs,
				micros.size(), this.warmUp, percentile(micros, 50) / 1000.0, percentile(micros, 90) / 1000.0,
				micros.get(0) / 1000.0, micros.get(micros.size() - 1) / 1000.0);
		StringBuilder steps = new StringBuilder("Median per step:");
		for (int step = 0; step < STEPS.length; step++) {
			List<Long> sorted = new ArrayList<>(stepMicros.get(step));
			Collections.sort(sorted);
			steps.append(String.format(" %s %.1f ms;", STEPS[step], percentile(sorted, 50) / 1000.0));
		}
		System.out.printf("%s%n%n", steps);
	}

	private static final String[] STEPS = { "start", "completeJob", "completeUserTask", "assert" };

	/**
	 * Runs the scenario, writing System.nanoTime() before each step and at the end into
	 * {@code at}.
	 */
	private void runScenario(String processId, String jobType, int run, long[] at) {
		at[0] = System.nanoTime();
		ProcessInstanceEvent instance = start(processId, Map.of("run", run));
		at[1] = System.nanoTime();
		this.processTestContext.completeJob(jobType, Map.of("checked", true));
		at[2] = System.nanoTime();
		this.processTestContext.completeUserTask(
				UserTaskSelectors.byElementId("approve", instance.getProcessInstanceKey()), Map.of("approved", true));
		at[3] = System.nanoTime();
		assertThat(instance).isCompleted().hasVariables(Map.of("run", run, "checked", true, "approved", true));
		at[4] = System.nanoTime();
	}

	private static long percentile(List<Long> sorted, int percent) {
		int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, index));
	}

}
