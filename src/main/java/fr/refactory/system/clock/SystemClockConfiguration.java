package fr.refactory.system.clock;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's {@link Clock} when no embedded engine runs. With the embedded engine,
 * the engine provides the clock (one that tests and Camunda Process Test can move), so
 * that pages and engine agree on what time it is.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "refactory.engine.enabled", havingValue = "false")
class SystemClockConfiguration {

	@Bean
	Clock systemClock() {
		return Clock.systemUTC();
	}

}
