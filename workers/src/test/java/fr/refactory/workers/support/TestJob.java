package fr.refactory.workers.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DocumentReferenceResponse;
import io.camunda.client.api.response.UserTaskProperties;
import io.camunda.client.api.search.enums.JobKind;
import io.camunda.client.api.search.enums.ListenerEventType;

/**
 * A job as the engine would hand it to a worker, for calling worker methods directly. Keys are unique per test JVM
 * (and far from the engine's), so records keyed by the job do not collide across tests; {@link #again()} is the same
 * job delivered a second time.
 */
public final class TestJob implements ActivatedJob {

	private static final AtomicLong KEYS = new AtomicLong(9_000_000_000_000L + (System.nanoTime() % 1_000_000) * 1000);

	private final long key;

	private final String type;

	private final Map<String, Object> variables;

	private final Map<String, String> headers;

	private final int retries;

	private final long processInstanceKey;

	private TestJob(long key, String type, Map<String, Object> variables, Map<String, String> headers, int retries,
			long processInstanceKey) {
		this.key = key;
		this.type = type;
		this.variables = variables;
		this.headers = headers;
		this.retries = retries;
		this.processInstanceKey = processInstanceKey;
	}

	public static TestJob of(String type, Map<String, ?> variables) {
		return new TestJob(KEYS.incrementAndGet(), type, new HashMap<>(variables), new HashMap<>(), 3,
				KEYS.incrementAndGet());
	}

	public TestJob header(String name, String value) {
		Map<String, String> headers = new HashMap<>(this.headers);
		headers.put(name, value);
		return new TestJob(this.key, this.type, this.variables, headers, this.retries, this.processInstanceKey);
	}

	public TestJob retries(int retries) {
		return new TestJob(this.key, this.type, this.variables, this.headers, retries, this.processInstanceKey);
	}

	/** The same job (same key) delivered again. */
	public TestJob again() {
		return new TestJob(this.key, this.type, new HashMap<>(this.variables), this.headers, this.retries,
				this.processInstanceKey);
	}

	@Override
	public long getKey() {
		return this.key;
	}

	@Override
	public String getType() {
		return this.type;
	}

	@Override
	public long getProcessInstanceKey() {
		return this.processInstanceKey;
	}

	@Override
	public String getBpmnProcessId() {
		return "test-process";
	}

	@Override
	public int getProcessDefinitionVersion() {
		return 1;
	}

	@Override
	public long getProcessDefinitionKey() {
		return 1;
	}

	@Override
	public String getElementId() {
		return "task-under-test";
	}

	@Override
	public long getElementInstanceKey() {
		return this.key + 1;
	}

	@Override
	public Map<String, String> getCustomHeaders() {
		return this.headers;
	}

	@Override
	public String getWorker() {
		return "test";
	}

	@Override
	public int getRetries() {
		return this.retries;
	}

	@Override
	public long getDeadline() {
		return Long.MAX_VALUE;
	}

	@Override
	public String getVariables() {
		return this.variables.toString();
	}

	@Override
	public Map<String, Object> getVariablesAsMap() {
		return this.variables;
	}

	@Override
	public <T> T getVariablesAsType(Class<T> variableType) {
		throw new UnsupportedOperationException("workers read variables as a map");
	}

	@Override
	public Object getVariable(String name) {
		return this.variables.get(name);
	}

	@Override
	public UserTaskProperties getUserTask() {
		return null;
	}

	@Override
	public JobKind getKind() {
		return JobKind.BPMN_ELEMENT;
	}

	@Override
	public ListenerEventType getListenerEventType() {
		return ListenerEventType.UNSPECIFIED;
	}

	@Override
	public String toJson() {
		return "{}";
	}

	@Override
	public String getTenantId() {
		return "<default>";
	}

	@Override
	public List<DocumentReferenceResponse> getDocumentReferences(String variableName) {
		return List.of();
	}

	@Override
	public Set<String> getTags() {
		return Set.of();
	}

}
