package fr.refactory.console;

import java.util.List;

import fr.refactory.system.security.ConsoleClient;
import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.JsonMapper;
import io.camunda.client.jobhandling.CamundaClientExecutorService;
import io.camunda.client.spring.configuration.SpringCamundaClientConfiguration;
import io.camunda.client.spring.properties.CamundaClientAuthProperties.AuthMethod;
import io.camunda.client.spring.properties.CamundaClientProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The console's and audit views' own Camunda client: the application's client settings
 * ({@code camunda.client.*}) with the console's credentials, so the job workers' client
 * can stay limited to jobs (ADR 0506). Not a default candidate: a plain
 * {@code CamundaClient} is still the workers' (the Camunda starter's), and this one must
 * be asked for with {@link ConsoleClient}. Against a Camunda 8 cluster signed in another
 * way than basic (OIDC, none), it uses the application's credentials: the cluster's own
 * authorizations then apply.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleClientConfiguration {

	@Bean(defaultCandidate = false)
	@ConsoleClient
	CamundaClient consoleCamundaClient(CamundaClientProperties properties, JsonMapper jsonMapper,
			CamundaClientExecutorService executor, @ConsoleClient CredentialsProvider credentials) {
		return CamundaClient.newClient(new SpringCamundaClientConfiguration(properties, jsonMapper, List.of(),
				List.of(), executor, credentials));
	}

	/**
	 * A bean of its own, so the post-processor that adds the current trace context to
	 * every client credentials bean (ADR 1300) gives it to the console's too: a page's
	 * trace continues into its /v2 calls (ADR 1306).
	 */
	@Bean(defaultCandidate = false)
	@ConsoleClient
	CredentialsProvider consoleCredentials(CamundaClientProperties properties,
			CredentialsProvider applicationCredentials,
			@Value("${refactory.engine.console-client.username}") String username,
			@Value("${refactory.engine.console-client.password}") String password) {
		return properties.getAuth().getMethod() != AuthMethod.basic ? applicationCredentials
				: CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
					.username(username)
					.password(password)
					.build();
	}

}
