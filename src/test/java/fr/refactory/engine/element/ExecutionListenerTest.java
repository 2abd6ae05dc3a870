package fr.refactory.engine.element;

import java.util.List;
import java.util.Map;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.JobKind;
import io.camunda.client.api.search.enums.ListenerEventType;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.ExtensionElements;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListenerEventType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Execution listeners (zeebe:executionListeners) as Camunda 8.8 documents them: jobs at
 * an element's start and end.
 */
class ExecutionListenerTest extends EngineTestSupport {

	@Test
	void shouldRunStartListenersBeforeAndEndListenersAfterTheElementsWorkOneAfterTheOther() {
		// given
		String id = uniqueId("listeners");
		String work = uniqueId("work");
		String first = uniqueId("first");
		String second = uniqueId("second");
		String end = uniqueId("end");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent("start")
			.serviceTask("task",
					(t) -> t.zeebeJobType(work)
						.zeebeStartExecutionListener(first)
						.zeebeExecutionListener((l) -> l.start().type(second).retries("5"))
						.zeebeEndExecutionListener(end))
			.endEvent("done")
			.done());
		long key = start(id);

		// when: the listeners and the task's job are worked one after the other
		ActivatedJob firstJob = activateOne(first);
		assertThat(activatableNow(second, 1)).as("the second start listener waits for the first").isEmpty();
		assertThat(activatableNow(work, 1)).as("the element's work waits for its start listeners").isEmpty();
		complete(firstJob);
		ActivatedJob secondJob = activateOne(second);
		complete(secondJob);
		complete(activateOne(work));
		ActivatedJob endJob = activateOne(end);
		assertThat(state(key)).isEqualTo(ProcessInstanceState.ACTIVE);
		complete(endJob);

		// then
		assertThat(firstJob.getKind()).isEqualTo(JobKind.EXECUTION_LISTENER);
		assertThat(firstJob.getListenerEventType()).isEqualTo(ListenerEventType.START);
		assertThat(firstJob.getElementId()).isEqualTo("task");
		assertThat(firstJob.getRetries()).isEqualTo(3);
		assertThat(secondJob.getRetries()).isEqualTo(5);
		assertThat(endJob.getListenerEventType()).isEqualTo(ListenerEventType.END);
		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(events(key)).containsSubsequence("task:ELEMENT_ACTIVATING", "JOB task:CREATED", "JOB task:COMPLETED",
				"JOB task:CREATED", "JOB task:COMPLETED", "JOB task:CREATED", "task:ELEMENT_ACTIVATED",
				"JOB task:COMPLETED", "task:ELEMENT_COMPLETING", "JOB task:CREATED", "JOB task:COMPLETED",
				"task:ELEMENT_COMPLETED", "done:ELEMENT_ACTIVATING");
	}

	@Test
	void shouldRaiseAnIncidentOnTheListenersElementWhenItsJobFailsWithoutRetriesAndRetryOnlyThatListener() {
		// given
		String id = uniqueId("failing");
		String first = uniqueId("first");
		String failing = uniqueId("failing");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.manualTask("check")
			.zeebeStartExecutionListener(first)
			.zeebeStartExecutionListener(failing, "1")
			.endEvent()
			.done());
		long key = start(id);
		complete(activateOne(first));
		ActivatedJob job = activateOne(failing);

		// when
		this.client.newFailCommand(job.getKey()).retries(0).errorMessage("ERP unreachable").send().join();

		// then
		List<Incident> incidents = incidents(key);
		assertThat(incidents).singleElement().satisfies((incident) -> {
			assertThat(incident.getElementId()).isEqualTo("check");
			assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.JOB_NO_RETRIES);
			assertThat(incident.getErrorMessage()).isEqualTo("ERP unreachable");
			assertThat(incident.getJobKey()).isEqualTo(job.getKey());
		});
		assertThat(history(key)).endsWith("check:ACTIVE");

		// when: retries updated and the incident resolved
		this.client.newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
		this.client.newResolveIncidentCommand(incidents.get(0).getIncidentKey()).send().join();
		complete(activateOne(failing));

		// then: the first listener did not run again
		assertThat(activatableNow(first, 1)).isEmpty();
		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
	}

	@Test
	void shouldSetStartListenerVariablesLocallyBeforeTheElementsExpressionsAndPropagateEndListenerVariables() {
		// given
		String id = uniqueId("variables");
		String prepare = uniqueId("prepare");
		String work = uniqueId("work");
		String after = uniqueId("after");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.serviceTask("task",
					(t) -> t.zeebeJobTypeExpression("workType")
						.zeebeStartExecutionListener(prepare)
						.zeebeEndExecutionListener(after))
			.endEvent()
			.done());
		long key = start(id);

		// when
		complete(activateOne(prepare), Map.of("workType", work));
		ActivatedJob task = activateOne(work);
		complete(task);
		complete(activateOne(after), Map.of("archived", true));

		// then
		assertThat(variablesOfScope(task.getElementInstanceKey())).containsEntry("workType", "\"" + work + "\"");
		assertThat(rootVariables(key)).doesNotContainKey("workType").containsEntry("archived", "true");
	}

	@Test
	void shouldRunTheListenersOfTheProcessBeforeItsStartEventAndBeforeItCompletes() {
		// given
		String id = uniqueId("process");
		String begin = uniqueId("begin");
		String finish = uniqueId("finish");
		deploy(Bpmn.createExecutableProcess(id)
			.zeebeStartExecutionListener(begin)
			.zeebeEndExecutionListener(finish)
			.startEvent("start")
			.endEvent("end")
			.done());
		long key = start(id);
		assertThat(history(key)).as("the start event waits for the process's start listener").isEmpty();

		// when
		complete(activateOne(begin), Map.of("ticket", "T-1"));
		ActivatedJob finishJob = activateOne(finish);

		// then
		assertThat(finishJob.getVariablesAsMap()).containsEntry("ticket", "T-1");
		assertThat(state(key)).isEqualTo(ProcessInstanceState.ACTIVE);
		complete(finishJob);
		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(elementEvents(key))
			.startsWith(id + ":ELEMENT_ACTIVATING", id + ":ELEMENT_ACTIVATED", "start:ELEMENT_ACTIVATING")
			.endsWith(id + ":ELEMENT_COMPLETING", id + ":ELEMENT_COMPLETED");
	}

	@Test
	void shouldRunTheListenersOfAMultiInstanceActivityOnceForItsBody() {
		// given
		String id = uniqueId("multi");
		String begin = uniqueId("begin");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.manualTask("each")
			.zeebeStartExecutionListener(begin)
			.multiInstance((m) -> m.zeebeInputCollectionExpression("items").zeebeInputElement("item"))
			.endEvent()
			.done());
		long key = start(id);

		// when: the listener computes the input collection
		complete(activateOne(begin), Map.of("items", List.of(1, 2, 3)));

		// then
		assertThat(activatableNow(begin, 5)).isEmpty();
		assertThat(state(key)).isEqualTo(ProcessInstanceState.COMPLETED);
	}

	@Test
	void shouldCancelAPendingListenerJobWhenTheInstanceIsCanceled() {
		String id = uniqueId("cancel");
		String begin = uniqueId("begin");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.manualTask("task")
			.zeebeStartExecutionListener(begin)
			.endEvent()
			.done());
		long key = start(id);

		this.client.newCancelInstanceCommand(key).send().join();

		assertThat(activatableNow(begin, 1)).isEmpty();
		assertThat(state(key)).isEqualTo(ProcessInstanceState.TERMINATED);
	}

	@Test
	void shouldRejectThrowingABpmnErrorFromAListenerJob() {
		String id = uniqueId("error");
		String begin = uniqueId("begin");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.manualTask("task")
			.zeebeStartExecutionListener(begin)
			.endEvent()
			.done());
		start(id);
		ActivatedJob job = activateOne(begin);

		ProblemException problem = problem(
				() -> this.client.newThrowErrorCommand(job.getKey()).errorCode("X").send().join(), 409);

		assertThat(problem.details().getDetail()).contains("EXECUTION_LISTENER");
	}

	@Test
	void shouldRejectListenersOfEventTypesTheElementDoesNotSupportNamingElementAndAttribute() {
		assertRejected(Bpmn.createExecutableProcess(uniqueId("p"))
			.startEvent("begin")
			.zeebeStartExecutionListener("x")
			.endEvent()
			.done(), "begin", "listeners of type 'start'");
		assertRejected(withEndListener(
				Bpmn.createExecutableProcess(uniqueId("p")).startEvent().exclusiveGateway("decide").endEvent().done(),
				"decide"), "decide", "listeners of type 'end'");
		assertRejected(Bpmn.createExecutableProcess(uniqueId("p"))
			.startEvent()
			.manualTask("task")
			.zeebeStartExecutionListener("x")
			.zeebeStartExecutionListener("x")
			.endEvent()
			.done(), "task", "eventType[start] and type[x]");
		assertRejected(Bpmn.createExecutableProcess(uniqueId("p"))
			.startEvent()
			.endEvent("fail")
			.error("E")
			.zeebeEndExecutionListener("x")
			.done(), "fail", "listeners of type 'end'");
	}

	/** Modeler offers end listeners on gateways; the model builder does not. */
	private static BpmnModelInstance withEndListener(BpmnModelInstance model, String elementId) {
		BaseElement element = model.getModelElementById(elementId);
		ExtensionElements extensions = model.newInstance(ExtensionElements.class);
		element.setExtensionElements(extensions);
		ZeebeExecutionListener listener = model.newInstance(ZeebeExecutionListener.class);
		listener.setEventType(ZeebeExecutionListenerEventType.end);
		listener.setType("x");
		extensions.addExtensionElement(ZeebeExecutionListeners.class).addChildElement(listener);
		return model;
	}

	private void assertRejected(BpmnModelInstance model, String elementId, String attribute) {
		ProblemException problem = problem(() -> deploy(model), 400);
		assertThat(problem.details().getDetail()).contains("'" + elementId + "'").contains(attribute);
	}

	private void complete(ActivatedJob job) {
		complete(job, Map.of());
	}

	private void complete(ActivatedJob job, Map<String, Object> variables) {
		this.client.newCompleteCommand(job.getKey()).variables(variables).send().join();
	}

}
