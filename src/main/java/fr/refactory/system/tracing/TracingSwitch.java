package fr.refactory.system.tracing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code management.tracing.enabled=false} Spring Boot 3.5 only stops exporting
 * spans: its tracing observation handlers still open an OpenTelemetry span and scope for
 * every request and engine command. Those cost the engine a large share of its throughput
 * (ADR 1302), so when tracing is off the auto-configurations that install them, and the
 * no-op tracer, are excluded, and the metrics handler runs alone.
 */
public class TracingSwitch implements EnvironmentPostProcessor {

	static final List<String> TRACING_AUTO_CONFIGURATIONS = List.of(
			"org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration",
			"org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration",
			// with a (no-op) Tracer bean Boot's meter handler expects a tracing handler
			// to have run first
			"org.springframework.boot.actuate.autoconfigure.tracing.NoopTracerAutoConfiguration");

	private static final String EXCLUDE = "spring.autoconfigure.exclude";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getProperty("management.tracing.enabled", Boolean.class, true)) {
			return;
		}
		List<String> excluded = new ArrayList<>(
				Binder.get(environment).bind(EXCLUDE, Bindable.listOf(String.class)).orElse(List.of()));
		TRACING_AUTO_CONFIGURATIONS.stream().filter((name) -> !excluded.contains(name)).forEach(excluded::add);
		environment.getPropertySources()
			.addFirst(new MapPropertySource("refactoryTracingOff", Map.of(EXCLUDE, String.join(",", excluded))));
	}

}
