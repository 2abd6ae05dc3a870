package fr.refactory.system.web;

import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.system.database.DatabaseAvailabilityProperties;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request that met the lost database is answered 503 problem with a retry hint; other
 * failures go on.
 */
class DatabaseUnavailableResolverTest {

	private final DatabaseUnavailableResolver resolver = new DatabaseUnavailableResolver(new ObjectMapper(),
			new DatabaseAvailabilityProperties(Duration.ofSeconds(5)));

	@Test
	void shouldAnswer503ProblemWithRetryAfterAndNoSqlDetail() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v2/process-instances");
		MockHttpServletResponse response = new MockHttpServletResponse();

		assertThat(this.resolver.resolveException(request, response, null,
				new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection for select * from job")))
			.isNotNull();

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("5");
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getContentAsString())
			.contains("\"title\":\"UNAVAILABLE\"", "\"status\":503", "\"instance\":\"/v2/process-instances\"")
			.doesNotContain("select", "JDBC");
	}

	@Test
	void shouldLeaveAnyOtherFailureToTheNextResolver() {
		assertThat(this.resolver.resolveException(new MockHttpServletRequest(), new MockHttpServletResponse(), null,
				new IllegalStateException("a bug")))
			.isNull();
	}

}
