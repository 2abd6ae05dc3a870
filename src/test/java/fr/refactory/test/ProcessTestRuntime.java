package fr.refactory.test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientBuilder;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.JsonMapper;
import io.camunda.client.impl.util.Environment;
import io.camunda.client.spring.configuration.CredentialsProviderConfiguration;
import io.camunda.client.spring.properties.CamundaClientAuthProperties.AuthMethod;
import io.camunda.client.spring.properties.CamundaClientProperties;
import io.camunda.process.test.api.CamundaAssert;
import io.camunda.process.test.api.CamundaAssertLifecycle;
import io.camunda.process.test.api.CamundaClientBuilderFactory;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaProcessTestRuntimeMode;
import io.camunda.process.test.impl.client.CamundaManagementClient;
import io.camunda.process.test.impl.configuration.CamundaProcessTestRuntimeConfiguration;
import io.camunda.process.test.impl.extension.CamundaProcessTestContextImpl;
import io.camunda.process.test.impl.runtime.CamundaProcessTestContainerRuntime;
import io.camunda.process.test.impl.runtime.CamundaProcessTestRuntime;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;

/**
 * Camunda Process Test (CPT) in remote mode, built once per test JVM from CPT's own
 * pieces and its own properties ({@code camunda.process-test.*}, see
 * {@code application-test.yml}). Why not {@code @CamundaSpringProcessTest}: it replaces
 * the application's {@code CamundaClient} with a proxy that only works inside test
 * methods and purges all engine data after every test, which would break every other test
 * sharing the one Spring context (start-up deployments, workers); see
 * docs/decisions/0241.
 * <p>
 * CPT 8.8.14 applies {@code remote.client.auth.*} only in SaaS mode and builds its
 * management client without credentials; here both the clients and the management client
 * ({@code /actuator/clock}) sign in with the configured basic credentials.
 */
final class ProcessTestRuntime {

	private static final String PREFER_REST = "CAMUNDA_PREFER_REST";

	/**
	 * CPT waits 10 s for an assertion to hold; our build machines are small and shared.
	 */
	private static final java.time.Duration ASSERTION_TIMEOUT = java.time.Duration.ofSeconds(30);

	private static ProcessTestRuntime current;

	private final ApplicationContext application;

	private final CamundaProcessTestRuntimeConfiguration configuration;

	private final CamundaManagementClient management;

	private final CamundaProcessTestContext context;

	private final List<AutoCloseable> clients = new ArrayList<>();

	private ProcessTestRuntime(ApplicationContext application) {
		this.application = application;
		this.configuration = Binder.get(application.getEnvironment())
			.bind("camunda.process-test", CamundaProcessTestRuntimeConfiguration.class)
			.orElseGet(CamundaProcessTestRuntimeConfiguration::new);
		if (this.configuration.getRuntimeMode() != CamundaProcessTestRuntimeMode.REMOTE) {
			throw new IllegalStateException("Process tests run against a running engine: set "
					+ "camunda.process-test.runtime-mode=remote (CPT's managed mode needs Docker)");
		}
		preferRest();
		CamundaProcessTestRuntime runtime = CamundaProcessTestContainerRuntime.newBuilder()
			.withRuntimeMode(CamundaProcessTestRuntimeMode.REMOTE)
			.withRemoteCamundaClientBuilderFactory(clientBuilders(this.configuration.getRemote().getClient()))
			.withRemoteCamundaMonitoringApiAddress(this.configuration.getRemote().getCamundaMonitoringApiAddress())
			.withRemoteConnectorsRestApiAddress(this.configuration.getRemote().getConnectorsRestApiAddress())
			.withRemoteRuntimeConnectionTimeout(this.configuration.getRemote().getRuntimeConnectionTimeout())
			.build();
		runtime.start();
		this.management = managementClient(runtime, this.configuration.getRemote().getClient());
		// before the context takes the await behaviour: first attempt at once, not after
		// one interval (decision 0246)
		CamundaAssert.setAwaitBehavior(new PromptAwaitBehavior());
		JsonMapper jsonMapper = application.getBeanProvider(JsonMapper.class).getIfAvailable();
		this.context = new CamundaProcessTestContextImpl(runtime, this.clients::add, this.management,
				CamundaAssertLifecycle.awaitBehavior(), jsonMapper, null);
		if (jsonMapper != null) {
			CamundaAssert.setJsonMapper(jsonMapper);
		}
		CamundaAssert.setAssertionTimeout(ASSERTION_TIMEOUT);
	}

	/** The runtime of this JVM's application context (built on first use). */
	static synchronized ProcessTestRuntime of(ApplicationContext application) {
		if (current == null || current.application != application) {
			current = new ProcessTestRuntime(application);
		}
		return current;
	}

	CamundaProcessTestContext context() {
		return this.context;
	}

	CamundaManagementClient management() {
		return this.management;
	}

	String coverageReportDirectory() {
		return this.configuration.getCoverage().getReportDirectory();
	}

	List<String> coverageExcludedProcesses() {
		return this.configuration.getCoverage().getExcludedProcesses();
	}

	/**
	 * Closes every client (and so every mocked job worker) created since the last call.
	 */
	synchronized void closeClients() {
		for (AutoCloseable client : this.clients) {
			try {
				client.close();
			}
			catch (Exception ex) {
				// a client that fails to close holds no engine state; the next test gets
				// new clients anyway
			}
		}
		this.clients.clear();
	}

	/**
	 * CPT forces gRPC on every client it builds; the embedded engine speaks REST only.
	 * The client lets the environment variable override that (surefire sets it); setting
	 * it here too keeps process tests working from an IDE.
	 */
	private static void preferRest() {
		if (!Environment.system().isDefined(PREFER_REST)) {
			Environment.system().put(PREFER_REST, "true");
		}
	}

	private static CamundaClientBuilderFactory clientBuilders(CamundaClientProperties properties) {
		CredentialsProvider credentials = new CredentialsProviderConfiguration()
			.camundaClientCredentialsProvider(properties);
		return () -> {
			CamundaClientBuilder builder = CamundaClient.newClientBuilder().credentialsProvider(credentials);
			if (properties.getRestAddress() != null) {
				builder.restAddress(properties.getRestAddress());
			}
			if (properties.getGrpcAddress() != null) {
				builder.grpcAddress(properties.getGrpcAddress());
			}
			if (properties.getRequestTimeout() != null) {
				builder.defaultRequestTimeout(properties.getRequestTimeout());
			}
			return builder;
		};
	}

	private static CamundaManagementClient managementClient(CamundaProcessTestRuntime runtime,
			CamundaClientProperties properties) {
		URI monitoring = runtime.getCamundaMonitoringApiAddress();
		URI rest = runtime.getCamundaRestApiAddress();
		if (properties.getAuth().getMethod() != AuthMethod.basic) {
			return CamundaManagementClient.createClient(monitoring, rest);
		}
		String credentials = properties.getAuth().getUsername() + ":" + properties.getAuth().getPassword();
		return CamundaManagementClient.createAuthenticatedClient(monitoring, rest,
				Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
	}

}
