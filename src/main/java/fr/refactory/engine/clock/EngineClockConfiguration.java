package fr.refactory.engine.clock;

import java.time.Clock;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnEmbeddedEngine
class EngineClockConfiguration {

	@Bean
	ControlledClock engineClock() {
		return new ControlledClock(Clock.systemUTC());
	}

}
