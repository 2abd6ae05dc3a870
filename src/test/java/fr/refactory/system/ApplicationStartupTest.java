package fr.refactory.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.AdminClient;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.Topology;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationStartupTest extends RefactoryIntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@AdminClient
	CamundaClient client;

	@Test
	void shouldReportHealthUpWithoutSigningIn() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void shouldLetFlywayOwnTheSchema() {
		Integer applied = this.jdbc.queryForObject(
				"select count(*) from flyway_schema_history where success and version = '001'", Integer.class);

		assertThat(applied).isEqualTo(1);
	}

	@Test
	void shouldConnectTheApplicationsOwnClientWithBasicAuthentication() {
		Topology topology = this.client.newTopologyRequest().send().join();

		assertThat(topology.getBrokers()).hasSize(1);
		assertThat(topology.getBrokers().get(0).getPartitions().get(0).getHealth().name()).isEqualTo("HEALTHY");
	}

}
