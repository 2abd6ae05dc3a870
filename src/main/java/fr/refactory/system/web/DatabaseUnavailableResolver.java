package fr.refactory.system.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.system.database.DatabaseAvailabilityProperties;
import fr.refactory.system.database.DatabaseUnavailable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Any request that failed because the database is gone (stopped, crashed, restarting) is
 * answered 503 with a {@code Retry-After} and a problem+json body, before any controller
 * advice would call it a bug (500): the client may send it again once the database is
 * back. The body names no SQL and no connection detail (ADR 0257).
 */
@Component
class DatabaseUnavailableResolver implements HandlerExceptionResolver, Ordered {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableResolver.class);

	private final ObjectMapper json;

	private final DatabaseAvailabilityProperties properties;

	DatabaseUnavailableResolver(ObjectMapper json, DatabaseAvailabilityProperties properties) {
		this.json = json;
		this.properties = properties;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!DatabaseUnavailable.isCauseOf(ex) || response.isCommitted()) {
			return null;
		}
		log.debug("{} {} failed: the database is unavailable", request.getMethod(), request.getRequestURI(), ex);
		try {
			response.resetBuffer();
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds()));
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			this.json.writeValue(response.getOutputStream(), problem(request));
		}
		catch (IOException writeFailed) {
			log.debug("Could not answer {} with 503", request.getRequestURI(), writeFailed);
		}
		return new ModelAndView();
	}

	private Map<String, Object> problem(HttpServletRequest request) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", "UNAVAILABLE");
		problem.put("status", HttpStatus.SERVICE_UNAVAILABLE.value());
		problem.put("detail",
				"Expected the database to answer, but it is unavailable; retry in " + retryAfterSeconds() + " s");
		problem.put("instance", request.getRequestURI());
		return problem;
	}

	private long retryAfterSeconds() {
		return Math.max(1, this.properties.retryAfter().toSeconds());
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
