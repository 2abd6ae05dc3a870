package fr.refactory.console.models;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.refactory.records.AuditEntry;
import fr.refactory.records.AuditLog;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.WebSession;
import fr.refactory.test.AdminClient;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.client.api.search.response.DecisionInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process owner changes a threshold of a decision table on the models page (ADR 0324):
 * the next evaluation uses it, its decision instances name the new version, the audit log
 * has the change; others may not, and a bad value changes nothing.
 */
class DecisionParametersPageTest extends RefactoryIntegrationTest {

	private static final String PARAMETERS = "battery-disposition-parameters";

	private static final String SOH_REUSE = "sohReuseMinPct";

	/**
	 * A healthy pack at 72 % SoH: second life while reuse needs 75 %, reuse in a vehicle
	 * once it needs 70 %.
	 */
	private static final Map<String, Object> PACK_AT_72_PCT = Map.of("safetyClass", "NORMAL", "sohPct", 72,
			"isolationOhmPerV", 500, "cellSpreadMv", 10, "faultyModules", 0, "moduleRepairable", false,
			"repairLoopsDone", 0);

	@Autowired
	@AdminClient
	private CamundaClient client;

	@Autowired
	private AuditLog auditLog;

	@Autowired
	private ModelDeployer startUpDeployment;

	private WebSession owner;

	@BeforeEach
	void signInAsProcessOwner() {
		this.owner = WebSession.signedIn(baseUrl(), "process-owner");
	}

	@AfterEach
	void putTheReuseThresholdBack() {
		HttpResponse<String> page = this.owner.get("/models");
		if (!"75".equals(valueInForce(page.body(), SOH_REUSE))) {
			assertThat(change(SOH_REUSE, "75", "test over: back to the brief's value").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void shouldDecideWithTheNewValueAndNameItsVersionWhenAProcessOwnerChangesTheSohReuseThreshold() {
		assertThat(evaluate().getDecisionOutput()).contains("SECOND_LIFE_STATIONARY");
		HttpResponse<String> before = this.owner.get("/models");
		assertThat(valueInForce(before.body(), SOH_REUSE)).isEqualTo("75");
		int versionBefore = versionInForce(before.body(), SOH_REUSE);

		HttpResponse<String> changed = change(SOH_REUSE, "70", "Leasing contract floor lowered to 70 %");

		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(changed.body()).contains("id=\"parameter-changed\"");
		assertThat(valueInForce(changed.body(), SOH_REUSE)).isEqualTo("70");
		int versionAfter = versionInForce(changed.body(), SOH_REUSE);
		assertThat(versionAfter).isGreaterThan(versionBefore);

		EvaluateDecisionResponse decision = evaluate();
		assertThat(decision.getDecisionOutput()).contains("REUSE_IN_VEHICLE");
		assertThat(decision.getDecisionVersion()).isEqualTo(versionAfter);
		assertThat(decision.getEvaluatedDecisions()).anySatisfy((evaluated) -> {
			assertThat(evaluated.getDecisionId()).isEqualTo(PARAMETERS);
			assertThat(evaluated.getDecisionVersion()).isEqualTo(versionAfter);
			assertThat(evaluated.getDecisionOutput()).contains("\"sohReuseMinPct\":70");
		});
		assertThat(instances(PARAMETERS, versionAfter))
			.anySatisfy((instance) -> assertThat(instance.getResult()).contains("\"sohReuseMinPct\":70"));
		assertThat(instances("battery-disposition", versionAfter))
			.anySatisfy((instance) -> assertThat(instance.getResult()).contains("REUSE_IN_VEHICLE"));

		AuditEntry audit = last(this.auditLog.withAction(DecisionParameters.ACTION));
		assertThat(audit.actor()).isEqualTo("process-owner");
		assertThat(audit.subjectKey()).isEqualTo("battery-disposition.dmn");
		assertThat(audit.data()).contains("\"parameter\":\"sohReuseMinPct\"")
			.contains("\"oldValue\":\"75\"")
			.contains("\"newValue\":\"70\"")
			.contains("\"reason\":\"Leasing contract floor lowered to 70 %\"")
			.contains(PARAMETERS + " v" + versionAfter);
	}

	@Test
	void shouldKeepTheProcessOwnersValueWhenTheApplicationDeploysItsModelsAgainAtTheNextStart() {
		change(SOH_REUSE, "70", "Leasing contract floor lowered to 70 %");
		int versionChanged = versionInForce(this.owner.get("/models").body(), SOH_REUSE);

		this.startUpDeployment.deployAll(this.client);

		HttpResponse<String> page = this.owner.get("/models");
		assertThat(valueInForce(page.body(), SOH_REUSE)).isEqualTo("70");
		assertThat(versionInForce(page.body(), SOH_REUSE)).isEqualTo(versionChanged);
		assertThat(evaluate().getDecisionOutput()).contains("REUSE_IN_VEHICLE");
	}

	@Test
	void shouldRefuseAnotherRoleWhenItPostsAParameterChange() {
		WebSession technician = WebSession.signedIn(baseUrl(), "battery-technician");
		HttpResponse<String> models = this.owner.get("/models");

		HttpResponse<String> refused = technician.post("/models/parameters",
				form(models.body(), SOH_REUSE, "70", "I want reuse"));

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(valueInForce(this.owner.get("/models").body(), SOH_REUSE)).isEqualTo("75");
	}

	@Test
	void shouldNameTheFieldAndChangeNothingWhenTheValueIsNotANumberOrOutOfRange() {
		int auditEntries = this.auditLog.withAction(DecisionParameters.ACTION).size();
		int version = versionInForce(this.owner.get("/models").body(), SOH_REUSE);

		for (String bad : List.of("seventy", "72,5", "150", "-1", "")) {
			HttpResponse<String> refused = change(SOH_REUSE, bad, "typo");

			assertThat(refused.statusCode()).as(bad).isEqualTo(422);
			assertThat(refused.body()).as(bad).contains("id=\"parameter-problems\"").contains("data-field=\"value\"");
		}
		HttpResponse<String> noReason = change(SOH_REUSE, "70", " ");
		assertThat(noReason.statusCode()).isEqualTo(422);
		assertThat(noReason.body()).contains("data-field=\"reason\"");

		HttpResponse<String> page = this.owner.get("/models");
		assertThat(valueInForce(page.body(), SOH_REUSE)).isEqualTo("75");
		assertThat(versionInForce(page.body(), SOH_REUSE)).isEqualTo(version);
		assertThat(this.auditLog.withAction(DecisionParameters.ACTION)).hasSize(auditEntries);
		assertThat(evaluate().getDecisionOutput()).contains("SECOND_LIFE_STATIONARY");
	}

	private HttpResponse<String> change(String parameter, String value, String reason) {
		HttpResponse<String> models = this.owner.get("/models");
		return this.owner.post("/models/parameters", form(models.body(), parameter, value, reason));
	}

	/**
	 * The fields of the parameter's change form as the page renders them, with what the
	 * owner types.
	 */
	private static Map<String, List<String>> form(String page, String parameter, String value, String reason) {
		String row = row(page, parameter);
		return Map.of("decisionId", List.of(hidden(row, "decisionId")), "decisionKey",
				List.of(hidden(row, "decisionKey")), "name", List.of(hidden(row, "name")), "value", List.of(value),
				"reason", List.of(reason));
	}

	private EvaluateDecisionResponse evaluate() {
		return this.client.newEvaluateDecisionCommand()
			.decisionId("battery-disposition")
			.variables(PACK_AT_72_PCT)
			.send()
			.join();
	}

	private List<DecisionInstance> instances(String decisionId, int version) {
		return this.client.newDecisionInstanceSearchRequest()
			.filter((filter) -> filter.decisionDefinitionId(decisionId).decisionDefinitionVersion(version))
			.send()
			.join()
			.items();
	}

	private static String row(String page, String parameter) {
		String table = page.substring(page.indexOf("id=\"parameter-values\""));
		int start = table.indexOf("data-parameter=\"" + parameter + "\"");
		assertThat(start).as("row of %s on the models page", parameter).isPositive();
		return table.substring(start, table.indexOf("</tr>", start));
	}

	private static String valueInForce(String page, String parameter) {
		return cell(row(page, parameter), "value");
	}

	private static int versionInForce(String page, String parameter) {
		return Integer.parseInt(cell(row(page, parameter), "version").substring(1));
	}

	private static String cell(String row, String cssClass) {
		Matcher cell = Pattern.compile("<td class=\"" + cssClass + "\">([^<]*)</td>").matcher(row);
		assertThat(cell.find()).as("cell %s in %s", cssClass, row).isTrue();
		return cell.group(1).strip();
	}

	private static String hidden(String row, String name) {
		Matcher field = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(row);
		assertThat(field.find()).as("field %s in %s", name, row).isTrue();
		return field.group(1);
	}

	private static AuditEntry last(List<AuditEntry> entries) {
		assertThat(entries).isNotEmpty();
		return entries.get(entries.size() - 1);
	}

}
