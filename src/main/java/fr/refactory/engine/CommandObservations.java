package fr.refactory.engine;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each engine command (a transactional method of this package's command services:
 * {@code Jobs.complete}, {@code ProcessInstances.create}, ...) is one observation,
 * {@value #OBSERVATION} tagged {@code command}: a span in the trace of the {@code /v2}
 * request or scheduler that gave it, and a timer of the engine's own time per command
 * (ADR 1300). A command that calls another is one observation. The advice sits outside
 * the transaction, so the commit is part of the command's time.
 */
@Component
@ConditionalOnEmbeddedEngine
class CommandObservations extends AbstractBeanFactoryAwareAdvisingPostProcessor {

	static final String OBSERVATION = "refactory.engine.command";

	CommandObservations(ObjectProvider<ObservationRegistry> registry) {
		ComposablePointcut commands = new ComposablePointcut(
				(type) -> type.getPackageName().equals(CommandObservations.class.getPackageName()))
			.intersection(new AnnotationMatchingPointcut(null, Transactional.class, true).getMethodMatcher());
		this.advisor = new DefaultPointcutAdvisor(commands, new Observing(registry));
		this.beforeExistingAdvisors = true;
		setProxyTargetClass(true);
	}

	/**
	 * The advice: the command's name is made once per method; nothing else is built
	 * before the call.
	 */
	private static final class Observing implements MethodInterceptor {

		private final ObjectProvider<ObservationRegistry> provider;

		private final Map<Method, Command> commands = new ConcurrentHashMap<>();

		private volatile ObservationRegistry registry;

		Observing(ObjectProvider<ObservationRegistry> provider) {
			this.provider = provider;
		}

		@Override
		public Object invoke(MethodInvocation invocation) throws Throwable {
			ObservationRegistry observations = registry();
			Observation current = observations.getCurrentObservation();
			if (current != null && OBSERVATION.equals(current.getContext().getName())) {
				return invocation.proceed();
			}
			Command command = this.commands.computeIfAbsent(invocation.getMethod(), Command::of);
			return Observation.createNotStarted(OBSERVATION, observations)
				.contextualName(command.spanName())
				.lowCardinalityKeyValue(command.tag())
				.observeChecked(invocation::proceed);
		}

		private ObservationRegistry registry() {
			ObservationRegistry known = this.registry;
			if (known == null) {
				known = this.provider.getIfAvailable(() -> ObservationRegistry.NOOP);
				this.registry = known;
			}
			return known;
		}

	}

	private record Command(String spanName, KeyValue tag) {

		static Command of(Method method) {
			String type = method.getDeclaringClass().getSimpleName();
			String name = type + "." + method.getName();
			// span names are lower-hyphen case: "engine jobs.complete"
			return new Command(
					"engine " + Character.toLowerCase(type.charAt(0)) + type.substring(1) + "." + method.getName(),
					KeyValue.of("command", name));
		}

	}

}
