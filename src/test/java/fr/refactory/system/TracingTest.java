package fr.refactory.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.refactory.test.EngineTestSupport;
import fr.refactory.test.TestSpans;
import fr.refactory.test.WebSession;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 20, traces (ADR 1300, 1305): the {@code /v2} creation of an instance, the engine
 * command that creates its job, the application's own ERP worker handling that job, its
 * plant call, the {@code /v2} completion it sends and the engine's command are spans of
 * one trace, each the child of the one before.
 */
class TracingTest extends EngineTestSupport {

	private static final String MASTER_DATA = "erp.getVehicleMasterData";

	@Autowired
	private TestSpans spans;

	@Test
	void shouldCarryTheJobsTraceThroughItsPlantCallAndTheV2CompletionIntoTheEngineCommand() {
		try (TestSpans.Recording recording = this.spans.recording()) {
			carryTheJobsTrace();
		}
	}

	@Test
	void shouldCarryAConsolePagesTraceIntoTheV2SearchesItMakes() {
		try (TestSpans.Recording recording = this.spans.recording()) {
			WebSession intake = WebSession.signedIn(baseUrl(), "intake-operator");
			assertThat(intake.get("/console/tasks").statusCode()).isEqualTo(200);

			SpanData page = await().atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> serverSpan(this.spans.all(), "/console/tasks"), Optional::isPresent)
				.orElseThrow();
			SpanData search = await().atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> serverSpan(this.spans.ofTrace(page.getTraceId()), "/v2/user-tasks/search"),
						Optional::isPresent)
				.orElseThrow();
			assertThat(search.getParentSpanId()).as("the console's /v2 search inside the page's request")
				.isEqualTo(page.getSpanId());
		}
	}

	private static Optional<SpanData> serverSpan(List<SpanData> spans, String uri) {
		return spans.stream()
			.filter((span) -> span.getKind() == SpanKind.SERVER)
			.filter((span) -> uri.equals(span.getAttributes().get(AttributeKey.stringKey("uri"))))
			.findFirst();
	}

	private void carryTheJobsTrace() {
		String processId = uniqueId("trace-probe");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent()
			.serviceTask("masterData", (task) -> task.zeebeJobType(MASTER_DATA))
			.endEvent()
			.done());
		long instance = start(processId, Map.of("vin", "VF1MA000000000042"));
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(150))
			.until(() -> state(instance) == ProcessInstanceState.COMPLETED);

		SpanData job = await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> jobSpanOf(instance), Optional::isPresent)
			.orElseThrow();
		assertThat(job.getAttributes().get(AttributeKey.stringKey("elementId"))).isEqualTo("masterData");
		// the engine command ends before the /v2 request that carried it, and both after
		// the job's span
		List<SpanData> trace = await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.spans.ofTrace(job.getTraceId()), (spans) -> completion(spans).isPresent());

		SpanData plantCall = withAttribute(trace, "operation", "findVehicleMasterData");
		assertThat(plantCall.getParentSpanId()).as("the plant call inside the job").isEqualTo(job.getSpanId());
		assertThat(plantCall.getAttributes().get(AttributeKey.stringKey("outcome"))).isEqualTo("success");

		SpanData completion = completion(trace).orElseThrow();
		assertThat(completion.getKind()).isEqualTo(SpanKind.SERVER);
		assertThat(completion.getParentSpanId()).as("the /v2 completion sent by the job's worker")
			.isEqualTo(job.getSpanId());

		SpanData command = withAttribute(trace, "command", "Jobs.complete");
		assertThat(command.getParentSpanId()).as("the engine command of that request")
			.isEqualTo(completion.getSpanId());
		assertThat(command.getAttributes().get(AttributeKey.stringKey("command"))).isEqualTo("Jobs.complete");

		// engine → worker (ADR 1305): the job carries the trace of the /v2 call that
		// created it, so the worker's span is the child of the engine command that made
		// the job, inside that call's server span
		List<SpanData> whole = await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.spans.ofTrace(job.getTraceId()), (spans) -> creation(spans).isPresent());
		SpanData creation = creation(whole).orElseThrow();
		SpanData create = withAttribute(whole, "command", "ProcessInstances.create");
		assertThat(create.getParentSpanId()).as("the engine command of the /v2 creation")
			.isEqualTo(creation.getSpanId());
		assertThat(job.getParentSpanId()).as("the job's span continues the command that created the job")
			.isEqualTo(create.getSpanId());
		assertThat(job.getKind()).isEqualTo(SpanKind.CONSUMER);
	}

	private static Optional<SpanData> creation(List<SpanData> trace) {
		return trace.stream()
			.filter((span) -> span.getKind() == SpanKind.SERVER)
			.filter((span) -> "/v2/process-instances".equals(span.getAttributes().get(AttributeKey.stringKey("uri"))))
			.findFirst();
	}

	private Optional<SpanData> jobSpanOf(long instance) {
		return this.spans.all()
			.stream()
			.filter((span) -> MASTER_DATA.equals(span.getAttributes().get(AttributeKey.stringKey("type"))))
			.filter((span) -> String.valueOf(instance)
				.equals(span.getAttributes().get(AttributeKey.stringKey("processInstanceKey"))))
			.findFirst();
	}

	private static Optional<SpanData> completion(List<SpanData> trace) {
		return trace.stream()
			.filter((span) -> "/v2/jobs/{key}/completion"
				.equals(span.getAttributes().get(AttributeKey.stringKey("uri"))))
			.findFirst();
	}

	private static SpanData withAttribute(List<SpanData> trace, String key, String value) {
		assertThat(trace).extracting((span) -> span.getAttributes().get(AttributeKey.stringKey(key)))
			.as("the spans of the trace")
			.contains(value);
		return trace.stream()
			.filter((span) -> value.equals(span.getAttributes().get(AttributeKey.stringKey(key))))
			.findFirst()
			.orElseThrow();
	}

}
