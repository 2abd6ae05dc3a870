package fr.refactory.engine.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

import io.camunda.client.annotation.Deployment;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Deploys the application's models ({@code processes/*.bpmn}, {@code processes/forms/*.form},
 * {@code decisions/*.dmn}) through the Camunda client at start-up, using the starter's {@link Deployment} (which also
 * works under Camunda Process Test). The starter fails on an empty deployment, so this is only registered when at
 * least one resource exists.
 * <p>
 * Deliberately not conditional on the embedded engine: against a real Camunda 8 cluster the application must deploy
 * its models too. It can be switched off with {@code camunda.client.deployment.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "camunda.client.deployment.enabled", havingValue = "true", matchIfMissing = true)
@Conditional(ClasspathDeployment.ModelsPresent.class)
@Deployment(resources = { ClasspathDeployment.PROCESSES, ClasspathDeployment.FORMS, ClasspathDeployment.DECISIONS })
public class ClasspathDeployment {

	public static final String PROCESSES = "classpath*:processes/*.bpmn";

	public static final String FORMS = "classpath*:processes/forms/*.form";

	public static final String DECISIONS = "classpath*:decisions/*.dmn";

	/** @return whether any of the patterns matches at least one readable resource */
	public static boolean anyPresent(ResourcePatternResolver resolver, String... patterns) {
		try {
			for (String pattern : patterns) {
				Resource[] resources = resolver.getResources(pattern);
				if (Arrays.stream(resources).anyMatch(Resource::isReadable)) {
					return true;
				}
			}
			return false;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static class ModelsPresent implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(context.getClassLoader());
			return anyPresent(resolver, PROCESSES, FORMS, DECISIONS);
		}

	}

}
