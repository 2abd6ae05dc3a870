package fr.refactory.workers.support;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.exception.BpmnError;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Times every {@code @JobWorker} method per job type and outcome ({@code refactory.worker.job.duration}, ADR 0604):
 * the Camunda starter counts jobs activated, completed and failed ({@code camunda.job.invocations}) but not how long a
 * handler ran. The workers' beans get a proxy whose advice times the annotated methods; the starter finds the methods
 * on the bean's own class and calls them through the proxy.
 */
@Component
class WorkerTimings extends AbstractBeanFactoryAwareAdvisingPostProcessor {

	private static final Logger LOG = LoggerFactory.getLogger(WorkerTimings.class);

	private static final String[] OUTCOMES = { "completed", "bpmn_error", "failed" };

	WorkerTimings(ObjectProvider<MeterRegistry> registry) {
		this.advisor = new DefaultPointcutAdvisor(new AnnotationMatchingPointcut(null, JobWorker.class, true),
				new Timing(registry));
		setProxyTargetClass(true);
	}

	/** The advice: one timer per job type and outcome, made on the first call of the type. */
	private static final class Timing implements MethodInterceptor {

		private final ObjectProvider<MeterRegistry> registry;

		private final Map<Method, Timer[]> timers = new ConcurrentHashMap<>();

		Timing(ObjectProvider<MeterRegistry> registry) {
			this.registry = registry;
		}

		@Override
		public Object invoke(MethodInvocation invocation) throws Throwable {
			Timer[] byOutcome = this.timers.computeIfAbsent(invocation.getMethod(), this::timersOf);
			long start = System.nanoTime();
			int outcome = 0;
			try {
				return invocation.proceed();
			}
			catch (BpmnError ex) {
				outcome = 1;
				// a business outcome the model may catch or not: one line, with the job's
				// keys from the MDC (ADR 1304)
				LOG.info("Job answered with BPMN error {}: {}", ex.getErrorCode(), ex.getErrorMessage());
				throw ex;
			}
			catch (Throwable ex) {
				outcome = 2;
				throw ex;
			}
			finally {
				if (byOutcome != null) {
					byOutcome[outcome].record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
				}
			}
		}

		private Timer[] timersOf(Method method) {
			MeterRegistry meters = this.registry.getIfAvailable();
			JobWorker worker = method.getAnnotation(JobWorker.class);
			if (meters == null || worker == null) {
				return null;
			}
			String type = worker.type().isEmpty() ? method.getName() : worker.type();
			Timer[] byOutcome = new Timer[OUTCOMES.length];
			for (int outcome = 0; outcome < OUTCOMES.length; outcome++) {
				byOutcome[outcome] = Timer.builder("refactory.worker.job.duration")
					.description("How long a job worker's handler ran, per job type and outcome")
					.tags("type", type, "outcome", OUTCOMES[outcome])
					.register(meters);
			}
			return byOutcome;
		}

	}

}
