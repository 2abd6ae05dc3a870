package fr.refactory.engine.api;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v2/status}: 204 when the engine can serve requests, i.e. its database answers; 503 problem otherwise
 * (Camunda: 204 when at least one partition has a healthy leader, 503 when none).
 */
@RestController
@ConditionalOnEmbeddedEngine
class StatusController {

	private final JdbcTemplate jdbc;

	StatusController(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/v2/status")
	ResponseEntity<?> status(HttpServletRequest request) {
		try {
			this.jdbc.queryForObject("select 1", Integer.class);
			return ResponseEntity.noContent().build();
		}
		catch (DataAccessException ex) {
			return ApiExceptionHandler.problem(HttpStatus.SERVICE_UNAVAILABLE, "UNAVAILABLE",
					"Expected the engine's database to answer, but it did not: " + ex.getMostSpecificCause(), request);
		}
	}

}
