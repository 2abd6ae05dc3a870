package fr.refactory.engine.api;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.state.EngineDatabase;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v2/status}: 204 when the engine can serve requests, i.e. its database
 * answers; otherwise the failure to reach the database is answered 503 problem with a
 * {@code Retry-After}, as every request meeting it is (ADR 0257) (Camunda: 204 when at
 * least one partition has a healthy leader, 503 when none).
 */
@RestController
@ConditionalOnEmbeddedEngine
class StatusController {

	private final EngineDatabase database;

	StatusController(EngineDatabase database) {
		this.database = database;
	}

	@GetMapping("/v2/status")
	ResponseEntity<Void> status() {
		this.database.ping();
		return ResponseEntity.noContent().build();
	}

}
