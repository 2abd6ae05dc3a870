package fr.refactory.console;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import fr.refactory.test.AdminClient;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.WebSession;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24, "nobody's work is invisible": the supervision page lists every group's open
 * tasks oldest first and flags a group nobody is in; an empty task list says why and what
 * to do; the menus follow what the person can use; the home page shows each person their
 * next work; the audit log says what they did in plain words.
 */
class NobodysWorkInvisibleTest extends RefactoryIntegrationTest {

	private static final java.util.regex.Pattern TASK_KEY = java.util.regex.Pattern.compile("data-task-key=\"(\\d+)\"");

	@Autowired
	@AdminClient
	CamundaClient client;

	@Test
	void theSupervisionPageFlagsAGroupNobodyIsInAndListsItsTasksOldestFirst() {
		String suffix = suffix();
		String group = "night-painters-" + suffix;
		long first = startTask("Touch up paint " + suffix + " A", "candidateGroups", group);
		long second = startTask("Touch up paint " + suffix + " B", "candidateGroups", group);

		String page = page(WebSession.signedIn(baseUrl(), "intake-supervisor").get("/console/supervision"));

		String section = element(page, "group-" + group, "</section>");
		assertThat(section).contains("Nobody is in the group " + group);
		assertThat(TASK_KEY.matcher(section).results().map((m) -> m.group(1)).toList())
			.containsExactly(String.valueOf(first), String.valueOf(second));
		assertThat(element(page, "unstaffed-alert", "</p>")).contains("open work but no member");
		int firstStaffed = page.indexOf("class=\"muted members\"");
		if (firstStaffed >= 0) {
			assertThat(page.indexOf("id=\"group-" + group + "\"")).as("groups without members come first")
				.isLessThan(firstStaffed);
		}
	}

	@Test
	void anEmptyTaskListSaysWhyAndWhatToDo() {
		WebSession lead = WebSession.signedIn(baseUrl(), "plant-manager");

		String mine = element(page(lead.get("/console/tasks?view=mine")), "empty-tasks", "</p>");
		assertThat(mine).contains("You hold no task").contains("See the open work of every group");
		String filtered = element(page(lead.get("/console/tasks?subject=NO-SUCH-" + suffix())), "empty-tasks", "</p>");
		assertThat(filtered).contains("Clear the filters");
		String noGroup = element(page(WebSession.signedIn(baseUrl(), "operations-engineer").get("/console/tasks")),
				"empty-tasks", "</p>");
		assertThat(noGroup).contains("You are in no candidate group");
	}

	@Test
	void menusFollowWhatThePersonCanUseAndTheHomePageShowsTheirNextWork() {
		String auditorHome = page(WebSession.signedIn(baseUrl(), "auditor").get("/"));
		assertThat(auditorHome).as("an auditor works on no task and starts no process")
			.doesNotContain("id=\"nav-tasks\"", "id=\"nav-start\"", "id=\"next-work\"")
			.contains("id=\"nav-audit\"", "id=\"home-audit\"");

		String suffix = suffix();
		String name = "Sand bumper " + suffix;
		long task = startTask(name, "candidateUsers", "paint-technician");
		WebSession painter = WebSession.signedIn(baseUrl(), "paint-technician");
		String home = page(painter.get("/"));
		assertThat(home).contains("id=\"nav-tasks\"")
			.as("no start form is for painters")
			.doesNotContain("id=\"nav-start\"");
		assertThat(home).contains("href=\"/console/tasks/" + task + "\"");

		painter.get("/console/tasks/" + task);
		painter.post("/console/tasks/" + task + "/claim", Map.of());
		String held = page(painter.get("/"));
		assertThat(element(held, "held-tasks", "</ul>")).as("the task they hold comes first").contains(name);
		assertThat(held).doesNotContain("id=\"offered-tasks\"");

		String log = element(page(WebSession.signedIn(baseUrl(), "auditor").get("/audit/log?actor=paint-technician")),
				"audit-entries", "</table>");
		assertThat(log).as("the audit log says what happened in plain words, the data behind a toggle")
			.contains(">Claimed a task<", "<details><summary>Show the recorded data</summary>")
			.doesNotContain(">TASK_CLAIMED<");
	}

	private long startTask(String name, String assignment, String who) {
		String processId = "supervision-" + suffix();
		var task = Bpmn.createExecutableProcess(processId)
			.startEvent()
			.userTask("task-" + processId)
			.name(name)
			.zeebeUserTask();
		var model = ("candidateGroups".equals(assignment) ? task.zeebeCandidateGroups(who)
				: task.zeebeCandidateUsers(who))
			.endEvent()
			.done();
		this.client.newDeployResourceCommand().addProcessModel(model, processId + ".bpmn").send().join();
		long instance = this.client.newCreateInstanceCommand()
			.bpmnProcessId(processId)
			.latestVersion()
			.send()
			.join()
			.getProcessInstanceKey();
		return Awaitility.await()
			.until(() -> this.client.newUserTaskSearchRequest()
				.filter((filter) -> filter.processInstanceKey(instance).state(UserTaskState.CREATED))
				.send()
				.join()
				.items(), (items) -> !items.isEmpty())
			.get(0)
			.getUserTaskKey();
	}

	private static String page(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200);
		return response.body();
	}

	/**
	 * The HTML from the element with this id to the first end tag given (the element's,
	 * for elements not nested).
	 */
	private static String element(String page, String id, String endTag) {
		int start = page.indexOf("id=\"" + id + "\"");
		assertThat(start).as("element #" + id + " in the page").isNotNegative();
		return page.substring(start, page.indexOf(endTag, start));
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
