package fr.refactory.audit;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.refactory.test.AdminClient;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.WebSession;
import fr.refactory.workers.btb.BatteryTestBenchWorkers;
import fr.refactory.workers.support.TestJob;
import fr.refactory.workers.support.TestVins;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24 (ADR 1506): the auditor's instance, asset and shift handover pages and the
 * battery passport speak the language the person chose with the header's switch, French
 * then English.
 */
class AuditAndPassportPagesInBothLanguagesTest extends RefactoryIntegrationTest {

	@Autowired
	@AdminClient
	CamundaClient client;

	@Autowired
	BatteryTestBenchWorkers bench;

	@Test
	void theInstancePagesAreInFrenchThenInEnglish() {
		long key = runningInstance();
		WebSession auditor = WebSession.signedIn(baseUrl(), "auditor");

		assertThat(page(auditor, "fr", "/audit/instances"))
			.contains("lang=\"fr\"", "Instances de processus", "VIN ou numéro de série", "incidents ouverts",
					"Rechercher")
			.doesNotContain("VIN or serial", ">Search<");
		assertThat(page(auditor, "fr", "/audit/instances/" + key))
			.contains("Chronologie", "Qui a fait quoi", "Décisions", "Aucune décision n&#39;a été évaluée", "Variables",
					"Gate inspection")
			.doesNotContain("Timeline", "Who did what");

		assertThat(page(auditor, "en", "/audit/instances"))
			.contains("lang=\"en\"", "Process instances", "VIN or serial", "open incidents", "Search")
			.doesNotContain("Rechercher");
		assertThat(page(auditor, "en", "/audit/instances/" + key))
			.contains("Timeline", "Who did what", "No decision was evaluated in this instance.")
			.doesNotContain("Chronologie");
	}

	@Test
	void theAssetAndHandoverPagesAreInFrenchThenInEnglish() {
		String id = signedHandover();
		WebSession auditor = WebSession.signedIn(baseUrl(), "auditor");

		assertThat(page(auditor, "fr", "/audit/assets/VF1NOLINK"))
			.contains("Actif", "Généalogie", "Aucun lien de généalogie ne nomme cet actif.", "Journal d&#39;audit")
			.doesNotContain("Genealogy");
		assertThat(page(auditor, "fr", "/audit/handovers"))
			.contains("Passations d&#39;équipe", "Chef d&#39;équipe sortant", "non contresignée")
			.doesNotContain("Outgoing leader", "not countersigned");
		assertThat(page(auditor, "fr", "/audit/handovers/" + id))
			.contains("Passation d&#39;équipe " + id + " : MORNING → AFTERNOON");

		assertThat(page(auditor, "en", "/audit/assets/VF1NOLINK"))
			.contains("Asset", "Genealogy", "No genealogy link names this asset.", "Audit log")
			.doesNotContain("Généalogie");
		assertThat(page(auditor, "en", "/audit/handovers")).contains("Shift handovers", "Outgoing leader",
				"not countersigned");
		assertThat(page(auditor, "en", "/audit/handovers/" + id)).contains("Shift handover " + id + ": MORNING");
	}

	@Test
	void thePassportIsInFrenchThenInEnglish() {
		String battery = "BAT-" + TestVins.master();
		this.bench.readBms(TestJob.of("btb.readBms",
				Map.of("batteryId", battery, "btbBenchId", "BATTERY_TEST_BENCH-1", "hostVin", TestVins.master())));
		WebSession technician = WebSession.signedIn(baseUrl(), "battery-technician");

		assertThat(page(technician, "fr", "/passport/" + battery))
			.contains("lang=\"fr\"", "Passeport batterie", "Affiché pour le niveau d&#39;accès", "État de santé")
			.doesNotContain("Battery passport", "State of health");
		assertThat(page(technician, "en", "/passport/" + battery))
			.contains("lang=\"en\"", "Battery passport", "Shown for access level", "State of health")
			.doesNotContain("Passeport batterie");
	}

	/** A process owner's small intake model, announced by the plant for a vehicle. */
	private long runningInstance() {
		String processId = "audit-lang-" + UUID.randomUUID().toString().substring(0, 8);
		this.client.newDeployResourceCommand()
			.addProcessModel(Bpmn.createExecutableProcess(processId)
				.startEvent("start")
				.name("Vehicle announced")
				.userTask("task-gate-inspection")
				.name("Gate inspection")
				.zeebeUserTask()
				.zeebeCandidateGroups("intake-operators")
				.endEvent("end")
				.done(), processId + ".bpmn")
			.send()
			.join();
		return this.client.newCreateInstanceCommand()
			.bpmnProcessId(processId)
			.latestVersion()
			.variables(Map.of("vin", TestVins.master()))
			.send()
			.join()
			.getProcessInstanceKey();
	}

	/** A handover the morning leader signed and nobody countersigned yet. */
	private String signedHandover() {
		WebSession morning = WebSession.signedIn(baseUrl(), "shift-leader-morning");
		HttpResponse<String> signed = morning.post("/console/handover",
				Map.of("outgoingShift", List.of("MORNING"), "notes", List.of("line 2 stopped")));
		return signed.body().replaceAll("(?s).*Handover (\\d+) signed.*", "$1");
	}

	/** The page after the person chose the language with the header's switch. */
	private static String page(WebSession session, String language, String path) {
		HttpResponse<String> page = session.get("/language?lang=" + language + "&page=" + path);
		assertThat(page.statusCode()).as(path).isEqualTo(200);
		assertThat(page.uri().getPath()).isEqualTo(path);
		return page.body();
	}

}
