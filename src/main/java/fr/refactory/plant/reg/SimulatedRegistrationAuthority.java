package fr.refactory.plant.reg;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.simulation.Seeds;
import fr.refactory.plant.simulation.Simulation;

/**
 * An in-memory registration authority. A CoD is issued at once, numbered from the VIN,
 * except for a VIN whose serial (last five characters) is {@link #MANUAL_CHECK_SERIAL}:
 * the authority checks that file by hand and keeps its CoD pending for
 * {@link #MANUAL_CHECK} after the first request (simulated clock), so demos and tests
 * reach the T15 escalation.
 */
public class SimulatedRegistrationAuthority implements RegistrationAuthority {

	public static final String MANUAL_CHECK_SERIAL = "00000";

	public static final Duration MANUAL_CHECK = Duration.ofDays(12);

	private final Simulation simulation;

	private final Map<String, Instant> firstRequests = new ConcurrentHashMap<>();

	public SimulatedRegistrationAuthority(Simulation simulation) {
		this.simulation = simulation;
	}

	@Override
	public CodAnswer requestCoD(IdempotencyKey key, CodRequest request) {
		return this.simulation.answer(() -> {
			Instant now = this.simulation.now();
			Instant first = this.firstRequests.computeIfAbsent(request.vin(), (vin) -> now);
			Instant issuedAt = request.vin().endsWith(MANUAL_CHECK_SERIAL) ? first.plus(MANUAL_CHECK) : first;
			if (now.isBefore(issuedAt)) {
				return new CodAnswer(request.vin(), CodAnswer.PENDING, null, null);
			}
			return new CodAnswer(request.vin(), CodAnswer.ISSUED, Seeds.id("COD", request.vin()), issuedAt);
		});
	}

}
