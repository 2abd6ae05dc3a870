package fr.refactory.system.tracing;

import java.io.IOException;

import io.camunda.client.CredentialsProvider;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;

/**
 * A Camunda client's credentials, and the current trace context as {@code traceparent}
 * (W3C) when there is one (ADR 1300). The trace context goes where the client adds its
 * credentials: that is the one hook of the Camunda client 8.8 that runs on the thread
 * sending the request; its HTTP chain handlers run after the connection lease, sometimes
 * on the client's I/O thread, where the caller's trace is not current. Used by the job
 * workers' client and by the console's.
 */
public record TraceContextCredentials(CredentialsProvider credentials, ObjectProvider<Tracer> tracer,
		ObjectProvider<Propagator> propagator) implements CredentialsProvider, AutoCloseable {

	@Override
	public void applyCredentials(CredentialsApplier applier) throws IOException {
		this.credentials.applyCredentials(applier);
		Tracer current = this.tracer.getIfAvailable();
		Propagator headers = this.propagator.getIfAvailable();
		if (current == null || headers == null || current.currentTraceContext().context() == null) {
			return;
		}
		headers.inject(current.currentTraceContext().context(), applier, CredentialsApplier::put);
	}

	@Override
	public boolean shouldRetryRequest(StatusCode statusCode) {
		return this.credentials.shouldRetryRequest(statusCode);
	}

	@Override
	public void close() throws Exception {
		if (this.credentials instanceof AutoCloseable closeable) {
			closeable.close();
		}
	}

}
