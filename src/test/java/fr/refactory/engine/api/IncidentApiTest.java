package fr.refactory.engine.api;

import java.util.Map;

import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentApiTest extends EngineTestSupport {

	@Test
	void shouldCreateAnIoMappingIncidentAndRetryTheActivationOnResolution() {
		String id = uniqueId("incident");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent()
			.manualTask("map")
			.zeebeInputExpression("assert(value, value != null)", "checked")
			.endEvent()
			.done());
		long key = start(id);

		Incident incident = this.client.newIncidentSearchRequest()
			.filter((f) -> f.processInstanceKey(key).errorType(IncidentErrorType.IO_MAPPING_ERROR))
			.send()
			.join()
			.items()
			.get(0);
		assertThat(this.client.newIncidentGetRequest(incident.getIncidentKey()).send().join().getElementId())
			.isEqualTo("map");
		assertThat(this.client.newProcessInstanceGetRequest(key).send().join().getHasIncident()).isTrue();

		this.client.newSetVariablesCommand(key).variables(Map.of("value", 7)).send().join();
		this.client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

		assertThat(history(key)).contains("map:COMPLETED");
		assertThat(this.client.newProcessInstanceGetRequest(key).send().join().getHasIncident()).isFalse();
		problem(() -> this.client.newResolveIncidentCommand(incident.getIncidentKey()).send().join(), 404);
	}

	@Test
	void shouldAnswerNotFoundForUnknownIncidents() {
		problem(() -> this.client.newIncidentGetRequest(3L).send().join(), 404);
		problem(() -> this.client.newResolveIncidentCommand(3L).send().join(), 404);
	}

}
