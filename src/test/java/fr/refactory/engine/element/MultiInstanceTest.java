package fr.refactory.engine.element;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.MultiInstanceLoopCharacteristicsBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Multi-instance on service tasks: parallel, sequential, output collection, completion
 * condition, incidents.
 */
class MultiInstanceTest extends EngineTestSupport {

	private BpmnModelInstance serviceTaskProcess(String id, String type,
			java.util.function.Consumer<MultiInstanceLoopCharacteristicsBuilder> loop) {
		return Bpmn.createExecutableProcess(id)
			.startEvent()
			.serviceTask("task", (t) -> t.zeebeJobType(type).multiInstance(loop))
			.endEvent("end")
			.done();
	}

	private static java.util.function.Consumer<MultiInstanceLoopCharacteristicsBuilder> collecting(boolean sequential) {
		return (m) -> {
			m.zeebeInputCollectionExpression("items")
				.zeebeInputElement("item")
				.zeebeOutputCollection("results")
				.zeebeOutputElementExpression("result");
			if (sequential) {
				m.sequential();
			}
		};
	}

	private List<ElementInstance> ofType(long processInstanceKey, ElementInstanceType type) {
		return this.client.newElementInstanceSearchRequest()
			.filter((f) -> f.processInstanceKey(processInstanceKey).type(type))
			.sort((s) -> s.elementInstanceKey().asc())
			.send()
			.join()
			.items();
	}

	private void complete(ActivatedJob job, Map<String, Object> variables) {
		this.client.newCompleteCommand(job.getKey()).variables(variables).send().join();
	}

	@Test
	void shouldRunOneParallelInnerInstancePerItemInsideAMultiInstanceBody() {
		String id = uniqueId("mi-parallel");
		String type = uniqueId("work");
		deploy(serviceTaskProcess(id, type, collecting(false)));
		long key = start(id, Map.of("items", List.of("a", "b", "c")));
		assertThat(incidents(key)).isEmpty();

		List<ActivatedJob> jobs = activate(type, 10);

		assertThat(jobs).hasSize(3);
		assertThat(jobs).extracting((j) -> j.getVariablesAsMap().get("item")).containsExactlyInAnyOrder("a", "b", "c");
		for (ActivatedJob job : jobs) {
			int loopCounter = (Integer) job.getVariablesAsMap().get("loopCounter");
			assertThat(List.of("a", "b", "c").get(loopCounter - 1)).isEqualTo(job.getVariablesAsMap().get("item"));
			assertThat(job.getElementId()).isEqualTo("task");
		}
		List<ElementInstance> bodies = ofType(key, ElementInstanceType.MULTI_INSTANCE_BODY);
		assertThat(bodies).singleElement().satisfies((body) -> {
			assertThat(body.getElementId()).isEqualTo("task");
			assertThat(body.getState()).isEqualTo(ElementInstanceState.ACTIVE);
		});
		List<ElementInstance> inner = ofType(key, ElementInstanceType.SERVICE_TASK);
		assertThat(inner).hasSize(3).allSatisfy((e) -> assertThat(e.getElementId()).isEqualTo("task"));
		long bodyKey = bodies.get(0).getElementInstanceKey();
		assertThat(inner).allSatisfy((e) -> assertThat(variablesOfScope(e.getElementInstanceKey())).containsKeys("item",
				"loopCounter", "result"));
		assertThat(variablesOfScope(bodyKey)).containsEntry("results", "[null,null,null]");
	}

	@Test
	void shouldCollectTheOutputCollectionByIndexEvenWhenJobsCompleteOutOfOrder() {
		String id = uniqueId("mi-order");
		String type = uniqueId("work");
		deploy(serviceTaskProcess(id, type, collecting(false)));
		long key = start(id, Map.of("items", List.of("a", "b", "c")));
		List<ActivatedJob> jobs = activate(type, 10);
		jobs.sort(Comparator.comparing((ActivatedJob j) -> (String) j.getVariablesAsMap().get("item")).reversed());

		for (ActivatedJob job : jobs) {
			assertThat(state(key)).isEqualTo(ProcessInstanceState.ACTIVE);
			complete(job, Map.of("result", "done-" + job.getVariablesAsMap().get("item")));
		}

		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(rootVariables(key)).containsEntry("results", "[\"done-a\",\"done-b\",\"done-c\"]")
			.doesNotContainKeys("result", "item", "loopCounter");
		assertThat(history(key)).endsWith("end:COMPLETED");
		assertThat(ofType(key, ElementInstanceType.MULTI_INSTANCE_BODY)).singleElement()
			.extracting(ElementInstance::getState)
			.isEqualTo(ElementInstanceState.COMPLETED);
	}

	@Test
	void shouldRunSequentialInstancesOneAfterTheOtherInCollectionOrder() {
		String id = uniqueId("mi-sequential");
		String type = uniqueId("work");
		deploy(serviceTaskProcess(id, type, collecting(true)));
		long key = start(id, Map.of("items", List.of("x", "y", "z")));
		assertThat(incidents(key)).isEmpty();
		assertThat(history(key)).contains("task:ACTIVE");

		for (int expected = 1; expected <= 3; expected++) {
			List<ActivatedJob> jobs = activate(type, 10);
			assertThat(jobs).as("one job at a time").hasSize(1);
			ActivatedJob job = jobs.get(0);
			assertThat(job.getVariablesAsMap()).containsEntry("loopCounter", expected)
				.containsEntry("item", List.of("x", "y", "z").get(expected - 1));
			complete(job, Map.of("result", expected * 10));
		}

		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(rootVariables(key)).containsEntry("results", "[10,20,30]");
		assertThat(ofType(key, ElementInstanceType.SERVICE_TASK)).hasSize(3);
	}

	@Test
	void shouldTerminateTheRemainingParallelInstancesWhenTheCompletionConditionHolds() {
		String id = uniqueId("mi-condition");
		String type = uniqueId("work");
		deploy(serviceTaskProcess(id, type,
				(m) -> m.zeebeInputCollectionExpression("items")
					.zeebeInputElement("item")
					.zeebeOutputCollection("results")
					.zeebeOutputElementExpression("result")
					.completionCondition("=numberOfInstances = 3 and numberOfCompletedInstances = 2"
							+ " and numberOfActiveInstances = 1 and numberOfTerminatedInstances = 0")));
		long key = start(id, Map.of("items", List.of(1, 2, 3)));
		List<ActivatedJob> jobs = activate(type, 10);
		jobs.sort(Comparator.comparing((ActivatedJob j) -> (Integer) j.getVariablesAsMap().get("item")));

		complete(jobs.get(2), Map.of("result", "third"));
		assertThat(state(key)).isEqualTo(ProcessInstanceState.ACTIVE);
		complete(jobs.get(0), Map.of("result", "first"));

		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
		problem(() -> complete(jobs.get(1), Map.of()), 404);
		assertThat(rootVariables(key)).containsEntry("results", "[\"first\",null,\"third\"]");
		assertThat(ofType(key, ElementInstanceType.SERVICE_TASK)).extracting(ElementInstance::getState)
			.containsExactlyInAnyOrder(ElementInstanceState.COMPLETED, ElementInstanceState.COMPLETED,
					ElementInstanceState.TERMINATED);
		assertThat(history(key)).endsWith("end:COMPLETED");
	}

	@Test
	void shouldStopASequentialBodyWhenTheCompletionConditionOnTheInnerScopeHolds() {
		String id = uniqueId("mi-stop");
		String type = uniqueId("work");
		deploy(serviceTaskProcess(id, type,
				(m) -> m.sequential()
					.zeebeInputCollectionExpression("items")
					.zeebeInputElement("item")
					.completionCondition("=found")));
		long key = start(id, Map.of("items", List.of("a", "b", "c"), "found", false));

		complete(activateOne(type), Map.of("found", false));
		ActivatedJob second = activateOne(type);
		assertThat(second.getVariablesAsMap()).containsEntry("loopCounter", 2);
		complete(second, Map.of("found", true));

		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(ofType(key, ElementInstanceType.SERVICE_TASK)).as("no third inner instance").hasSize(2);
	}

	@Test
	void shouldCompleteTheBodyAtOnceForAnEmptyCollection() {
		String id = uniqueId("mi-empty");
		String type = uniqueId("work");
		deploy(serviceTaskProcess(id, type, collecting(false)));

		long key = start(id, Map.of("items", List.of()));

		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(ofType(key, ElementInstanceType.SERVICE_TASK)).isEmpty();
		assertThat(ofType(key, ElementInstanceType.MULTI_INSTANCE_BODY)).singleElement()
			.extracting(ElementInstance::getState)
			.isEqualTo(ElementInstanceState.COMPLETED);
		assertThat(rootVariables(key)).containsEntry("results", "[]");
	}

	@Test
	void shouldRaiseAnIncidentForANonListCollectionAndContinueOnceItIsFixed() {
		String id = uniqueId("mi-incident");
		String type = uniqueId("work");
		deploy(serviceTaskProcess(id, type, collecting(false)));
		long key = start(id, Map.of("items", "not a list"));

		List<Incident> incidents = incidents(key);
		assertThat(incidents).singleElement().satisfies((incident) -> {
			assertThat(incident.getErrorType().name()).isEqualTo("EXTRACT_VALUE_ERROR");
			assertThat(incident.getElementId()).isEqualTo("task");
			assertThat(incident.getErrorMessage()).contains("ARRAY");
		});
		assertThat(ofType(key, ElementInstanceType.MULTI_INSTANCE_BODY)).singleElement()
			.extracting(ElementInstance::getElementInstanceKey)
			.isEqualTo(incidents.get(0).getElementInstanceKey());
		assertThat(ofType(key, ElementInstanceType.SERVICE_TASK)).isEmpty();

		this.client.newSetVariablesCommand(key).variables(Map.of("items", List.of("p", "q"))).send().join();
		this.client.newResolveIncidentCommand(incidents.get(0).getIncidentKey()).send().join();

		List<ActivatedJob> jobs = activate(type, 10);
		assertThat(jobs).extracting((j) -> j.getVariablesAsMap().get("item")).containsExactlyInAnyOrder("p", "q");
		jobs.forEach((job) -> complete(job, Map.of("result", job.getVariablesAsMap().get("item"))));
		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(rootVariables(key)).containsEntry("results", "[\"p\",\"q\"]");
	}

	@Test
	void shouldTerminateTheBodyAndItsInnerInstancesWhenCancelledMidWay() {
		String id = uniqueId("mi-cancel");
		String type = uniqueId("work");
		deploy(serviceTaskProcess(id, type, collecting(false)));
		long key = start(id, Map.of("items", List.of(1, 2, 3)));
		List<ActivatedJob> jobs = activate(type, 10);
		complete(jobs.get(0), Map.of("result", "r"));

		this.client.newCancelInstanceCommand(key).send().join();

		assertThat(state(key)).isEqualTo(ProcessInstanceState.TERMINATED);
		problem(() -> complete(jobs.get(1), Map.of()), 404);
		problem(() -> complete(jobs.get(2), Map.of()), 404);
		assertThat(ofType(key, ElementInstanceType.MULTI_INSTANCE_BODY)).singleElement()
			.extracting(ElementInstance::getState)
			.isEqualTo(ElementInstanceState.TERMINATED);
		assertThat(ofType(key, ElementInstanceType.SERVICE_TASK)).extracting(ElementInstance::getState)
			.containsExactlyInAnyOrder(ElementInstanceState.COMPLETED, ElementInstanceState.TERMINATED,
					ElementInstanceState.TERMINATED);
	}

	@Test
	void shouldApplyTheInnerActivitysMappingsPerInstance() {
		String id = uniqueId("mi-mappings");
		String type = uniqueId("work");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.serviceTask("task",
					(t) -> t.zeebeJobType(type)
						.zeebeInputExpression("item.code", "code")
						.zeebeOutputExpression("upper case(raw)", "result")
						.multiInstance((m) -> m.zeebeInputCollectionExpression("items")
							.zeebeInputElement("item")
							.zeebeOutputCollection("codes")
							.zeebeOutputElementExpression("result")))
			.endEvent()
			.done());
		long key = start(id, Map.of("items", List.of(Map.of("code", "k1"), Map.of("code", "k2"))));

		List<ActivatedJob> jobs = activate(type, 10);
		assertThat(jobs).extracting((j) -> j.getVariablesAsMap().get("code")).containsExactlyInAnyOrder("k1", "k2");
		jobs.forEach((job) -> complete(job, Map.of("raw", job.getVariablesAsMap().get("code"))));

		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(rootVariables(key)).containsEntry("codes", "[\"K1\",\"K2\"]").doesNotContainKey("code");
	}

	@Test
	void shouldWriteTheEventSequenceOfASequentialMultiInstanceBody() {
		// given
		String id = uniqueId("mi-events");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent("start")
			.sequenceFlowId("toTask")
			.manualTask("task")
			.multiInstance((m) -> m.sequential().zeebeInputCollectionExpression("[1, 2]").zeebeInputElement("item"))
			.sequenceFlowId("toEnd")
			.endEvent("end")
			.done());

		// when
		long key = start(id);

		// then
		assertThat(elementEvents(key)).containsExactly(id + ":ELEMENT_ACTIVATING", id + ":ELEMENT_ACTIVATED",
				"start:ELEMENT_ACTIVATING", "start:ELEMENT_ACTIVATED", "start:ELEMENT_COMPLETING",
				"start:ELEMENT_COMPLETED", "toTask:SEQUENCE_FLOW_TAKEN", "task:ELEMENT_ACTIVATING",
				"task:ELEMENT_ACTIVATED", "task:ELEMENT_ACTIVATING", "task:ELEMENT_ACTIVATED",
				"task:ELEMENT_COMPLETING", "task:ELEMENT_COMPLETED", "task:ELEMENT_ACTIVATING",
				"task:ELEMENT_ACTIVATED", "task:ELEMENT_COMPLETING", "task:ELEMENT_COMPLETED",
				"task:ELEMENT_COMPLETING", "task:ELEMENT_COMPLETED", "toEnd:SEQUENCE_FLOW_TAKEN",
				"end:ELEMENT_ACTIVATING", "end:ELEMENT_ACTIVATED", "end:ELEMENT_COMPLETING", "end:ELEMENT_COMPLETED",
				id + ":ELEMENT_COMPLETING", id + ":ELEMENT_COMPLETED");
	}

}
