package fr.refactory.test;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;

import org.springframework.context.annotation.Bean;

/**
 * The shared test context's spans, kept in memory as each span ends (no batching delay),
 * while a test records them ({@link #recording()}): a trace is sampled only when it
 * starts during a recording, so the other tests' requests and commands make unsampled
 * spans (recording every trace of a verify cost CPU on every request and command, ADR
 * 1201). Only the latest {@value #KEPT} are kept.
 */
public class TestSpans {

	private static final int KEPT = 5_000;

	private final ConcurrentLinkedDeque<SpanData> spans = new ConcurrentLinkedDeque<>();

	private final AtomicInteger size = new AtomicInteger();

	private final AtomicBoolean recording = new AtomicBoolean();

	@Bean
	SpanProcessor testSpanProcessor() {
		return SimpleSpanProcessor.create(new Exporter());
	}

	/**
	 * Replaces Boot's ratio sampler ({@code management.tracing.sampling.probability}):
	 * parent-based as the product's, a new trace sampled only while a test records.
	 */
	@Bean
	Sampler testSampler() {
		return Sampler.parentBased(new WhileRecording());
	}

	/** Samples the traces that start until the returned recording is closed. */
	public Recording recording() {
		this.recording.set(true);
		return () -> this.recording.set(false);
	}

	/** A test's recording of traces, closed after the test. */
	public interface Recording extends AutoCloseable {

		@Override
		void close();

	}

	/** The spans of a trace ended so far. */
	public List<SpanData> ofTrace(String traceId) {
		return this.spans.stream().filter((span) -> span.getTraceId().equals(traceId)).toList();
	}

	/** The ended spans kept, oldest first. */
	public List<SpanData> all() {
		return List.copyOf(this.spans);
	}

	private final class WhileRecording implements Sampler {

		@Override
		public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
				Attributes attributes, List<io.opentelemetry.sdk.trace.data.LinkData> parentLinks) {
			return TestSpans.this.recording.get() ? SamplingResult.recordAndSample() : SamplingResult.drop();
		}

		@Override
		public String getDescription() {
			return "TestSpans.WhileRecording";
		}

	}

	private final class Exporter implements SpanExporter {

		@Override
		public CompletableResultCode export(Collection<SpanData> ended) {
			for (SpanData span : ended) {
				TestSpans.this.spans.addLast(span);
				if (TestSpans.this.size.incrementAndGet() > KEPT && TestSpans.this.spans.pollFirst() != null) {
					TestSpans.this.size.decrementAndGet();
				}
			}
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode flush() {
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode shutdown() {
			return CompletableResultCode.ofSuccess();
		}

	}

}
