package fr.refactory.test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.process.test.impl.assertions.CamundaDataSource;

/**
 * CPT's data source, except that "all process instances" (what coverage collection and the failure dump read) means
 * the instances of the running test: started on the engine clock at or after the test began, minus the instances
 * already there at that moment (a previous test may have started some after moving the clock forward). CPT itself
 * purges the runtime between tests instead, which a shared test context cannot afford.
 */
final class TestRunDataSource extends CamundaDataSource {

	private final OffsetDateTime testStart;

	private final Set<Long> before;

	private TestRunDataSource(CamundaClient client, OffsetDateTime testStart, Set<Long> before) {
		super(client);
		this.testStart = testStart;
		this.before = before;
	}

	static TestRunDataSource startingNow(CamundaClient client, Instant engineTime) {
		OffsetDateTime start = engineTime.atOffset(ZoneOffset.UTC);
		CamundaDataSource all = new CamundaDataSource(client);
		Set<Long> before = all.findProcessInstances((filter) -> filter.startDate((date) -> date.gte(start)))
			.stream()
			.map(ProcessInstance::getProcessInstanceKey)
			.collect(Collectors.toUnmodifiableSet());
		return new TestRunDataSource(client, start, before);
	}

	@Override
	public List<ProcessInstance> findProcessInstances() {
		return findProcessInstances((filter) -> filter.startDate((date) -> date.gte(this.testStart)))
			.stream()
			.filter((instance) -> !this.before.contains(instance.getProcessInstanceKey()))
			.toList();
	}

}
