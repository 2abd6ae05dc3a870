package fr.refactory.engine;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #19: one model must not stop the engine. A runaway regular expression or a FEEL
 * memory bomb becomes an incident of its own instance, through the real client; other
 * processes' timers keep firing and the next instance still runs.
 */
class BoundedEvaluationTest extends EngineTestSupport {

	private static final String RUNAWAY_MATCH = "matches(\"" + "a".repeat(60) + "!\", \"^(.*a){10}$\")";

	@Test
	void aTimerStartedRunawayRegularExpressionBecomesAnIncidentAndOtherTimersStillFire() {
		String waiting = uniqueId("timer-pt2s");
		deploy(Bpmn.createExecutableProcess(waiting)
			.startEvent()
			.intermediateCatchEvent("wait", (e) -> e.timerWithDuration("PT2S"))
			.endEvent()
			.done());
		String stalling = uniqueId("timer-stall");
		deploy(Bpmn.createExecutableProcess(stalling)
			.startEvent("at")
			.timerWithDate(Instant.now().toString())
			.scriptTask("spin", (t) -> t.zeebeExpression(RUNAWAY_MATCH).zeebeResultVariable("r"))
			.endEvent()
			.done());
		long other = start(waiting);

		long stalled = await().atMost(Duration.ofMinutes(1)).until(() -> instanceOf(stalling), (key) -> key != null);
		Incident incident = await().atMost(Duration.ofMinutes(1))
			.until(() -> incidents(stalled), (found) -> !found.isEmpty())
			.get(0);
		assertThat(incident.getElementId()).isEqualTo("spin");
		assertThat(incident.getErrorType().name()).isEqualTo("EXTRACT_VALUE_ERROR");
		assertThat(incident.getErrorMessage()).contains("time budget")
			.contains("refactory.engine.evaluation.time-budget");
		await().atMost(Duration.ofMinutes(1)).until(() -> state(other) == ProcessInstanceState.COMPLETED);
		assertThat(history(other)).contains("wait:COMPLETED");
	}

	@Test
	void aRunawayRegularExpressionStartedOverTheApiAnswersWithAnIncident() {
		long key = startScript(RUNAWAY_MATCH);

		assertThat(incidents(key)).singleElement().satisfies((incident) -> {
			assertThat(incident.getErrorType().name()).isEqualTo("EXTRACT_VALUE_ERROR");
			assertThat(incident.getErrorMessage()).contains("time budget");
		});
	}

	@Test
	void theFeelMemoryBombsBecomeIncidentsAndTheNextInstanceRuns() throws Exception {
		for (String bomb : List.of("for i in 1..100000000 return i", "count(for i in 1..100000000 return i)",
				"string join(for i in 1..10000000 return \"xxxxxxxxxx\")")) {
			long key = startScript(bomb);
			assertThat(incidents(key)).as(bomb).singleElement().satisfies((incident) -> {
				assertThat(incident.getErrorType().name()).isEqualTo("EXTRACT_VALUE_ERROR");
				assertThat(incident.getErrorMessage()).contains(bomb).contains("refactory.engine.evaluation.max-items");
			});
		}

		long next = startScript("count(for i in 1..1000 return i)");

		assertThat(state(next)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(rootVariables(next)).containsEntry("r", "1000");
		assertThat(raw("GET", "/actuator/health", "application/json", null).body()).contains("\"UP\"");
	}

	/**
	 * Built-ins whose result outgrows their arguments (ADR 0510): refused before they
	 * build it.
	 */
	@Test
	void theSizeMultiplyingBuiltInsBecomeIncidentsAndTheAppStaysHealthy() throws Exception {
		String kilobyte = "\"" + "x".repeat(1000) + "\"";
		Map<String, String> bombs = Map.of(
				"string join(for i in 1..1000 return \"x\", string join(for i in 1..1000 return " + kilobyte + "))",
				"refactory.engine.evaluation.max-string-length", "flatten(for i in 1..40 return partial)",
				"refactory.engine.evaluation.max-items", "string(decimal(1, 999999999))", "scale");
		bombs.forEach((bomb,
				limit) -> assertThat(incidents(startScript(bomb))).as(bomb).singleElement().satisfies((incident) -> {
					assertThat(incident.getErrorType().name()).isEqualTo("EXTRACT_VALUE_ERROR");
					assertThat(incident.getErrorMessage()).contains(bomb).contains(limit);
				}));

		assertThat(state(startScript("string join([\"a\", \"b\"], \"-\")"))).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(raw("GET", "/actuator/health", "application/json", null).body()).contains("\"UP\"");
	}

	@Test
	void decisionsBeyondTheTimeBudgetOrTheSizeLimitsBecomeDecisionEvaluationIncidents() {
		assertThat(decisionIncident(RUNAWAY_MATCH)).contains("time budget");
		assertThat(decisionIncident("count(for i in 1..100000000 return i)"))
			.contains("refactory.engine.evaluation.max-items");
	}

	@Test
	void anInvalidLiteralRegularExpressionInADecisionRejectsItsDeployment() {
		String decisionId = uniqueId("bad-pattern");
		var problem = problem(() -> this.client.newDeployResourceCommand()
			.addResourceString(Dmn.literal(decisionId, "split(serials, \"(\")"), StandardCharsets.UTF_8,
					decisionId + ".dmn")
			.send()
			.join(), 400);

		assertThat(problem.details().getDetail()).contains(decisionId).contains("split").contains("regular expression");
	}

	private String decisionIncident(String feel) {
		String decisionId = uniqueId("bounded");
		this.client.newDeployResourceCommand()
			.addResourceString(Dmn.literal(decisionId, feel), StandardCharsets.UTF_8, decisionId + ".dmn")
			.send()
			.join();
		String id = uniqueId("brt-bounded");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.businessRuleTask("decide", (t) -> t.zeebeCalledDecisionId(decisionId).zeebeResultVariable("r"))
			.endEvent()
			.done());

		long key = start(id);

		Incident incident = incidents(key).get(0);
		assertThat(incident.getElementId()).isEqualTo("decide");
		assertThat(incident.getErrorType().name()).isEqualTo("DECISION_EVALUATION_ERROR");
		return incident.getErrorMessage();
	}

	@Test
	void anInvalidLiteralRegularExpressionRejectsTheDeploymentNamingElementAndReason() {
		String id = uniqueId("bad-pattern");
		var problem = problem(() -> deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.scriptTask("check", (t) -> t.zeebeExpression("matches(serial, \"[0-9\")").zeebeResultVariable("ok"))
			.endEvent()
			.done()), 400);

		assertThat(problem.details().getDetail()).contains("check")
			.contains("[0-9")
			.contains("matches")
			.contains("regular expression");
		assertThat(this.client.newProcessDefinitionSearchRequest()
			.filter((f) -> f.processDefinitionId(id))
			.send()
			.join()
			.items()).isEmpty();
	}

	private long startScript(String feel) {
		String id = uniqueId("script-bounded");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.scriptTask("compute", (t) -> t.zeebeExpression(feel).zeebeResultVariable("r"))
			.endEvent()
			.done());
		return start(id, Map.of());
	}

	private Long instanceOf(String processId) {
		return this.client.newProcessInstanceSearchRequest()
			.filter((f) -> f.processDefinitionId(processId))
			.send()
			.join()
			.items()
			.stream()
			.findFirst()
			.map((instance) -> instance.getProcessInstanceKey())
			.orElse(null);
	}

}
