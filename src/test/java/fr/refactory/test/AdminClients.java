package fr.refactory.test;

import java.util.List;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.JsonMapper;
import io.camunda.client.jobhandling.CamundaClientExecutorService;
import io.camunda.client.spring.configuration.SpringCamundaClientConfiguration;
import io.camunda.client.spring.properties.CamundaClientProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.Environment;

/**
 * Builds the tests' {@link AdminClient}: the shared context's as a bean, and one for an
 * application a test starts by hand ({@link #of(ApplicationContext)}), closed with that
 * application.
 */
public class AdminClients {

	private static final String USERNAME = "${camunda.process-test.remote.client.auth.username:demo}";

	private static final String PASSWORD = "${camunda.process-test.remote.client.auth.password:demo}";

	@Bean(defaultCandidate = false)
	@AdminClient
	CamundaClient adminCamundaClient(CamundaClientProperties properties, JsonMapper jsonMapper,
			CamundaClientExecutorService executor, @Value(USERNAME) String username, @Value(PASSWORD) String password) {
		return build(properties, jsonMapper, executor, username, password);
	}

	/**
	 * A client signed in as {@code demo} of an application started by a test, closed when
	 * it closes.
	 */
	public static CamundaClient of(ApplicationContext application) {
		Environment environment = application.getEnvironment();
		CamundaClient client = build(application.getBean(CamundaClientProperties.class),
				application.getBean(JsonMapper.class), application.getBean(CamundaClientExecutorService.class),
				environment.resolvePlaceholders(USERNAME), environment.resolvePlaceholders(PASSWORD));
		((ConfigurableApplicationContext) application)
			.addApplicationListener((ContextClosedEvent closed) -> client.close());
		return client;
	}

	private static CamundaClient build(CamundaClientProperties properties, JsonMapper jsonMapper,
			CamundaClientExecutorService executor, String username, String password) {
		CredentialsProvider credentials = CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
			.username(username)
			.password(password)
			.build();
		return CamundaClient.newClient(new SpringCamundaClientConfiguration(properties, jsonMapper, List.of(),
				List.of(), executor, credentials));
	}

}
