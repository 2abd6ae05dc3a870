package fr.refactory.test;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import org.springframework.context.annotation.Bean;

/**
 * The shared test context's spans, kept in memory as each span ends (no batching delay). Only the latest
 * {@value #KEPT} are kept: every request of every test makes spans, and the test JVM runs for minutes.
 */
public class TestSpans {

	private static final int KEPT = 5_000;

	private final ConcurrentLinkedDeque<SpanData> spans = new ConcurrentLinkedDeque<>();

	private final AtomicInteger size = new AtomicInteger();

	@Bean
	SpanProcessor testSpanProcessor() {
		return SimpleSpanProcessor.create(new Exporter());
	}

	/** The spans of a trace ended so far. */
	public List<SpanData> ofTrace(String traceId) {
		return this.spans.stream().filter((span) -> span.getTraceId().equals(traceId)).toList();
	}

	/** The ended spans kept, oldest first. */
	public List<SpanData> all() {
		return List.copyOf(this.spans);
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
