package fr.refactory.engine.element;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.command.ProblemException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.builder.ProcessBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Link intermediate throw and catch events: a jump to the catch event with the same name
 * in the same scope.
 */
class LinkEventTest extends EngineTestSupport {

	@Test
	void shouldContinueAtTheLinkCatchEventWithTheSameName() {
		String processId = uniqueId("link");
		ProcessBuilder process = Bpmn.createExecutableProcess(processId);
		process.startEvent().intermediateThrowEvent("goToRework").link("rework");
		process.linkCatchEvent("reworkEntry").link("rework").userTask("rework", (t) -> t.zeebeUserTask()).endEvent();
		process.linkCatchEvent("unusedEntry").link("other").endEvent("unusedEnd");
		deploy(process.done());

		long instance = start(processId);

		assertThat(history(instance)).endsWith("goToRework:COMPLETED", "reworkEntry:COMPLETED", "rework:ACTIVE");
		assertThat(history(instance)).noneMatch((entry) -> entry.startsWith("unused"));
	}

	@Test
	void shouldRejectALinkThrowWithoutACatchInItsScope() {
		String processId = uniqueId("link-missing");
		ProcessBuilder process = Bpmn.createExecutableProcess(processId);
		process.startEvent().intermediateThrowEvent("goNowhere").link("nowhere");
		process.linkCatchEvent("somewhereElse").link("elsewhere").endEvent();

		ProblemException problem = problem(() -> deploy(process.done()), 400);

		assertThat(problem.details().getDetail()).contains("model.bpmn").contains("'nowhere'");
	}

}
