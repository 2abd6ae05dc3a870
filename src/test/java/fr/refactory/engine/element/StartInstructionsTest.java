package fr.refactory.engine.element;

import java.util.Map;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Process-instance creation with start instructions: start before given elements instead
 * of the start event.
 */
class StartInstructionsTest extends EngineTestSupport {

	private String deployRework() {
		String processId = uniqueId("start-instructions");
		deploy(Bpmn.createExecutableProcess(processId)
			.eventSubProcess("recall",
					(esp) -> esp.startEvent("recalled")
						.message((m) -> m.name("recall-" + processId).zeebeCorrelationKeyExpression("vin"))
						.endEvent("recallEnd"))
			.startEvent("start")
			.userTask("register", (t) -> t.zeebeUserTask())
			.subProcess("repair",
					(s) -> s.embeddedSubProcess()
						.startEvent("repairStart")
						.userTask("diagnose", (t) -> t.zeebeUserTask())
						.userTask("fix", (t) -> t.zeebeUserTask())
						.endEvent("repairEnd"))
			.userTask("release", (t) -> t.zeebeUserTask())
			.endEvent("done")
			.moveToActivity("release")
			.boundaryEvent("late", (b) -> b.timerWithDuration("P1D"))
			.endEvent("lateEnd")
			.done());
		return processId;
	}

	@Test
	void shouldStartBeforeAnElementInsideASubprocessAndBeforeATopLevelOne() {
		String processId = deployRework();

		long instance = this.client.newCreateInstanceCommand()
			.bpmnProcessId(processId)
			.latestVersion()
			.variables(Map.of("vin", "VF1START"))
			.startBeforeElement("fix")
			.startBeforeElement("release")
			.send()
			.join()
			.getProcessInstanceKey();

		assertThat(history(instance)).containsExactlyInAnyOrder("repair:ACTIVE", "fix:ACTIVE", "release:ACTIVE");
		completeUserTask(instance, "fix");
		assertThat(history(instance)).contains("fix:COMPLETED", "repairEnd:COMPLETED", "repair:COMPLETED",
				"release:ACTIVE");
		assertThat(history(instance)).filteredOn((e) -> e.startsWith("release")).hasSize(2);
		completeUserTask(instance, "release");
		completeUserTask(instance, "release");
		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(history(instance)).noneMatch((e) -> e.startsWith("start:") || e.startsWith("register")
				|| e.startsWith("diagnose") || e.startsWith("repairStart"));
	}

	@Test
	void shouldKeepTheProcessEventSubprocessesArmedWhenStartedElsewhere() {
		String processId = deployRework();
		long instance = this.client.newCreateInstanceCommand()
			.bpmnProcessId(processId)
			.latestVersion()
			.variables(Map.of("vin", "VF1RECALL"))
			.startBeforeElement("diagnose")
			.send()
			.join()
			.getProcessInstanceKey();

		publish("recall-" + processId, "VF1RECALL", Map.of());

		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(history(instance)).contains("diagnose:TERMINATED", "repair:TERMINATED", "recalled:COMPLETED");
	}

	@Test
	void shouldStartAProcessWithoutANoneStartEventAtAGivenElement() {
		String processId = uniqueId("start-instructions-message-only");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("ordered")
			.message("order-" + processId)
			.userTask("handle", (t) -> t.zeebeUserTask())
			.endEvent()
			.done());

		long instance = this.client.newCreateInstanceCommand()
			.bpmnProcessId(processId)
			.latestVersion()
			.startBeforeElement("handle")
			.send()
			.join()
			.getProcessInstanceKey();

		assertThat(history(instance)).containsExactly("handle:ACTIVE");
	}

	@Test
	void shouldRejectElementsThatCannotBeStartedOnTheirOwnNamingThem() {
		String processId = deployRework();
		String multiInstance = uniqueId("start-instructions-mi");
		deploy(Bpmn.createExecutableProcess(multiInstance)
			.startEvent()
			.subProcess("perItem",
					(s) -> s.multiInstance((m) -> m.zeebeInputCollectionExpression("items"))
						.embeddedSubProcess()
						.startEvent()
						.userTask("inspectItem", (t) -> t.zeebeUserTask())
						.endEvent())
			.endEvent()
			.done());

		for (String[] rejected : new String[][] { { processId, "late" }, { processId, "recallEnd" },
				{ processId, "nowhere" }, { multiInstance, "inspectItem" } }) {
			var problem = problem(() -> this.client.newCreateInstanceCommand()
				.bpmnProcessId(rejected[0])
				.latestVersion()
				.startBeforeElement(rejected[1])
				.send()
				.join(), 400);
			assertThat(problem.details().getDetail()).contains("'" + rejected[1] + "'");
		}
		assertThat(this.client.newProcessInstanceSearchRequest()
			.filter((f) -> f.processDefinitionId(processId))
			.send()
			.join()
			.items()).as("a rejected creation leaves nothing behind").isEmpty();
	}

}
