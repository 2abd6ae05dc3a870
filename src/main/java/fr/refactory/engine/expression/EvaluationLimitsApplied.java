package fr.refactory.engine.expression;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;

import org.springframework.stereotype.Component;

/**
 * Applies the configured {@link EvaluationLimits} to every FEEL and DMN evaluation of the
 * engine.
 */
@Component
@ConditionalOnEmbeddedEngine
class EvaluationLimitsApplied {

	EvaluationLimitsApplied(EvaluationLimits limits) {
		FeelExpressions.limit(limits);
	}

}
