package fr.refactory.engine.execution.behavior;

import java.util.LinkedHashMap;
import java.util.Map;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The trace a job is created in, carried to its worker as W3C headers among the job's
 * custom headers, each prefixed {@value #PREFIX} ({@code trace:traceparent}, ADR 1305):
 * the worker's job span continues the trace of the {@code /v2} call or console action
 * that made the engine create the job. The prefix keeps them apart from the model's
 * headers (a worker reading every header as a variable name skips names with a colon).
 * Without tracing (the default, ADR 1302) there is no {@link Tracer} and the model's
 * headers are used as they are.
 */
@Component
@ConditionalOnEmbeddedEngine
class JobTraceHeaders {

	static final String PREFIX = "trace:";

	private final ObjectProvider<Tracer> tracer;

	private final ObjectProvider<Propagator> propagator;

	/** Resolved at the first job: tracing beans do not come and go. */
	private volatile Propagation propagation;

	JobTraceHeaders(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/** The model's headers, plus the current trace's when a trace is current. */
	Map<String, String> of(Map<String, String> modelHeaders) {
		Propagation current = propagation();
		if (current.tracer() == null || current.propagator() == null) {
			return modelHeaders;
		}
		TraceContext context = current.tracer().currentTraceContext().context();
		if (context == null) {
			return modelHeaders;
		}
		Map<String, String> headers = new LinkedHashMap<>(modelHeaders);
		current.propagator().inject(context, headers, (carrier, key, value) -> carrier.put(PREFIX + key, value));
		return headers;
	}

	private Propagation propagation() {
		Propagation known = this.propagation;
		if (known == null) {
			known = new Propagation(this.tracer.getIfAvailable(), this.propagator.getIfAvailable());
			this.propagation = known;
		}
		return known;
	}

	private record Propagation(Tracer tracer, Propagator propagator) {
	}

}
