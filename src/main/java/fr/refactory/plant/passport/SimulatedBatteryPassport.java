package fr.refactory.plant.passport;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.simulation.Seeds;
import fr.refactory.plant.simulation.Simulation;

/** An in-memory passport platform; passport ids derive from the battery id. */
public class SimulatedBatteryPassport implements BatteryPassport {

	private final Simulation simulation;

	private final Map<String, PassportRecord> passports = new ConcurrentHashMap<>();

	public SimulatedBatteryPassport(Simulation simulation) {
		this.simulation = simulation;
	}

	@Override
	public PassportRecord setStatus(IdempotencyKey key, PassportStatusChange change) {
		return this.simulation.once("setStatus", key, () -> {
			PassportRecord previous = this.passports.get(change.batteryId());
			PassportRecord updated = new PassportRecord(change.batteryId(), Seeds.id("PP", change.batteryId()),
					change.status(), (change.sohPct() != null) ? change.sohPct() : sohOf(previous),
					(previous != null) ? previous.parentBatteryId() : null, this.simulation.now());
			this.passports.put(change.batteryId(), updated);
			return updated;
		});
	}

	@Override
	public PassportRecord createLinkedPassport(IdempotencyKey key, LinkedPassportRequest request) {
		return this.simulation.once("createLinkedPassport", key, () -> {
			String batteryId = Seeds.id("BAT", key);
			PassportRecord linked = new PassportRecord(batteryId, Seeds.id("PP", batteryId), request.status(),
					sohOf(this.passports.get(request.parentBatteryId())), request.parentBatteryId(),
					this.simulation.now());
			this.passports.put(batteryId, linked);
			return linked;
		});
	}

	@Override
	public Optional<PassportRecord> find(String batteryId) {
		return this.simulation.answer(() -> Optional.ofNullable(this.passports.get(batteryId)));
	}

	private static Double sohOf(PassportRecord passport) {
		return (passport != null) ? passport.sohPct() : null;
	}

}
