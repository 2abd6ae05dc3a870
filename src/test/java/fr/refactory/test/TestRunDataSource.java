package fr.refactory.test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import java.util.function.Consumer;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.filter.ElementInstanceFilter;
import io.camunda.client.api.search.filter.VariableFilter;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.Variable;
import io.camunda.process.test.impl.assertions.CamundaDataSource;

/**
 * CPT's data source, except that "all process instances" (what coverage collection and
 * the failure dump read) means the instances of the running test: started on the engine
 * clock at or after the test began, minus the instances already there at that moment (a
 * previous test may have started some after moving the clock forward). CPT itself purges
 * the runtime between tests instead, which a shared test context cannot afford.
 * <p>
 * CPT reads element instances and variables as one page of 100; a long process instance
 * (a retrofit through conversion, a dismantling after its harvest) has more of both, and
 * assertions and coverage then miss its later elements and variables. They are read here
 * as one page of {@value #PAGE}, in CPT's order (docs/decisions/0252).
 */
final class TestRunDataSource extends CamundaDataSource {

	static final int PAGE = 1000;

	private final CamundaClient client;

	private final OffsetDateTime testStart;

	private final Set<Long> before;

	private TestRunDataSource(CamundaClient client, OffsetDateTime testStart, Set<Long> before) {
		super(client);
		this.client = client;
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
		return findProcessInstances((filter) -> filter.startDate((date) -> date.gte(this.testStart))).stream()
			.filter((instance) -> !this.before.contains(instance.getProcessInstanceKey()))
			.toList();
	}

	@Override
	public List<ElementInstance> findElementInstances(Consumer<ElementInstanceFilter> filter) {
		return this.client.newElementInstanceSearchRequest()
			.filter(filter)
			.sort((sort) -> sort.startDate().asc())
			.page((page) -> page.limit(PAGE))
			.send()
			.join()
			.items();
	}

	@Override
	public List<Variable> findVariables(Consumer<VariableFilter> filter) {
		return this.client.newVariableSearchRequest()
			.filter(filter)
			.page((page) -> page.limit(PAGE))
			.send()
			.join()
			.items();
	}

}
