package fr.refactory.system.database;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import fr.refactory.RefactoryApplication;
import fr.refactory.test.RefactoryIntegrationTest;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the whole application outside the shared test context, for tests that stop and
 * start it or configure its database differently.
 */
final class StandaloneApplication {

	private StandaloneApplication() {
	}

	static ConfigurableApplicationContext startWithEmbeddedDatabase(Path dataDirectory) {
		return start("refactory.database.embedded.data-directory=" + dataDirectory);
	}

	static ConfigurableApplicationContext start(String... extraProperties) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=" + RefactoryIntegrationTest.freePort(),
				"--refactory.database.embedded.synchronous-commit=on",
				// these tests are about the database: the 79 start-up models and the
				// application's workers (tested on
				// the shared context) would cost each start seconds of verify time
				"--camunda.client.deployment.enabled=false", "--camunda.client.worker.defaults.enabled=false"));
		Arrays.stream(extraProperties).map((property) -> "--" + property).forEach(arguments::add);
		// command-line arguments, because application.yml would override
		// SpringApplicationBuilder.properties()
		return new SpringApplicationBuilder(RefactoryApplication.class).run(arguments.toArray(String[]::new));
	}

}
