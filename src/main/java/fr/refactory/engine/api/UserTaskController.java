package fr.refactory.engine.api;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.UserTasks;
import fr.refactory.engine.state.query.SearchResult;
import fr.refactory.engine.state.query.UserTaskQueries;
import fr.refactory.engine.state.query.UserTaskVariableQueries;
import fr.refactory.engine.state.query.VariableQueries;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@ConditionalOnEmbeddedEngine
class UserTaskController {

	private final UserTasks userTasks;

	private final UserTaskQueries queries;

	private final UserTaskVariableQueries variables;

	UserTaskController(UserTasks userTasks, UserTaskQueries queries, UserTaskVariableQueries variables) {
		this.userTasks = userTasks;
		this.queries = queries;
		this.variables = variables;
	}

	/** Variables visible from the task: its own scope and every enclosing one (0248). */
	@PostMapping(path = "/v2/user-tasks/{key}/variables/search", produces = MediaType.APPLICATION_JSON_VALUE)
	SearchResult<VariableQueries.Variable> variables(@PathVariable long key,
			@RequestBody(required = false) JsonNode body) {
		return this.variables.search(key, body);
	}

	@PostMapping(path = "/v2/user-tasks/search", produces = MediaType.APPLICATION_JSON_VALUE)
	SearchResult<UserTaskQueries.UserTask> search(@RequestBody(required = false) JsonNode body) {
		return this.queries.search(body);
	}

	@GetMapping(path = "/v2/user-tasks/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
	UserTaskQueries.UserTask get(@PathVariable long key) {
		return this.queries.get(key);
	}

	@GetMapping(path = "/v2/user-tasks/{key}/form", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<UserTaskQueries.Form> form(@PathVariable long key) {
		return this.queries.form(key).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
	}

	@PostMapping("/v2/user-tasks/{key}/assignment")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void assign(@PathVariable long key, @RequestBody AssignRequest body) {
		this.userTasks.assign(key, body.assignee(), body.allowOverride(), body.action());
	}

	@DeleteMapping("/v2/user-tasks/{key}/assignee")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unassign(@PathVariable long key) {
		this.userTasks.unassign(key);
	}

	@PatchMapping("/v2/user-tasks/{key}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void update(@PathVariable long key, @RequestBody(required = false) UpdateRequest body) {
		UserTasks.Changeset changeset = body == null || body.changeset() == null
				? new UserTasks.Changeset(null, null, null, null, null) : body.changeset();
		this.userTasks.update(key, changeset, body == null ? null : body.action());
	}

	@PostMapping("/v2/user-tasks/{key}/completion")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void complete(@PathVariable long key, @RequestBody(required = false) CompleteRequest body) {
		this.userTasks.complete(key, body == null ? null : body.variables(), body == null ? null : body.action());
	}

	record AssignRequest(String assignee, Boolean allowOverride, String action) {
	}

	record UpdateRequest(UserTasks.Changeset changeset, String action) {
	}

	record CompleteRequest(Map<String, Object> variables, String action) {
	}

}
