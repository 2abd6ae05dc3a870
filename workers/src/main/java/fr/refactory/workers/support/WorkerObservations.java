package fr.refactory.workers.support;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.annotation.value.JobWorkerValue;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.BackoffSupplier;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobHandler;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobWorkerManager;
import io.camunda.client.jobhandling.parameter.ParameterResolverStrategy;
import io.camunda.client.jobhandling.result.ResultProcessorStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.slf4j.MDC;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Traces and log context of the job workers (ADR 1300). Each job a worker handles is one observation,
 * {@value #OBSERVATION}, around the whole handling: the {@code @JobWorker} method, its plant calls and the completion
 * (or failure) command the starter then sends. While it runs, the log lines carry the job's key, type, process
 * instance key and element id, and every request of the application's Camunda client carries the trace context as a
 * W3C {@code traceparent} header, so the engine's {@code /v2} request and command join the job's trace.
 */
@Configuration(proxyBeanMethods = false)
class WorkerObservations {

	static final String OBSERVATION = "refactory.worker.job.handling";

	/**
	 * The engine's prefix of the trace headers it adds to a job's custom headers (ADR
	 * 1305).
	 */
	static final String TRACE_HEADER_PREFIX = "trace:";

	/**
	 * The starter's job worker manager, replaced by one that wraps each handler in the job's observation (the
	 * starter's bean has no condition, so it cannot be replaced by a bean of ours).
	 */
	@Bean
	static BeanPostProcessor observedJobWorkers(ObjectProvider<CommandExceptionHandlingStrategy> commands,
			ObjectProvider<MetricsRecorder> metrics, ObjectProvider<ParameterResolverStrategy> parameters,
			ObjectProvider<ResultProcessorStrategy> results, ObjectProvider<BackoffSupplier> backoff,
			ObjectProvider<JobExceptionHandlingStrategy> exceptions, ObjectProvider<ObservationRegistry> registry) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof JobWorkerManager && !(bean instanceof ObservedJobWorkerManager)) {
					return new ObservedJobWorkerManager(commands.getObject(), metrics.getObject(),
							parameters.getObject(), results.getObject(), backoff.getObject(), exceptions.getObject(),
							registry);
				}
				return bean;
			}
		};
	}

	/**
	 * The trace context goes where the client adds its credentials: that is the one hook of the Camunda client 8.8
	 * that runs on the thread sending the request. Its HTTP chain handlers run after the connection lease, sometimes
	 * on the client's I/O thread, where the job's trace is not current.
	 */
	@Bean
	static BeanPostProcessor traceContextInClientRequests(ObjectProvider<Tracer> tracer,
			ObjectProvider<Propagator> propagator) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof CredentialsProvider credentials && !(bean instanceof TraceContextHeaders)) {
					return new TraceContextHeaders(credentials, tracer, propagator);
				}
				return bean;
			}
		};
	}

	private static final class ObservedJobWorkerManager extends JobWorkerManager {

		private final ObjectProvider<ObservationRegistry> registry;

		ObservedJobWorkerManager(CommandExceptionHandlingStrategy commandExceptionHandlingStrategy,
				MetricsRecorder metricsRecorder, ParameterResolverStrategy parameterResolverStrategy,
				ResultProcessorStrategy resultProcessorStrategy, BackoffSupplier backoffSupplier,
				JobExceptionHandlingStrategy jobExceptionHandlingStrategy,
				ObjectProvider<ObservationRegistry> registry) {
			super(commandExceptionHandlingStrategy, metricsRecorder, parameterResolverStrategy,
					resultProcessorStrategy, backoffSupplier, jobExceptionHandlingStrategy);
			this.registry = registry;
		}

		@Override
		public JobWorker openWorker(CamundaClient client, JobWorkerValue value, JobHandler handler) {
			ObservationRegistry observations = this.registry.getIfAvailable(() -> ObservationRegistry.NOOP);
			return super.openWorker(client, value, new ObservedJobHandler(handler, observations));
		}

	}

	private record ObservedJobHandler(JobHandler handler, ObservationRegistry observations) implements JobHandler {

		@Override
		public void handle(JobClient client, ActivatedJob job) throws Exception {
			// the job's custom headers carry the trace the engine created it in (ADR 1305):
			// the receiver context lets the tracing handler continue it
			ReceiverContext<ActivatedJob> received = new ReceiverContext<>(
					(carrier, key) -> carrier.getCustomHeaders().get(TRACE_HEADER_PREFIX + key));
			received.setCarrier(job);
			received.setRemoteServiceName("refactory-engine");
			Observation observation = Observation.createNotStarted(OBSERVATION, () -> received, this.observations)
				.contextualName("job " + job.getType())
				.lowCardinalityKeyValue("type", job.getType())
				.highCardinalityKeyValue("jobKey", Long.toString(job.getKey()))
				.highCardinalityKeyValue("processInstanceKey", Long.toString(job.getProcessInstanceKey()))
				.highCardinalityKeyValue("elementId", job.getElementId());
			try (MDC.MDCCloseable jobKey = MDC.putCloseable("jobKey", Long.toString(job.getKey()));
					MDC.MDCCloseable jobType = MDC.putCloseable("jobType", job.getType());
					MDC.MDCCloseable instance = MDC.putCloseable("processInstanceKey",
							Long.toString(job.getProcessInstanceKey()));
					MDC.MDCCloseable element = MDC.putCloseable("elementId", job.getElementId())) {
				observation.observeChecked(() -> this.handler.handle(client, job));
			}
		}

	}

	/** The client's credentials, and the current trace context as {@code traceparent} (W3C) when there is one. */
	private record TraceContextHeaders(CredentialsProvider credentials, ObjectProvider<Tracer> tracer,
			ObjectProvider<Propagator> propagator) implements CredentialsProvider, AutoCloseable {

		@Override
		public void applyCredentials(CredentialsApplier applier) throws java.io.IOException {
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

}
