package fr.refactory.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.refactory.records.jdbc.BatteryRepository;
import fr.refactory.records.jdbc.IdempotentInserts;
import fr.refactory.records.jdbc.SohReadingRepository;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Traction batteries, their state-of-health history and their lineage through parent
 * passports.
 */
@Component
public class Batteries {

	private final BatteryRepository batteries;

	private final SohReadingRepository readings;

	private final IdempotentInserts inserts;

	private final NamedParameterJdbcTemplate jdbc;

	Batteries(BatteryRepository batteries, SohReadingRepository readings, IdempotentInserts inserts,
			NamedParameterJdbcTemplate jdbc) {
		this.batteries = batteries;
		this.readings = readings;
		this.inserts = inserts;
		this.jdbc = jdbc;
	}

	/**
	 * Fills the static passport data (the pack as made) the battery does not have yet
	 * from what its BMS reports; data already recorded is kept, since how a pack was made
	 * cannot change (ADR 0903).
	 */
	@Transactional
	public Battery describe(Battery asMade) {
		MapSqlParameterSource row = new MapSqlParameterSource().addValue("batteryId", asMade.batteryId())
			.addValue("manufacturer", asMade.manufacturer())
			.addValue("manufacturerSerial", asMade.manufacturerSerial())
			.addValue("modelReference", asMade.modelReference())
			.addValue("manufacturedOn", asMade.manufacturedOn())
			.addValue("chemistry", asMade.chemistry())
			.addValue("ratedCapacityKwh", asMade.ratedCapacityKwh())
			.addValue("nominalVoltageV", asMade.nominalVoltageV())
			.addValue("massKg", asMade.massKg())
			.addValue("moduleCount", asMade.moduleCount())
			.addValue("cellCount", asMade.cellCount());
		this.jdbc.update("""
				update battery set manufacturer = coalesce(manufacturer, :manufacturer),
				    manufacturer_serial = coalesce(manufacturer_serial, :manufacturerSerial),
				    model_reference = coalesce(model_reference, :modelReference),
				    manufactured_on = coalesce(manufactured_on, cast(:manufacturedOn as date)),
				    chemistry = coalesce(chemistry, :chemistry),
				    rated_capacity_kwh = coalesce(rated_capacity_kwh, cast(:ratedCapacityKwh as numeric)),
				    nominal_voltage_v = coalesce(nominal_voltage_v, cast(:nominalVoltageV as numeric)),
				    mass_kg = coalesce(mass_kg, cast(:massKg as numeric)),
				    module_count = coalesce(module_count, cast(:moduleCount as integer)),
				    cell_count = coalesce(cell_count, cast(:cellCount as integer)),
				    version = version + 1
				where battery_id = :batteryId""", row);
		return this.batteries.findById(asMade.batteryId())
			.orElseThrow(
					() -> new IllegalArgumentException("Expected a registered battery, but got " + asMade.batteryId()));
	}

	/** Registers a battery; registering the same battery id again changes nothing. */
	@Transactional
	public Battery register(Battery battery) {
		this.inserts.insertIfAbsent("battery", "battery_id", battery);
		return this.batteries.findById(battery.batteryId()).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Optional<Battery> find(String batteryId) {
		return this.batteries.findById(batteryId);
	}

	@Transactional
	public Battery changeRegulatoryStatus(String batteryId, String status) {
		Battery battery = this.batteries.findById(batteryId)
			.orElseThrow(() -> new IllegalArgumentException("Expected a registered battery, but got " + batteryId));
		return this.batteries.save(battery.withRegulatoryStatus(status));
	}

	/**
	 * Adds a state-of-health reading once per idempotency key; returns the stored
	 * reading.
	 */
	@Transactional
	public SohReading recordSoh(SohReading reading) {
		SohReading withId = (reading.readingId() != null) ? reading
				: new SohReading(UUID.randomUUID(), reading.batteryId(), reading.sohPct(), reading.method(),
						reading.measuredAt(), reading.equipmentId(), reading.idempotencyKey());
		return this.inserts.create("battery_soh_reading", withId, reading.idempotencyKey(),
				this.readings::findByIdempotencyKey);
	}

	/** Every reading of the battery, oldest first. */
	@Transactional(readOnly = true)
	public List<SohReading> sohHistory(String batteryId) {
		return this.readings.findByBatteryIdOrderByMeasuredAt(batteryId);
	}

	/**
	 * The battery and its ancestors through parent passports, the battery itself first.
	 */
	@Transactional(readOnly = true)
	public List<Battery> lineage(String batteryId) {
		List<Battery> lineage = new ArrayList<>();
		Optional<Battery> current = this.batteries.findById(batteryId);
		while (current.isPresent() && !lineage.contains(current.get())) {
			lineage.add(current.get());
			String parent = current.get().parentBatteryId();
			current = (parent != null) ? this.batteries.findById(parent) : Optional.empty();
		}
		return lineage;
	}

}
