package fr.refactory.records;

import java.time.Instant;
import java.util.Optional;

import fr.refactory.records.jdbc.IdempotentInserts;
import fr.refactory.records.jdbc.VehicleRepository;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The vehicles the Refactory received, keyed by normalised VIN. */
@Component
public class Vehicles {

	private final VehicleRepository repository;

	private final IdempotentInserts inserts;

	Vehicles(VehicleRepository repository, IdempotentInserts inserts) {
		this.repository = repository;
		this.inserts = inserts;
	}

	/**
	 * Registers a vehicle under its normalised VIN; registering the same VIN again
	 * changes nothing and returns the vehicle as first registered.
	 */
	@Transactional
	public Vehicle register(Vehicle vehicle) {
		String vin = Vins.normalise(vehicle.vin());
		this.inserts.insertIfAbsent("vehicle", "vin",
				new Vehicle(vin, vehicle.make(), vehicle.modelFamily(), vehicle.modelVersion(), vehicle.powertrain(),
						vehicle.category(), vehicle.firstRegistrationDate(), vehicle.arrivedAt(), vehicle.odometerKm(),
						vehicle.odometerReadAt(), null, null));
		return this.repository.findById(vin).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Optional<Vehicle> find(String vin) {
		return this.repository.findById(Vins.normalise(vin));
	}

	/**
	 * Records an odometer reading. A reading lower than the one on record is refused as
	 * {@link OdometerUpdate#ROLLBACK} (domain brief §5.1, {@code ODOMETER_ROLLBACK}) and
	 * the record keeps the higher one.
	 */
	@Transactional
	public OdometerUpdate recordOdometer(String vin, int km, Instant readAt) {
		Vehicle vehicle = this.repository.findById(Vins.normalise(vin))
			.orElseThrow(() -> new IllegalArgumentException("Expected a registered vehicle, but got VIN " + vin));
		if (vehicle.odometerKm() != null && km < vehicle.odometerKm()) {
			return OdometerUpdate.ROLLBACK;
		}
		this.repository.save(vehicle.withOdometer(km, readAt));
		return OdometerUpdate.ACCEPTED;
	}

	public enum OdometerUpdate {

		ACCEPTED, ROLLBACK

	}

}
