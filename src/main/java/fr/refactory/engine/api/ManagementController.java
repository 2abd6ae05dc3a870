package fr.refactory.engine.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.Rejection;
import fr.refactory.engine.clock.ControlledClock;
import fr.refactory.engine.clock.PeriodicCheck;
import fr.refactory.engine.management.ClusterChanges;
import fr.refactory.engine.management.ConditionalOnEngineManagement;
import fr.refactory.engine.management.EngineManagementProperties;
import fr.refactory.engine.management.EnginePurge;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The management endpoints Camunda Process Test calls, on the application's port: engine
 * clock (read, move, reset) and cluster purge. Served only with the embedded engine and
 * {@code refactory.engine.management.enabled=true} (off by default; on in the {@code dev}
 * profile and the tests), and only to ADMIN users (HTTP basic).
 */
@RestController
@ConditionalOnEmbeddedEngine
@ConditionalOnEngineManagement
@EnableConfigurationProperties(EngineManagementProperties.class)
class ManagementController {

	private final ControlledClock clock;

	private final ObjectProvider<PeriodicCheck> dueWork;

	private final EnginePurge purge;

	private final ClusterChanges changes;

	ManagementController(ControlledClock clock, ObjectProvider<PeriodicCheck> dueWork, EnginePurge purge,
			ClusterChanges changes) {
		this.clock = clock;
		this.dueWork = dueWork;
		this.purge = purge;
		this.changes = changes;
	}

	@GetMapping(path = "/actuator/clock", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> clock() {
		return currentTime();
	}

	@PostMapping(path = "/actuator/clock/add", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> add(@RequestBody(required = false) ClockOffset request) {
		if (request == null || request.offsetMilli() == null) {
			throw Rejection.invalidArgument("Expected body {\"offsetMilli\": long}, but no offsetMilli was given");
		}
		this.clock.add(Duration.ofMillis(request.offsetMilli()));
		runDueWork();
		return currentTime();
	}

	@DeleteMapping(path = "/actuator/clock", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> reset() {
		this.clock.reset();
		runDueWork();
		return currentTime();
	}

	@PostMapping(path = "/actuator/cluster/purge", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> purge() {
		this.purge.purge();
		return Map.of("changeId", this.changes.complete());
	}

	private void runDueWork() {
		this.dueWork.orderedStream().forEach(PeriodicCheck::checkNow);
	}

	private Map<String, Object> currentTime() {
		long millis = this.clock.millis();
		return Map.of("epochMilli", millis, "instant", Instant.ofEpochMilli(millis).toString());
	}

	record ClockOffset(Long offsetMilli) {
	}

}
