package fr.refactory.engine.api;

import java.util.List;
import java.util.Map;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /v2/user-tasks/{key}/variables/search} through the client
 * ({@code newUserTaskVariableSearchRequest}).
 */
class UserTaskVariableSearchApiTest extends EngineTestSupport {

	/** Root: a, shared; subprocess "sub": shared (input); task "check": local (input). */
	private String deployNested() {
		String id = uniqueId("task-variables");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.subProcess("sub", (s) -> s.zeebeInputExpression("\"sub\"", "shared"))
			.embeddedSubProcess()
			.startEvent()
			.userTask("check", (t) -> t.zeebeUserTask().zeebeInputExpression("\"task\"", "local"))
			.endEvent()
			.subProcessDone()
			.endEvent()
			.done());
		return id;
	}

	private UserTask task(long processInstanceKey) {
		return this.client.newUserTaskSearchRequest()
			.filter((f) -> f.processInstanceKey(processInstanceKey))
			.send()
			.join()
			.items()
			.get(0);
	}

	@Test
	void shouldReturnTheTaskScopeThenEachEnclosingScopeWithoutShadowing() {
		String id = deployNested();
		long instance = start(id, Map.of("a", 1, "shared", "root"));
		start(id, Map.of("a", 2, "shared", "other instance"));
		UserTask task = task(instance);
		long sub = elements(instance).stream()
			.filter((e) -> e.getElementId().equals("sub"))
			.findFirst()
			.orElseThrow()
			.getElementInstanceKey();

		List<Variable> all = this.client.newUserTaskVariableSearchRequest(task.getUserTaskKey()).send().join().items();

		assertThat(all).extracting((v) -> v.getName() + "=" + v.getValue() + "@" + v.getScopeKey())
			.containsExactly("local=\"task\"@" + task.getElementInstanceKey(), "shared=\"sub\"@" + sub,
					"a=1@" + instance, "shared=\"root\"@" + instance);
		assertThat(all).allSatisfy((v) -> assertThat(v.getProcessInstanceKey()).isEqualTo(instance));

		var shared = this.client.newUserTaskVariableSearchRequest(task.getUserTaskKey())
			.filter((f) -> f.name("shared"))
			.sort((s) -> s.scopeKey().asc())
			.send()
			.join();
		assertThat(shared.items()).extracting(Variable::getScopeKey).containsExactly(instance, sub);
		assertThat(shared.page().totalItems()).isEqualTo(2);

		var page = this.client.newUserTaskVariableSearchRequest(task.getUserTaskKey())
			.sort((s) -> s.name().desc())
			.page((p) -> p.from(1).limit(2))
			.send()
			.join();
		assertThat(page.items()).extracting(Variable::getName).containsExactly("shared", "local");
		assertThat(page.page().totalItems()).isEqualTo(4);
	}

	@Test
	void shouldSeeVariablesSetAfterTheTaskWasCreated() {
		long instance = start(deployNested(), Map.of("a", 1, "shared", "root"));
		UserTask task = task(instance);
		this.client.newSetVariablesCommand(instance).variables(Map.of("late", true)).send().join();

		assertThat(this.client.newUserTaskVariableSearchRequest(task.getUserTaskKey())
			.filter((f) -> f.name("late"))
			.send()
			.join()
			.items()).extracting(Variable::getValue).containsExactly("true");
	}

	@Test
	void shouldAnswerNotFoundForAnUnknownTaskAndRejectFieldsItCannotFilterOn() throws Exception {
		problem(() -> this.client.newUserTaskVariableSearchRequest(99L).send().join(), 404);

		long instance = start(deployNested(), Map.of("a", 1, "shared", "root"));
		long taskKey = task(instance).getUserTaskKey();
		var response = raw("POST", "/v2/user-tasks/" + taskKey + "/variables/search", "application/json",
				"{\"filter\":{\"scopeKey\":\"" + instance + "\"}}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		var badKey = raw("POST", "/v2/user-tasks/not-a-key/variables/search", "application/json", "{}");
		assertThat(badKey.statusCode()).isEqualTo(400);
	}

}
