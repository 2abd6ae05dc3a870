package fr.refactory.system.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.error.ErrorAttributeOptions.Include;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Server errors outside the engine API never show their exception; client errors keep
 * their message.
 */
class ErrorDetailsGuardTest {

	private static final ErrorAttributeOptions ALL = ErrorAttributeOptions.of(Include.MESSAGE, Include.EXCEPTION,
			Include.STACK_TRACE, Include.BINDING_ERRORS);

	private static Map<String, Object> attributes(int status, Exception failure) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/console/tasks/1");
		request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
		request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, failure);
		return new ErrorDetailsGuard().getErrorAttributes(new ServletWebRequest(request), ALL);
	}

	@Test
	void shouldHideTheExceptionOfAServerError() {
		Map<String, Object> attributes = attributes(500,
				new IllegalStateException("ERROR: invalid byte sequence in select * from engine_job"));

		assertThat(attributes.get("message")).as(attributes.toString()).isEqualTo(ErrorDetailsGuard.GENERIC_MESSAGE);
		assertThat(attributes).doesNotContainKeys("exception", "trace");
		assertThat(attributes.toString()).doesNotContain("engine_job").doesNotContain("IllegalStateException");
	}

	@Test
	void shouldKeepTheMessageOfAClientError() {
		Map<String, Object> attributes = attributes(400, new IllegalArgumentException("Expected a VIN of 17 letters"));

		assertThat(attributes.get("message")).isEqualTo("Expected a VIN of 17 letters");
	}

}
