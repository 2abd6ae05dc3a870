package fr.refactory.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.ParallelGatewayBuilder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Parallel joins under simultaneous completions: five branches per instance whose jobs
 * are completed side by side (the workers complete without waiting): every instance
 * passes its join exactly once, so the step after the join is done once, and no branch is
 * lost.
 */
@Tag("faults")
class ParallelJoinFaultTest {

	private static final String PROCESS_ID = "faults-parallel-join";

	private static final int BRANCHES = 5;

	private static final int INSTANCES = 200;

	private static BpmnModelInstance fiveBranches() {
		ParallelGatewayBuilder fork = Bpmn.createExecutableProcess(PROCESS_ID).startEvent().parallelGateway("fork");
		fork.serviceTask("branch-1", (t) -> t.zeebeJobType("faults.branch")).parallelGateway("join");
		for (int branch = 2; branch <= BRANCHES; branch++) {
			fork.moveToNode("fork")
				.serviceTask("branch-" + branch, (t) -> t.zeebeJobType("faults.branch"))
				.connectTo("join");
		}
		return fork.moveToNode("join")
			.serviceTask("after-join", (t) -> t.zeebeJobType("faults.after"))
			.endEvent()
			.done();
	}

	@Test
	void shouldPassEveryJoinOnceUnderSimultaneousCompletions() throws Exception {
		Path data = ProductProcess.newDataDirectory("faults-join-");
		try (ProductProcess product = ProductProcess.start("parallel-join", data)) {
			product.awaitHealthy();
			try (Workload load = new Workload(product, fiveBranches(), PROCESS_ID, Duration.ofSeconds(30),
					"faults.branch", "faults.after")) {
				long started = System.nanoTime();
				load.createInstances(INSTANCES, 16, Map.of()).get(3, TimeUnit.MINUTES);
				load.awaitAllFinished(Duration.ofMinutes(3));
				long elapsed = FaultFigures.millisSince(started);

				load.assertNothingLostOrDoneTwice("branch-1", "branch-2", "branch-3", "branch-4", "branch-5",
						"after-join");
				FaultFigures.print("parallel joins (" + INSTANCES + " x " + BRANCHES + " branches)",
						"all done in " + elapsed + " ms, " + load.figures());
			}
		}
	}

}
