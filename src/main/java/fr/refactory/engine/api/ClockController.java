package fr.refactory.engine.api;

import java.time.Instant;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.Rejection;
import fr.refactory.engine.clock.ControlledClock;
import fr.refactory.engine.clock.PeriodicCheck;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Camunda's clock API ({@code PUT /v2/clock}, {@code POST /v2/clock/reset}) on the same
 * engine clock that {@code /actuator/clock} moves. Like the management endpoints, it only
 * acts with {@code refactory.engine.management.enabled=true} (off by default,
 * docs/decisions/0240); otherwise the clock is not controllable and both answer 409
 * problem+json without touching it (docs/decisions/0250).
 */
@RestController
@ConditionalOnEmbeddedEngine
class ClockController {

	private final ControlledClock clock;

	private final ObjectProvider<PeriodicCheck> dueWork;

	private final boolean controllable;

	ClockController(ControlledClock clock, ObjectProvider<PeriodicCheck> dueWork,
			@Value("${refactory.engine.management.enabled:false}") boolean controllable) {
		this.clock = clock;
		this.dueWork = dueWork;
		this.controllable = controllable;
	}

	@PutMapping("/v2/clock")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void pin(@RequestBody(required = false) PinRequest body) {
		if (body == null || body.timestamp() == null || body.timestamp() < 0) {
			throw Rejection.invalidArgument("Expected body {\"timestamp\": epoch milliseconds >= 0}, but got "
					+ (body == null || body.timestamp() == null ? "no timestamp" : body.timestamp()));
		}
		requireControllable("pin");
		this.clock.pin(Instant.ofEpochMilli(body.timestamp()));
		runDueWork();
	}

	@PostMapping("/v2/clock/reset")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void reset() {
		requireControllable("reset");
		this.clock.reset();
		runDueWork();
	}

	private void requireControllable(String action) {
		if (!this.controllable) {
			throw Rejection.invalidState("Expected to " + action + " the engine clock, but the clock is not"
					+ " controllable: it can only be moved with refactory.engine.management.enabled=true (dev profile"
					+ " and tests), never in production");
		}
	}

	private void runDueWork() {
		this.dueWork.orderedStream().forEach(PeriodicCheck::checkNow);
	}

	record PinRequest(Long timestamp) {
	}

}
