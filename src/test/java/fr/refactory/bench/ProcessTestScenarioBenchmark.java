package fr.refactory.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import fr.refactory.processes.ProcessTestSupport;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaAssert;
import io.camunda.process.test.api.assertions.UserTaskSelectors;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static io.camunda.process.test.api.CamundaAssert.assertThat;

/**
 * Wall time of one typical process-test scenario through Camunda Process Test on the embedded engine (start an
 * instance, CPT's completeJob, CPT's completeUserTask, CamundaAssert completed with its variables), after warm-up.
 * Run with {@code ./mvnw verify -Pbench -Dtest=ProcessTestScenarioBenchmark} (optionally {@code -Dbench.scenarios=100
 * -Dbench.warmup=20}); it prints the median and p90 and asserts only that every scenario completed
 * (docs/decisions/0242).
 */
@Tag("benchmark")
class ProcessTestScenarioBenchmark extends ProcessTestSupport {

	private final int scenarios = Integer.getInteger("bench.scenarios", 50);

	private final int warmUp = Integer.getInteger("bench.warmup", 20);

	/**
	 * CPT polls every assertion and helper wait at its assertion interval (100 ms by default), which puts a floor under
	 * a scenario that does not come from the runtime; {@code -Dbench.assertionIntervalMs=10} shows the engine's part.
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
		for (int i = 0; i < this.warmUp + this.scenarios; i++) {
			long started = System.nanoTime();
			runScenario(processId, jobType, i);
			if (i >= this.warmUp) {
				micros.add((System.nanoTime() - started) / 1_000);
			}
		}

		CamundaAssert.setAssertionInterval(CamundaAssert.DEFAULT_ASSERTION_INTERVAL);
		Collections.sort(micros);
		System.out.printf("%nCPT scenario on the embedded engine (assertion interval %s ms): %d scenarios after %d warm-up;"
				+ " median %.1f ms, p90 %.1f ms, min %.1f ms, max %.1f ms%n%n",
				this.assertionIntervalMs == null ? "100 (CPT default)" : this.assertionIntervalMs, micros.size(),
				this.warmUp, percentile(micros, 50) / 1000.0,
				percentile(micros, 90) / 1000.0, micros.get(0) / 1000.0, micros.get(micros.size() - 1) / 1000.0);
	}

	private void runScenario(String processId, String jobType, int run) {
		ProcessInstanceEvent instance = start(processId, Map.of("run", run));
		this.processTestContext.completeJob(jobType, Map.of("checked", true));
		this.processTestContext.completeUserTask(
				UserTaskSelectors.byElementId("approve", instance.getProcessInstanceKey()), Map.of("approved", true));
		assertThat(instance).isCompleted().hasVariables(Map.of("run", run, "checked", true, "approved", true));
	}

	private static long percentile(List<Long> sorted, int percent) {
		int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, index));
	}

}
