package fr.refactory.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of the product under load, then a single {@code java -jar}-like start on the
 * same data directory and port: that start is healthy at once (the PostgreSQL left
 * running is stopped first, ADR 0254), and every instance completes with each step done
 * once; the workers' clients only see the product away for a while.
 */
@Tag("faults")
class CrashRestartFaultTest {

	static final String PROCESS_ID = "faults-three-steps";

	static final String JOB_TYPE = "faults.step";

	static final String[] STEPS = { "step-1", "step-2", "step-3" };

	private static final int INSTANCES = 200;

	static BpmnModelInstance threeSteps() {
		return Bpmn.createExecutableProcess(PROCESS_ID)
			.startEvent()
			.serviceTask(STEPS[0], (t) -> t.zeebeJobType(JOB_TYPE))
			.serviceTask(STEPS[1], (t) -> t.zeebeJobType(JOB_TYPE))
			.serviceTask(STEPS[2], (t) -> t.zeebeJobType(JOB_TYPE))
			.endEvent()
			.done();
	}

	@Test
	void shouldStartOnceAfterKill9UnderLoadAndCompleteEveryInstanceOnce() throws Exception {
		Path data = ProductProcess.newDataDirectory("faults-kill9-");
		ProductProcess first = ProductProcess.start("kill9-first", data);
		first.awaitHealthy();
		try (Workload load = new Workload(first, threeSteps(), PROCESS_ID, Duration.ofSeconds(10), JOB_TYPE)) {
			CompletableFuture<Void> creating = load.createInstances(INSTANCES, 8, Map.of());
			FaultFigures.await("a third of the instances acknowledged", Duration.ofMinutes(2),
					() -> load.acknowledgedInstances.size() >= INSTANCES / 3);

			long killed = System.nanoTime();
			first.kill();
			long started = System.nanoTime();
			try (ProductProcess restarted = ProductProcess.start("kill9-restart", data, first.port())) {
				restarted.awaitHealthy();
				long restartMillis = FaultFigures.millisSince(started);
				long downtimeMillis = FaultFigures.millisSince(killed);

				creating.get(3, TimeUnit.MINUTES);
				load.awaitAllFinished(Duration.ofMinutes(3));
				load.assertNothingLostOrDoneTwice(STEPS);
				FaultFigures.print("kill -9 under load", "downtime " + downtimeMillis + " ms, restart (one start) "
						+ restartMillis + " ms, " + load.figures());
				assertThat(restarted.logText()).as("the server left running by the killed product was stopped first")
					.contains("was left running in");
			}
		}
		finally {
			first.close();
		}
	}

}
