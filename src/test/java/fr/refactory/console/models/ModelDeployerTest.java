package fr.refactory.console.models;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import fr.refactory.records.AuditLog;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.AdminClient;
import io.camunda.client.CamundaClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

class ModelDeployerTest extends RefactoryIntegrationTest {

	@Autowired
	@AdminClient
	CamundaClient client;

	@Autowired
	ModelDeploymentReport startupReport;

	@Autowired
	AuditLog auditLog;

	@Test
	void shouldHaveDeployedEveryDecisionTableAndFormOfTheApplicationAtStartUp() {
		assertThat(this.startupReport.outcomes()).extracting(ModelDeploymentReport.Outcome::resource)
			.contains("vin-validation.dmn", "intake-route.dmn", "quality-verdict.dmn", "vehicle-intake.bpmn");
		assertThat(this.startupReport.rejected()).as("models, decision tables and forms rejected at start-up")
			.isEmpty();
		assertThat(this.startupReport.outcomes()).extracting(ModelDeploymentReport.Outcome::resource)
			.contains("vehicle-intake.bpmn", "diagnosis.bpmn", "lcv-retrofit.bpmn", "remanufacture.bpmn",
					"quality-gate.bpmn", "battery-triage.bpmn", "dismantling.bpmn", "hv-lockout.bpmn");
	}

	@Test
	void shouldReportARejectedModelAndStillDeployTheOthers() {
		String good = "deployer-good-" + UUID.randomUUID().toString().substring(0, 8);
		ModelDeploymentReport report = new ModelDeploymentReport();
		ModelDeployer deployer = new ModelDeployer(
				new OnlyTheseFiles(file("broken.bpmn", "<definitions"), file(good + ".bpmn", process(good))), report,
				new ModelDeployments(this.client, report, this.auditLog), this.client);

		deployer.deployAll(this.client);
		deployer.deployAll(this.client);

		assertThat(report.rejected()).singleElement().satisfies((outcome) -> {
			assertThat(outcome.resource()).isEqualTo("broken.bpmn");
			assertThat(outcome.detail()).isNotBlank();
		});
		assertThat(report.outcomes()).filteredOn(ModelDeploymentReport.Outcome::deployed)
			.singleElement()
			.satisfies((outcome) -> assertThat(outcome.detail()).isEqualTo(good + " v1"));
		assertThat(this.auditLog.about(good + ".bpmn")).as("recorded once, by the application, though deployed twice")
			.singleElement()
			.satisfies((entry) -> {
				assertThat(entry.actor()).isEqualTo("application");
				assertThat(entry.action()).isEqualTo("MODEL_DEPLOYED");
				assertThat(entry.data()).contains(good + " v1");
			});
	}

	private static Resource file(String name, String content) {
		return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return name;
			}
		};
	}

	private static String process(String id) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
				  <bpmn:process id="%s" isExecutable="true">
				    <bpmn:startEvent id="start"><bpmn:outgoing>f</bpmn:outgoing></bpmn:startEvent>
				    <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="end"/>
				    <bpmn:endEvent id="end"><bpmn:incoming>f</bpmn:incoming></bpmn:endEvent>
				  </bpmn:process>
				</bpmn:definitions>
				""".formatted(id);
	}

	/** Serves the given files for the processes location and nothing for the others. */
	private static final class OnlyTheseFiles extends PathMatchingResourcePatternResolver {

		private final Resource[] files;

		OnlyTheseFiles(Resource... files) {
			this.files = files;
		}

		@Override
		public Resource[] getResources(String locationPattern) {
			return locationPattern.endsWith("processes/*.bpmn") ? this.files : new Resource[0];
		}

	}

}
