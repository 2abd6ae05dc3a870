package fr.refactory.console;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.refactory.records.InstallerAuthorisations;
import fr.refactory.test.AdminClient;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.WebSession;
import io.camunda.client.CamundaClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * T9 (issue 22, ADR 0920): a retrofit manager records the kit manufacturer's
 * authorisation letter on the console's start form; the real installer-authorisation
 * model starts, its worker keeps the authorisation in the records and the warning timer
 * waits.
 */
class InstallerAuthorisationStartFormTest extends RefactoryIntegrationTest {

	@Autowired
	@AdminClient
	CamundaClient client;

	@Autowired
	InstallerAuthorisations authorisations;

	@Test
	void aRetrofitManagerRecordsAnAuthorisationAndItsWarningWaits() {
		String installer = "INST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		WebSession manager = WebSession.signedIn(baseUrl(), "retrofit-manager");

		HttpResponse<String> rejected = manager.post("/console/start/installer-authorisation",
				Map.of("installerOrg", List.of(installer), "installerName", List.of("Atelier Flins"), "kitManufacturer",
						List.of("tolv"), "authorisationNumber", List.of("AUT-2026-17"), "validFrom",
						List.of("2026-01-01")));
		assertThat(rejected.statusCode()).isEqualTo(422);
		assertThat(rejected.body()).contains("id=\"error-validTo\"").contains("value=\"Atelier Flins\"");

		HttpResponse<String> accepted = manager.post("/console/start/installer-authorisation",
				Map.of("installerOrg", List.of(installer.toLowerCase()), "installerName", List.of("Atelier Flins"),
						"kitManufacturer", List.of("tolv"), "authorisationNumber", List.of("AUT-2026-17"), "validFrom",
						List.of("2026-01-01"), "validTo", List.of("2027-12-31")));

		assertThat(accepted.uri().getPath()).isEqualTo("/console/tasks");
		List<InstallerAuthorisations.Recorded> recorded = Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.authorisations.of(installer), (rows) -> !rows.isEmpty());
		assertThat(recorded).singleElement().satisfies((row) -> {
			assertThat(row.kitManufacturer()).isEqualTo("TOLV");
			assertThat(row.validTo()).hasToString("2027-12-31");
		});
		long instance = this.client.newProcessInstanceSearchRequest()
			.filter((f) -> f.processDefinitionId("installer-authorisation"))
			.send()
			.join()
			.items()
			.stream()
			.filter((candidate) -> installer.equals(variable(candidate.getProcessInstanceKey(), "installerOrg")))
			.findFirst()
			.orElseThrow()
			.getProcessInstanceKey();
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> variable(instance, "authorisationWarningAt"), (at) -> at != null);
		assertThat(variable(instance, "authorisationWarningAt")).startsWith("2027-11-01T00:00");
		this.client.newCancelInstanceCommand(instance).send().join();
	}

	/**
	 * ADR 0921: the DGEC report is the kit manufacturer's of the authorisation recorded
	 * last, not a name written in the code.
	 */
	@Test
	void theDgecReportDefaultsToTheKitManufacturerOfTheLatestAuthorisation() {
		String installer = "INST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		String manufacturer = "KIT-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		WebSession.signedIn(baseUrl(), "retrofit-manager")
			.post("/console/start/installer-authorisation",
					Map.of("installerOrg", List.of(installer), "installerName", List.of("Atelier Flins"),
							"kitManufacturer", List.of(manufacturer), "authorisationNumber", List.of("AUT-2026-18"),
							"validFrom", List.of("2026-01-01"), "validTo", List.of("2027-12-31")));
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.authorisations.of(installer), (rows) -> !rows.isEmpty());

		// the latest by recording time: in the whole suite another test may have recorded
		// one later on a moved engine clock, so the test's own is the latest only alone
		assertThat(this.authorisations.of(installer)).extracting((row) -> row.kitManufacturer())
			.containsExactly(manufacturer);
		String latest = this.authorisations.latestKitManufacturer().orElseThrow();
		WebSession auditor = WebSession.signedIn(baseUrl(), "auditor");
		assertThat(auditor.get("/audit/dgec.csv?year=2026").body())
			.contains("summary,kitManufacturer,\"" + latest + "\"");
		assertThat(auditor.get("/audit/dgec.csv?year=2026&kitManufacturer=TOLV").body())
			.contains("summary,kitManufacturer,\"TOLV\"");
	}

	private String variable(long instance, String name) {
		return this.client.newVariableSearchRequest()
			.filter((f) -> f.processInstanceKey(instance).name(name))
			.send()
			.join()
			.items()
			.stream()
			.findFirst()
			.map((v) -> v.getValue().replace("\"", ""))
			.orElse(null);
	}

}
