package fr.refactory.console.models;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The models page lists forms and says when and by whom each version was deployed, start-up ones included. */
class ModelsPageTest extends RefactoryIntegrationTest {

	@Autowired
	private ApplicationJobTypes jobTypes;

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

	@Test
	void shouldOfferEveryJobTypesElementTemplateForDownload() throws Exception {
		WebSession owner = WebSession.signedIn(baseUrl(), "process-owner");

		assertThat(owner.get("/models").body()).contains("id=\"element-templates-download\"")
			.contains("href=\"/models/element-templates.json\"");
		HttpResponse<String> download = owner.get("/models/element-templates.json");

		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				(value) -> assertThat(value).contains("attachment").contains("refactory-element-templates.json"));
		JsonNode templates = new ObjectMapper().readTree(download.body());
		Set<String> jobTypes = new TreeSet<>();
		templates.forEach((template) -> template.get("properties").forEach((property) -> {
			if ("zeebe:taskDefinition".equals(property.path("binding").path("type").asText())
					&& "type".equals(property.path("binding").path("property").asText())) {
				jobTypes.add(property.get("value").asText());
			}
		}));
		assertThat(jobTypes).as("one template per job type (ElementTemplatesTest: one for each worker)")
			.hasSize(templates.size())
			.hasSizeGreaterThan(60)
			.contains("mes.createWorkOrder", "vin.validate")
			.isSubsetOf(this.jobTypes.all());
	}

}
