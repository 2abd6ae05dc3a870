package fr.refactory.engine.element;

import java.util.Map;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BPMN errors thrown by job workers and error end events, caught by error boundary events
 * by code or catch-all, through subprocess scopes and call activities; uncaught errors
 * become incidents.
 */
class ErrorEventTest extends EngineTestSupport {

	private String taskWithErrorBoundaries(String type) {
		String processId = uniqueId("error-boundary");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.serviceTask("test", (t) -> t.zeebeJobType(type))
			.boundaryEvent("failed", (b) -> b.error("HV_TEST_FAILED"))
			.userTask("retest", (t) -> t.zeebeUserTask())
			.moveToActivity("test")
			.boundaryEvent("anyError", (b) -> b.error())
			.endEvent("scrapped")
			.moveToActivity("test")
			.endEvent("passed")
			.done());
		return processId;
	}

	@Test
	void shouldCatchAJobErrorByItsCodeAndSetTheErrorVariables() {
		String type = uniqueId("hv-test");
		String processId = taskWithErrorBoundaries(type);
		long instance = start(processId);
		ActivatedJob job = activateOne(type);

		this.client.newThrowErrorCommand(job.getKey())
			.errorCode("HV_TEST_FAILED")
			.errorMessage("insulation below threshold")
			.variables(Map.of("insulationMOhm", 0.4))
			.send()
			.join();

		assertThat(history(instance)).containsExactly("start:COMPLETED", "test:TERMINATED", "failed:COMPLETED",
				"retest:ACTIVE");
		assertThat(rootVariables(instance)).containsEntry("insulationMOhm", "0.4");
		assertThat(incidents(instance)).isEmpty();
		problem(() -> this.client.newCompleteCommand(job.getKey()).send().join(), 404);
	}

	@Test
	void shouldCatchAnyOtherCodeWithTheCatchAllBoundaryEvent() {
		String type = uniqueId("hv-test");
		String processId = taskWithErrorBoundaries(type);
		long instance = start(processId);

		this.client.newThrowErrorCommand(activateOne(type).getKey()).errorCode("BENCH_ON_FIRE").send().join();

		assertThat(history(instance)).containsExactly("start:COMPLETED", "test:TERMINATED", "anyError:COMPLETED",
				"scrapped:COMPLETED");
		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
	}

	@Test
	void shouldRaiseAnIncidentWhenNoBoundaryEventCatchesTheCode() {
		String type = uniqueId("vin-check");
		String processId = uniqueId("error-uncaught");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.serviceTask("check", (t) -> t.zeebeJobType(type))
			.boundaryEvent("invalid", (b) -> b.error("VIN_INVALID"))
			.endEvent("rejected")
			.moveToActivity("check")
			.endEvent("done")
			.done());
		long instance = start(processId);

		this.client.newThrowErrorCommand(activateOne(type).getKey()).errorCode("MASTER_DATA_NOT_FOUND").send().join();

		assertThat(incidents(instance)).singleElement().satisfies((incident) -> {
			assertThat(incident.getErrorType().name()).isEqualTo("UNHANDLED_ERROR_EVENT");
			assertThat(incident.getElementId()).isEqualTo("check");
			assertThat(incident.getErrorMessage()).contains("MASTER_DATA_NOT_FOUND");
		});
		assertThat(history(instance)).containsExactly("start:COMPLETED", "check:ACTIVE");
	}

	@Test
	void shouldPropagateAJobErrorUpThroughNestedSubprocesses() {
		String type = uniqueId("inner-work");
		String processId = uniqueId("error-nested");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.subProcess("outer",
					(outer) -> outer.embeddedSubProcess()
						.startEvent("outerStart")
						.subProcess("inner",
								(inner) -> inner.embeddedSubProcess()
									.startEvent("innerStart")
									.serviceTask("work", (t) -> t.zeebeJobType(type))
									.endEvent("innerEnd"))
						.endEvent("outerEnd"))
			.boundaryEvent("outerFailed", (b) -> b.error("KIT_DAMAGED"))
			.endEvent("returned")
			.moveToActivity("outer")
			.endEvent("done")
			.done());
		long instance = start(processId);

		this.client.newThrowErrorCommand(activateOne(type).getKey()).errorCode("KIT_DAMAGED").send().join();

		assertThat(history(instance)).containsExactly("start:COMPLETED", "outer:TERMINATED", "outerStart:COMPLETED",
				"inner:TERMINATED", "innerStart:COMPLETED", "work:TERMINATED", "outerFailed:COMPLETED",
				"returned:COMPLETED");
		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
	}

	@Test
	void shouldThrowFromAnErrorEndEventWithAFeelCodeToTheSubprocessBoundary() {
		String processId = uniqueId("error-end");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.subProcess("check",
					(s) -> s.embeddedSubProcess()
						.startEvent("checkStart")
						.endEvent("fail", (e) -> e.errorExpression("\"HV_\" + outcome")))
			.boundaryEvent("hvFailed", (b) -> b.error("HV_TEST_FAILED").zeebeOutputExpression("outcome", "failure"))
			.endEvent("quarantined")
			.moveToActivity("check")
			.endEvent("done")
			.done());

		long instance = start(processId, Map.of("outcome", "TEST_FAILED"));

		assertThat(history(instance)).containsExactly("start:COMPLETED", "check:TERMINATED", "checkStart:COMPLETED",
				"fail:TERMINATED", "hvFailed:COMPLETED", "quarantined:COMPLETED");
		assertThat(rootVariables(instance)).containsEntry("failure", "\"TEST_FAILED\"");
	}

	@Test
	void shouldRaiseAnIncidentAtAnUncaughtErrorEndEvent() {
		String processId = uniqueId("error-end-uncaught");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("start")
			.endEvent("fail", (e) -> e.error("LOST"))
			.done());

		long instance = start(processId);

		assertThat(incidents(instance)).singleElement().satisfies((incident) -> {
			assertThat(incident.getErrorType().name()).isEqualTo("UNHANDLED_ERROR_EVENT");
			assertThat(incident.getElementId()).isEqualTo("fail");
		});
		assertThat(state(instance)).isEqualTo(ProcessInstanceState.ACTIVE);
	}

	@Test
	void shouldCatchAnErrorOfTheCalledProcessAtTheCallActivity() {
		String type = uniqueId("child-work");
		String childId = uniqueId("error-child");
		String parentId = uniqueId("error-parent");
		deploy(Bpmn.createExecutableProcess(childId)
			.startEvent()
			.serviceTask("childWork", (t) -> t.zeebeJobType(type))
			.endEvent()
			.done());
		deploy(Bpmn.createExecutableProcess(parentId)
			.startEvent("start")
			.callActivity("call", (c) -> c.zeebeProcessId(childId))
			.boundaryEvent("childFailed", (b) -> b.error("HABILITATION_MISSING"))
			.userTask("resolve", (t) -> t.zeebeUserTask())
			.moveToActivity("call")
			.endEvent("done")
			.done());
		long parent = start(parentId);
		ActivatedJob job = activateOne(type);

		this.client.newThrowErrorCommand(job.getKey())
			.errorCode("HABILITATION_MISSING")
			.variables(Map.of("missing", "B2XL"))
			.send()
			.join();

		assertThat(history(parent)).containsExactly("start:COMPLETED", "call:TERMINATED", "childFailed:COMPLETED",
				"resolve:ACTIVE");
		assertThat(rootVariables(parent)).containsEntry("missing", "\"B2XL\"");
		assertThat(state(job.getProcessInstanceKey())).isEqualTo(ProcessInstanceState.TERMINATED);
		assertThat(history(job.getProcessInstanceKey())).contains("childWork:TERMINATED");
	}

}
