package fr.refactory.console;

import java.net.http.HttpResponse;

import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.WebSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24 (ADR 1505): the shift handover, operations and models pages speak the language
 * the person chose with the header's switch, French as on the plant's tablets, then
 * English.
 */
class ShiftAndOperationsPagesInBothLanguagesTest extends RefactoryIntegrationTest {

	@Test
	void theHandoverPageIsInFrenchThenInEnglish() {
		WebSession leader = WebSession.signedIn(baseUrl(), "shift-leader-morning");
		String french = page(leader, "fr", "/console/handover");
		assertThat(french)
			.contains("lang=\"fr\"", "Passation d&#39;équipe", "Équipe sortante",
					"Signer en tant que chef d&#39;équipe sortant", "Tâches ouvertes et en retard par groupe",
					"Batteries en quarantaine")
			.doesNotContain("Sign as outgoing leader", "Batteries in quarantine");
		String english = page(leader, "en", "/console/handover");
		assertThat(english)
			.contains("lang=\"en\"", "Shift handover", "Outgoing shift", "Sign as outgoing leader",
					"Open and overdue tasks per group", "Batteries in quarantine")
			.doesNotContain("Équipe sortante");
	}

	@Test
	void theOperationsPagesAreInFrenchThenInEnglishAndSoAreTheirProblems() {
		WebSession engineer = WebSession.signedIn(baseUrl(), "operations-engineer");
		String french = page(engineer, "fr", "/operations/incidents");
		assertThat(french)
			.contains("lang=\"fr\"", "Incidents ouverts", "Clé d&#39;instance", "Motif",
					"Résoudre le groupe choisi en un lot")
			.doesNotContain("Open incidents");
		HttpResponse<String> noGroup = engineer.post("/operations/incidents/resolution",
				java.util.Map.of("group", java.util.List.of("none"), "reason", java.util.List.of("")));
		assertThat(noGroup.statusCode()).isEqualTo(400);
		assertThat(noGroup.body()).contains("Choisissez un groupe d&#39;incidents ouverts");

		String english = page(engineer, "en", "/operations/incidents");
		assertThat(english)
			.contains("lang=\"en\"", "Open incidents", "Instance key", "Reason",
					"Resolve the selected group in one batch")
			.doesNotContain("Incidents ouverts");
	}

	@Test
	void theModelsPageIsInFrenchThenInEnglish() {
		WebSession owner = WebSession.signedIn(baseUrl(), "process-owner");
		String french = page(owner, "fr", "/models");
		assertThat(french)
			.contains("lang=\"fr\"", "Modèles", "Vérifier et déployer", "Calendrier de l&#39;usine", "Jours fériés",
					"Instances en cours", "Jours ouvrés :", "Un modèle d&#39;élément Camunda Modeler par type de job")
			.doesNotContain("Check and deploy", "Public holidays", "Working days:", "One Camunda Modeler template");
		String english = page(owner, "en", "/models");
		assertThat(english)
			.contains("lang=\"en\"", "Models", "Check and deploy", "Plant calendar", "Public holidays",
					"Running instances", "Working days:", "generated from the workers&#39; own declarations")
			.doesNotContain("Vérifier et déployer", "Jours ouvrés");
	}

	/** The page after the person chose the language with the header's switch. */
	private static String page(WebSession session, String language, String path) {
		HttpResponse<String> page = session.get("/language?lang=" + language + "&page=" + path);
		assertThat(page.statusCode()).as(path).isEqualTo(200);
		assertThat(page.uri().getPath()).isEqualTo(path);
		return page.body();
	}

}
