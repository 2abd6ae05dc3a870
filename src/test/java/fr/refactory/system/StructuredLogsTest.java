package fr.refactory.system;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.logging.logback.StructuredLogEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 20, structured logs (ADR 1300, 1304): with Spring Boot's ECS JSON format on (the
 * encoder of {@code logging.structured.format.console=ecs}, here on an appender of its
 * own in the shared context), the real ERP worker's line about a job it answers with a
 * BPMN error and the engine's line about the incident it opens both carry the instance's
 * {@code processInstanceKey}, the {@code elementId} and the {@code jobKey}.
 */
class StructuredLogsTest extends EngineTestSupport {

	private static final String WORKER_LOGGER = "fr.refactory.workers.support.WorkerTimings";

	private static final String ENGINE_LOGGER = "fr.refactory.engine.execution.behavior.IncidentBehavior";

	@Test
	void shouldPutTheInstanceElementAndJobKeysOnTheEngineAndWorkerLines() throws Exception {
		String processId = uniqueId("structured-logs-probe");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent()
			.serviceTask("masterData", (task) -> task.zeebeJobType("erp.getVehicleMasterData"))
			.endEvent()
			.done());
		try (EcsLines lines = EcsLines.attach()) {
			// an unknown VIN: the ERP answers "not found", the worker throws a BPMN error
			// the model does not catch, the engine opens an incident
			long instance = start(processId, Map.of("vin", "WDB9066331S000001"));
			Incident incident = await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(150))
				.until(() -> incidents(instance).stream().findFirst(), Optional::isPresent)
				.orElseThrow();
			String jobKey = Long.toString(incident.getJobKey());

			JsonNode engine = await().atMost(Duration.ofSeconds(10))
				.until(() -> lines.of(ENGINE_LOGGER, jobKey), Optional::isPresent)
				.orElseThrow();
			JsonNode worker = await().atMost(Duration.ofSeconds(10))
				.until(() -> lines.of(WORKER_LOGGER, jobKey), Optional::isPresent)
				.orElseThrow();
			for (JsonNode line : List.of(engine, worker)) {
				assertThat(line.path("processInstanceKey").asText()).isEqualTo(Long.toString(instance));
				assertThat(line.path("elementId").asText()).isEqualTo("masterData");
				assertThat(line.path("jobKey").asText()).isEqualTo(jobKey);
				assertThat(line.path("ecs").path("version").asText()).as("an ECS line").isNotEmpty();
			}
			assertThat(engine.path("log").path("level").asText()).isEqualTo("WARN");
			assertThat(engine.path("message").asText()).contains("UNHANDLED_ERROR_EVENT");
			assertThat(worker.path("jobType").asText()).isEqualTo("erp.getVehicleMasterData");
		}
	}

	/** The ECS lines written while attached to the root logger, parsed. */
	private static final class EcsLines extends AppenderBase<ILoggingEvent> implements AutoCloseable {

		private final StructuredLogEncoder encoder = new StructuredLogEncoder();

		private final List<String> lines = new CopyOnWriteArrayList<>();

		private final ObjectMapper json = new ObjectMapper();

		static EcsLines attach() {
			LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
			EcsLines lines = new EcsLines();
			lines.setContext(context);
			lines.encoder.setContext(context);
			lines.encoder.setFormat("ecs");
			lines.encoder.start();
			lines.start();
			context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(lines);
			return lines;
		}

		@Override
		protected void append(ILoggingEvent event) {
			this.lines.add(new String(this.encoder.encode(event), StandardCharsets.UTF_8));
		}

		Optional<JsonNode> of(String logger, String jobKey) {
			return this.lines.stream()
				.map(this::parse)
				.filter((line) -> logger.equals(line.path("log").path("logger").asText()))
				.filter((line) -> jobKey.equals(line.path("jobKey").asText()))
				.findFirst();
		}

		private JsonNode parse(String line) {
			try {
				return this.json.readTree(line);
			}
			catch (Exception ex) {
				throw new IllegalStateException("Not a JSON line: " + line, ex);
			}
		}

		@Override
		public void close() {
			((LoggerContext) getContext()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
			stop();
			this.encoder.stop();
		}

	}

}
