package fr.refactory.engine.expression;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.clock.ControlledClock;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Makes FEEL's {@code now()} and {@code today()} read the engine clock that tests and CPT
 * move (ADR 0280).
 */
@Component
@ConditionalOnEmbeddedEngine
class EngineClockApplied implements DisposableBean {

	private final ControlledClock clock;

	EngineClockApplied(ControlledClock clock) {
		this.clock = clock;
		FeelExpressions.useClock(clock);
	}

	@Override
	public void destroy() {
		FeelExpressions.releaseClock(this.clock);
	}

}
