package fr.refactory.engine.expression;

import org.camunda.feel.api.FeelEngineApi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The FEEL engine the rest of the application evaluates with, bounded like the engine's
 * own evaluations. Without {@code @ConditionalOnEmbeddedEngine}: the console evaluates
 * form conditions against a real Camunda 8 too, and this bean holds no engine state and
 * serves no API (ADR 0510).
 */
@Configuration(proxyBeanMethods = false)
class BoundedFeelConfiguration {

	@Bean
	FeelEngineApi boundedFeelEngine(EvaluationLimits limits) {
		return BoundedFeelEngine.within(limits);
	}

}
