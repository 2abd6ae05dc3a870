package fr.refactory.engine.management;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The management endpoints are off unless a profile (dev, test) turns them on; production
 * configuration never does.
 */
class EngineManagementDefaultTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(ManagementOnly.class);

	@Test
	void shouldCreateNoManagementBeanWhenThePropertyIsUnset() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(ManagementMarker.class));
		assertThat(new EngineManagementProperties(null).isEnabled()).isFalse();
	}

	@Test
	void shouldCreateManagementBeansOnlyWhenEnabled() {
		this.runner.withPropertyValues("refactory.engine.management.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(ManagementMarker.class));
		this.runner.withPropertyValues("refactory.engine.management.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ManagementMarker.class));
	}

	@Test
	void shouldLeaveThemOffInTheDefaultConfigurationAndOnInTheDeveloperProfile() throws IOException {
		assertThat(property("application.yml")).isNull();
		assertThat(property("application-dev.yml")).isEqualTo(Boolean.TRUE);
	}

	private static Object property(String file) throws IOException {
		List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(file, new ClassPathResource(file));
		return sources.stream()
			.map((source) -> source.getProperty("refactory.engine.management.enabled"))
			.filter((value) -> value != null)
			.findFirst()
			.orElse(null);
	}

	@Configuration(proxyBeanMethods = false)
	static class ManagementOnly {

		@Bean
		@ConditionalOnEngineManagement
		ManagementMarker managementMarker() {
			return new ManagementMarker();
		}

	}

	static class ManagementMarker {

	}

}
