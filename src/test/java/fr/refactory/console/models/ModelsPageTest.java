package fr.refactory.console.models;

import java.net.http.HttpResponse;

import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.WebSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The models page lists forms and says when and by whom each version was deployed, start-up ones included. */
class ModelsPageTest extends RefactoryIntegrationTest {

	@Test
	void shouldListTheFormsAndWhoDeployedEachVersionAtStartUp() {
		WebSession owner = WebSession.signedIn(baseUrl(), "process-owner");

		HttpResponse<String> page = owner.get("/models");

		assertThat(page.statusCode()).isEqualTo(200);
		String forms = page.body().substring(page.body().indexOf("id=\"form-versions\""));
		assertThat(forms).contains("data-form-id=\"hv-lockout-checklist\"")
			.contains("hv-lockout-checklist.form")
			.contains("<td>application</td>");
		String decisions = page.body().substring(page.body().indexOf("id=\"decision-versions\""),
				page.body().indexOf("id=\"form-versions\""));
		String intakeRoute = decisions.substring(decisions.indexOf("<td>intake-route</td>"));
		intakeRoute = intakeRoute.substring(0, intakeRoute.indexOf("</tr>"));
		assertThat(intakeRoute).as("other tests deploy decisions through /v2 too; this one came with the application")
			.contains("<td>application</td>")
			.doesNotContain("not recorded");
	}

}
