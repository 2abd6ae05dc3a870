package fr.refactory.console;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.refactory.test.AdminClient;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.WebSession;
import io.camunda.client.CamundaClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24: every page and action of the console, audit, operations and models, asked
 * with what a stale tablet, a typo in an address bar, a form posted twice or without its
 * fields, or a person without the role can send, answers with a page or a refusal, never
 * a server error, a stack trace or the engine's problem text.
 */
class BadStatesWalkTest extends RefactoryIntegrationTest {

	private static final String UNKNOWN = "2251799813999999";

	/** Addresses with an unknown key, a key that is no number, or no key at all. */
	private static final List<String> PAGES = List.of("/console/tasks/" + UNKNOWN, "/console/tasks/abc",
			"/console/tasks?state=NOPE&sort=nowhere", "/console/start/no-such-process", "/console/start/%20",
			"/audit/instances/" + UNKNOWN, "/audit/instances/abc", "/audit/instances?state=NOPE&from=yesterday",
			"/audit/assets/NOPE", "/audit/batteries/NOPE", "/audit/handovers/" + UNKNOWN, "/audit/handovers/abc",
			"/audit/log?from=not-a-date&to=never", "/audit/dgec?year=abc", "/models/processes/" + UNKNOWN,
			"/models/processes/abc", "/models/processes/" + UNKNOWN + "/migration", "/models/compare",
			"/models/compare?from=abc&to=" + UNKNOWN, "/models/batches/" + UNKNOWN, "/operations/instances/" + UNKNOWN,
			"/operations/instances/abc", "/operations/instances?key=abc", "/operations/batches/" + UNKNOWN,
			"/operations/batches/" + UNKNOWN + "/progress", "/passport/NOPE", "/passport/NOPE/qr",
			"/language?lang=xx&page=https://elsewhere.example", "/no-such-page");

	/** Actions posted with an unknown key or none of their fields. */
	private static final List<String> ACTIONS = List.of("/console/tasks/" + UNKNOWN + "/claim",
			"/console/tasks/" + UNKNOWN + "/unclaim", "/console/tasks/" + UNKNOWN + "/complete",
			"/console/tasks/abc/complete", "/console/tasks/" + UNKNOWN + "/form-visibility",
			"/console/start/no-such-process", "/console/start/no-such-process/form-visibility", "/console/handover",
			"/console/handover/" + UNKNOWN + "/countersign", "/console/handover/abc/countersign",
			"/models/calendar/closures", "/models/calendar/closures/removal", "/models/parameters",
			"/models/processes/" + UNKNOWN + "/migration", "/operations/incidents/resolution",
			"/operations/instances/" + UNKNOWN + "/cancellation", "/operations/instances/" + UNKNOWN + "/move",
			"/operations/instances/" + UNKNOWN + "/retry", "/operations/instances/abc/move");

	@Test
	void everyPageAndActionAnswersBadStatesWithoutAServerError() {
		List<String> errors = new ArrayList<>();
		for (String person : List.of("demo", "intake-operator", "auditor")) {
			WebSession session = WebSession.signedIn(baseUrl(), person);
			PAGES.forEach((path) -> check(errors, person, "GET " + path, session.get(path)));
			ACTIONS.forEach((path) -> {
				check(errors, person, "POST " + path, session.post(path, Map.of()));
				check(errors, person, "POST " + path + " (again, other fields)", session.post(path,
						Map.of("reason", List.of(""), "from", List.of("abc"), "value", List.of("1,5e99"))));
			});
		}
		assertThat(errors).isEmpty();
	}

	@Autowired
	@AdminClient
	CamundaClient client;

	/**
	 * The operator presses Complete twice (a double click, or the back button and submit
	 * again): the second submission of the real, now completed task answers on the page.
	 */
	@Test
	void aRealTaskCompletedTwiceAnswersWithoutAServerError() {
		IntakeFixture intake = IntakeFixture.start(this.client);
		long taskKey = intake.openTask("task-gate-inspection").getUserTaskKey();
		WebSession operator = WebSession.signedIn(baseUrl(), "intake-operator");
		operator.post("/console/tasks/" + taskKey + "/claim", Map.of());
		Map<String, List<String>> fields = Map.of("odometerKm", List.of("123456"), "plateVin", List.of(intake.vin));
		List<String> errors = new ArrayList<>();

		HttpResponse<String> first = operator.post("/console/tasks/" + taskKey + "/complete", fields);
		check(errors, "intake-operator", "complete", first);
		assertThat(first.body()).contains("completed");
		check(errors, "intake-operator", "complete again",
				operator.post("/console/tasks/" + taskKey + "/complete", fields));
		check(errors, "intake-operator", "claim the completed task",
				operator.post("/console/tasks/" + taskKey + "/claim", Map.of()));
		check(errors, "intake-operator", "unclaim the completed task",
				operator.post("/console/tasks/" + taskKey + "/unclaim", Map.of()));
		assertThat(errors).isEmpty();
	}

	private static void check(List<String> errors, String person, String request, HttpResponse<String> response) {
		// an incident's message is the worker's own text (with its stack trace when a
		// worker failed unexpectedly), shown as recorded: not the page's answer
		String body = response.body().replaceAll("(?s)<td class=\"recorded\">.*?</td>", "");
		if (response.statusCode() >= 500 || body.contains("Exception") || body.contains("Whitelabel")
				|| body.contains("ProblemDetail") || body.contains("at fr.refactory.")) {
			String text = body.replaceAll("(?s)<[^>]+>", " ").replaceAll("\\s+", " ").strip();
			errors.add(person + " " + request + " -> " + response.statusCode() + ": "
					+ text.substring(0, Math.min(300, text.length())));
		}
	}

}
