package fr.refactory.engine.expression;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.clock.ControlledClock;

import org.springframework.stereotype.Component;

/** Makes FEEL's {@code now()} and {@code today()} read the engine clock that tests and CPT move. */
@Component
@ConditionalOnEmbeddedEngine
class EngineClockApplied {

	EngineClockApplied(ControlledClock clock) {
		FeelExpressions.useClock(clock);
	}

}
