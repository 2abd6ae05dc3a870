package fr.refactory.system.security;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.util.AntPathMatcher;

/**
 * A {@code /v2} or management call the client's roles do not permit: a 403 problem, as
 * the Camunda REST API answers it, naming the operation and the permission it needs.
 */
class ApiAccessDeniedHandler implements AccessDeniedHandler {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final AntPathMatcher PATHS = new AntPathMatcher();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		String operation = request.getMethod() + " " + request.getRequestURI();
		String needed = ApiOperations.ALL.stream()
			.filter((candidate) -> candidate.method().matches(request.getMethod())
					&& PATHS.match(candidate.path(), request.getRequestURI()))
			.map((candidate) -> candidate.permission().name())
			.findFirst()
			.orElse("the ADMIN role");
		response.setStatus(HttpStatus.FORBIDDEN.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JSON.writeValue(response.getOutputStream(),
				Map.of("type", "about:blank", "title", "FORBIDDEN", "status", 403, "instance", request.getRequestURI(),
						"detail", "Insufficient permissions to perform " + operation + ": it needs " + needed));
	}

}
