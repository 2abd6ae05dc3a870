package fr.refactory.system.security;

import java.nio.file.Files;
import java.nio.file.Path;

import fr.refactory.RefactoryApplication;
import fr.refactory.test.RefactoryIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outside development the application refuses the shipped users, {@code {noop}} passwords
 * and the default API client secret, and says which property to set (issue 19).
 */
class ProductionGuardTest {

	@Test
	void shouldRefuseToStartWithTheShippedUsers() throws Exception {
		Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "guard-");

		assertThatThrownBy(() -> new SpringApplicationBuilder(RefactoryApplication.class).run(
				"--server.port=" + RefactoryIntegrationTest.freePort(),
				"--refactory.database.embedded.data-directory=" + data,
				"--refactory.security.development-credentials-allowed=false"))
			.rootCause()
			.hasMessageContaining("refactory.security.users")
			.hasMessageContaining("refactory.engine.client.password")
			.hasMessageContaining("intake-operator");
	}

	@Test
	void shouldOnlyAllowDevelopmentCredentialsInTheDevAndTestProfiles() throws Exception {
		String application = Files.readString(Path.of("src/main/resources/application.yml"));
		String dev = Files.readString(Path.of("src/main/resources/application-dev.yml"));

		assertThat(application).doesNotContain("development-credentials-allowed");
		assertThat(dev).contains("development-credentials-allowed: true");
	}

}
