package fr.refactory.engine.element;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Escalation intermediate throw and end events, caught by escalation boundary events of
 * an enclosing subprocess (exact code before catch-all, interrupting or not); an uncaught
 * escalation is no incident.
 */
class EscalationEventTest extends EngineTestSupport {

	@Test
	void shouldContinueAfterAnUncaughtEscalationWithoutAnIncident() {
		String processId = uniqueId("escalation-uncaught");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent()
			.intermediateThrowEvent("raise", (e) -> e.escalation("LATE"))
			.userTask("next", (t) -> t.zeebeUserTask())
			.endEvent()
			.done());

		long instance = start(processId);

		assertThat(history(instance)).endsWith("raise:COMPLETED", "next:ACTIVE");
		assertThat(incidents(instance)).isEmpty();
	}

	@Test
	void shouldCompleteAtAnUncaughtEscalationEndEvent() {
		String processId = uniqueId("escalation-end-uncaught");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent()
			.endEvent("escalate", (e) -> e.escalation("LATE"))
			.done());

		long instance = start(processId);

		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(incidents(instance)).isEmpty();
	}

	@Test
	void shouldInterruptTheSubprocessWhoseBoundaryEventCatchesTheEscalationCode() {
		String processId = uniqueId("escalation-boundary");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent()
			.subProcess("inspection",
					(s) -> s.embeddedSubProcess()
						.startEvent()
						.parallelGateway("fork")
						.userTask("measure", (t) -> t.zeebeUserTask())
						.endEvent()
						.moveToNode("fork")
						.endEvent("tooDamaged", (e) -> e.escalation("=\"SCRAP\"")))
			.endEvent("inspected")
			.moveToActivity("inspection")
			.boundaryEvent("anyEscalation", (b) -> b.escalation())
			.endEvent("escalatedOther")
			.moveToActivity("inspection")
			.boundaryEvent("scrap", (b) -> b.escalation("SCRAP"))
			.userTask("scrapIt", (t) -> t.zeebeUserTask())
			.endEvent()
			.done());

		long instance = start(processId);

		assertThat(history(instance)).contains("measure:TERMINATED", "inspection:TERMINATED", "scrap:COMPLETED",
				"scrapIt:ACTIVE");
		assertThat(history(instance)).noneMatch((entry) -> entry.startsWith("anyEscalation"));
		assertThat(incidents(instance)).isEmpty();
	}

	@Test
	void shouldLetTheThrowerContinueWhenANonInterruptingBoundaryEventCatchesIt() {
		String processId = uniqueId("escalation-boundary-keep");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent()
			.subProcess("inspection",
					(s) -> s.embeddedSubProcess()
						.startEvent()
						.intermediateThrowEvent("late", (e) -> e.escalation("LATE"))
						.userTask("measure", (t) -> t.zeebeUserTask())
						.endEvent())
			.endEvent()
			.moveToActivity("inspection")
			.boundaryEvent("notifyLate", (b) -> b.cancelActivity(false).escalation("LATE"))
			.userTask("informSupervisor", (t) -> t.zeebeUserTask())
			.endEvent()
			.done());

		long instance = start(processId);

		assertThat(history(instance)).contains("late:COMPLETED", "measure:ACTIVE", "inspection:ACTIVE",
				"notifyLate:COMPLETED", "informSupervisor:ACTIVE");
	}

	@Test
	void shouldRejectAFeelEscalationCodeOnACatchEvent() {
		String processId = uniqueId("escalation-feel-catch");
		ProblemException problem = problem(() -> deploy(Bpmn.createExecutableProcess(processId)
			.startEvent()
			.subProcess("work", (s) -> s.embeddedSubProcess().startEvent().endEvent())
			.endEvent()
			.moveToActivity("work")
			.boundaryEvent("caught", (b) -> b.escalation("=code"))
			.endEvent()
			.done()), 400);

		assertThat(problem.details().getDetail()).contains("escalation catch event")
			.contains("not allowed to be an expression");
	}

}
