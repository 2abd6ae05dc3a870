package fr.refactory.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 20, metrics and health: two instances run through the real client, the
 * application's own ERP worker and the simulated ERP; {@code /actuator/prometheus} then
 * shows exactly what they did (differences from before), for the engine, the worker and
 * the plant port. The endpoint is for ADMIN and MONITORING only; health details for
 * ADMIN.
 */
class PrometheusMetricsTest extends EngineTestSupport {

	private static final String MASTER_DATA = "erp.getVehicleMasterData";

	private static final ObjectMapper JSON = new ObjectMapper();

	/** {@code name{labels} value} of the Prometheus text format. */
	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)$");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	@Test
	void shouldCountWhatAnInstanceDidInTheEngineTheWorkerAndThePlantPort() throws Exception {
		String processId = uniqueId("metrics-probe");
		deploy(probe(processId));
		String messageName = processId + "-go";
		Scrape before = scrape();

		// a VIN the simulated ERP knows: master data, then the message the process waits
		// for
		String knownVin = "VF1MA000000000042";
		long completing = start(processId, Map.of("vin", knownVin));
		await().atMost(Duration.ofSeconds(60)).until(() -> waitsForTheMessage(completing));
		this.client.newPublishMessageCommand().messageName(messageName).correlationKey(knownVin).send().join();
		await().atMost(Duration.ofSeconds(60)).until(() -> state(completing) == ProcessInstanceState.COMPLETED);
		// a VIN the ERP does not know: the worker throws MASTER_DATA_NOT_FOUND, nothing
		// catches it, an incident;
		// an operator then cancels the instance, which resolves the incident
		long failing = start(processId, Map.of("vin", "WDB9066331S000001"));
		await().atMost(Duration.ofSeconds(60)).until(() -> !incidents(failing).isEmpty());
		this.client.newCancelInstanceCommand(failing).send().join();

		Scrape after = scrape();
		Map<String, String> ofProcess = Map.of("bpmnProcessId", processId, "partition", "1");
		assertThat(after.delta(before, "zeebe_element_instance_events_total",
				with(ofProcess, "type", "PROCESS", "action", "activated")))
			.as("instances created")
			.isEqualTo(2);
		assertThat(after.delta(before, "zeebe_element_instance_events_total",
				with(ofProcess, "type", "PROCESS", "action", "completed")))
			.as("instances completed")
			.isEqualTo(1);
		assertThat(after.delta(before, "zeebe_element_instance_events_total",
				with(ofProcess, "type", "PROCESS", "action", "terminated")))
			.as("instances terminated")
			.isEqualTo(1);
		assertThat(after.delta(before, "zeebe_element_instance_events_total",
				with(ofProcess, "type", "SERVICE_TASK", "action", "activated")))
			.isEqualTo(2);
		assertThat(after.delta(before, "zeebe_element_instance_events_total",
				with(ofProcess, "type", "INTERMEDIATE_CATCH_EVENT", "action", "completed")))
			.isEqualTo(1);

		Map<String, String> ofJobType = Map.of("type", MASTER_DATA);
		assertThat(after.delta(before, "zeebe_job_events_total", with(ofJobType, "action", "created"))).isEqualTo(2);
		assertThat(after.delta(before, "zeebe_job_events_total", with(ofJobType, "action", "activated"))).isEqualTo(2);
		assertThat(after.delta(before, "zeebe_job_events_total", with(ofJobType, "action", "completed"))).isEqualTo(1);
		assertThat(after.delta(before, "zeebe_job_events_total", with(ofJobType, "action", "error thrown")))
			.isEqualTo(1);
		assertThat(after.delta(before, "zeebe_job_events_total", with(ofJobType, "action", "failed"))).isZero();
		assertThat(after.delta(before, "zeebe_job_activation_time_seconds_count", ofJobType)).isEqualTo(2);
		assertThat(after.series("zeebe_long_polling_queued_current", ofJobType)).as("the worker's long poll")
			.isNotNull();

		Map<String, String> unhandledError = Map.of("errorType", "UNHANDLED_ERROR_EVENT");
		assertThat(after.delta(before, "zeebe_incident_events_total", with(unhandledError, "action", "created")))
			.isEqualTo(1);
		assertThat(after.delta(before, "zeebe_incident_events_total", with(unhandledError, "action", "resolved")))
			.isEqualTo(1);
		assertThat(after.delta(before, "refactory_engine_message_events_total", Map.of("action", "published")))
			.isEqualTo(1);
		assertThat(after.delta(before, "refactory_engine_message_events_total", Map.of("action", "correlated")))
			.isEqualTo(1);

		// the worker: the Camunda starter's counters and the handler's duration per
		// outcome
		assertThat(after.delta(before, "camunda_job_invocations_total", with(ofJobType, "action", "completed")))
			.isEqualTo(1);
		assertThat(after.delta(before, "camunda_job_invocations_total", with(ofJobType, "action", "bpmn-error")))
			.isEqualTo(1);
		assertThat(after.delta(before, "refactory_worker_job_duration_seconds_count",
				with(ofJobType, "outcome", "completed")))
			.isEqualTo(1);
		assertThat(after.delta(before, "refactory_worker_job_duration_seconds_count",
				with(ofJobType, "outcome", "bpmn_error")))
			.isEqualTo(1);

		// the plant port: both calls answered (an unknown VIN is an answer, not an error
		// of the ERP)
		Map<String, String> masterDataCall = Map.of("system", "erp", "operation", "findVehicleMasterData");
		assertThat(
				after.delta(before, "refactory_plant_calls_seconds_count", with(masterDataCall, "outcome", "success")))
			.isEqualTo(2);
		assertThat(after.delta(before, "refactory_plant_calls_seconds_count",
				with(masterDataCall, "outcome", "technical_error")))
			.isZero();
		assertThat(after.series("refactory_plant_consecutive_failures", Map.of("system", "erp"))).isZero();

		// command latency (Spring MVC's timer per /v2 operation) and the database pool
		// (Hikari's own meters)
		assertThat(after.delta(before, "http_server_requests_seconds_count",
				Map.of("uri", "/v2/process-instances", "method", "POST", "status", "200")))
			.isEqualTo(2);
		assertThat(after.series("hikaricp_connections_max", Map.of())).isPositive();
	}

	@Test
	void shouldServeTheMetricsToAdminAndMonitoringOnly() throws Exception {
		assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
		assertThat(get("/actuator/prometheus", "intake-operator:demo").statusCode()).as("an operator").isEqualTo(403);
		assertThat(get("/actuator/prometheus", "engine-client:demo").statusCode()).isEqualTo(403);
		assertThat(get("/actuator/prometheus", "auditor:demo").statusCode()).isEqualTo(403);
		HttpResponse<String> monitoring = get("/actuator/prometheus", "monitoring:demo");
		assertThat(monitoring.statusCode()).isEqualTo(200);
		assertThat(monitoring.body()).contains("zeebe_long_polling_queued_current",
				"refactory_plant_consecutive_failures", "hikaricp_connections");
		assertThat(get("/actuator/prometheus", "demo:demo").statusCode()).as("ADMIN").isEqualTo(200);
	}

	@Test
	void shouldShowThePlantSystemsAndTheEngineOnHealthWithDetailsForAdminOnly() throws Exception {
		JsonNode admin = JSON.readTree(get("/actuator/health", "demo:demo").body());
		JsonNode plant = admin.at("/components/plant/components");
		assertThat(plant.fieldNames()).toIterable()
			.contains("mes", "wms", "erp", "diag", "btb", "eol", "doc", "hrcomp", "passport", "supplier", "reg");
		assertThat(plant.at("/erp/status").asText()).isEqualTo("UP");
		assertThat(plant.at("/erp/details/mode").asText()).isEqualTo("simulated");
		assertThat(admin.at("/components/engine/status").asText()).isEqualTo("UP");
		assertThat(admin.at("/components/engine/details/pendingTimerLag").asText()).startsWith("PT");
		assertThat(admin.at("/components/db/status").asText()).isEqualTo("UP");

		JsonNode operator = JSON.readTree(get("/actuator/health", "intake-operator:demo").body());
		assertThat(operator.path("status").asText()).isEqualTo("UP");
		assertThat(operator.has("components")).as("no details for an operator").isFalse();
		JsonNode monitoring = JSON.readTree(get("/actuator/health", "monitoring:demo").body());
		assertThat(monitoring.has("components")).isFalse();
	}

	private static BpmnModelInstance probe(String processId) {
		return Bpmn.createExecutableProcess(processId)
			.startEvent()
			.serviceTask("masterData", (task) -> task.zeebeJobType(MASTER_DATA))
			.intermediateCatchEvent("go")
			.message((message) -> message.name(processId + "-go").zeebeCorrelationKeyExpression("vin"))
			.endEvent()
			.done();
	}

	private boolean waitsForTheMessage(long processInstanceKey) {
		return !messageSubscriptions(processInstanceKey).isEmpty();
	}

	private static Map<String, String> with(Map<String, String> labels, String... more) {
		Map<String, String> all = new LinkedHashMap<>(labels);
		for (int index = 0; index < more.length; index += 2) {
			all.put(more[index], more[index + 1]);
		}
		return all;
	}

	private Scrape scrape() throws Exception {
		HttpResponse<String> response = get("/actuator/prometheus", "monitoring:demo");
		assertThat(response.statusCode()).isEqualTo(200);
		return Scrape.parse(response.body());
	}

	private HttpResponse<String> get(String path, String credentials) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The samples of one scrape. */
	private record Scrape(List<Sample> samples) {

		static Scrape parse(String text) {
			List<Sample> samples = new ArrayList<>();
			for (String line : text.split("\n")) {
				Matcher sample = SAMPLE.matcher(line);
				if (line.startsWith("#") || !sample.matches()) {
					continue;
				}
				Map<String, String> labels = new LinkedHashMap<>();
				Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
				while (label.find()) {
					labels.put(label.group(1), label.group(2));
				}
				samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
			}
			return new Scrape(samples);
		}

		/**
		 * The sum of the series of the name carrying these labels; null when there is
		 * none.
		 */
		Double series(String name, Map<String, String> labels) {
			List<Sample> matching = this.samples.stream()
				.filter((sample) -> sample.name().equals(name)
						&& sample.labels().entrySet().containsAll(labels.entrySet()))
				.toList();
			return matching.isEmpty() ? null : matching.stream().mapToDouble(Sample::value).sum();
		}

		/**
		 * How much the series grew since {@code before} (a series absent before counts
		 * from zero).
		 */
		double delta(Scrape before, String name, Map<String, String> labels) {
			Double now = series(name, labels);
			assertThat(now).as(name + labels).isNotNull();
			Double then = before.series(name, labels);
			return now - ((then != null) ? then : 0);
		}

	}

	private record Sample(String name, Map<String, String> labels, double value) {

	}

}
