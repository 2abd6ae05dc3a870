package fr.refactory.system.tracing;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class TracingSwitchTest {

	@Test
	void tracingOffExcludesTheSpanHandlersAndKeepsOtherExclusions() {
		List<String> excluded = excludedWith(Map.of("management.tracing.enabled", "false",
				"spring.autoconfigure.exclude[0]", "com.example.SomethingElse"));

		assertThat(excluded).contains("com.example.SomethingElse")
			.containsAll(TracingSwitch.TRACING_AUTO_CONFIGURATIONS);
	}

	@Test
	void tracingOnOrUnsetExcludesNothing() {
		assertThat(excludedWith(Map.of("management.tracing.enabled", "true"))).isEmpty();
		assertThat(excludedWith(Map.of())).isEmpty();
	}

	private static List<String> excludedWith(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("given", properties));
		new TracingSwitch().postProcessEnvironment(environment, new SpringApplication());
		return Binder.get(environment)
			.bind("spring.autoconfigure.exclude", Bindable.listOf(String.class))
			.orElse(List.of());
	}

}
