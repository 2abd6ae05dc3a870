package fr.refactory.records;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Battery passports (EU Battery Regulation 2023/1542, ADR 0900): an append-only history
 * of versions per battery, the battery record carrying the current status. There is
 * deliberately no method that removes anything, and the database refuses updates and
 * deletes of versions and deletes of batteries (retention of at least 10 years, T16).
 */
@Component
public class BatteryPassports {

	private static final DataClassRowMapper<PassportVersion> VERSION = new DataClassRowMapper<>(PassportVersion.class);

	private final NamedParameterJdbcTemplate jdbc;

	private final Batteries batteries;

	BatteryPassports(NamedParameterJdbcTemplate jdbc, Batteries batteries) {
		this.jdbc = jdbc;
		this.batteries = batteries;
	}

	/**
	 * Appends the next version of the battery's passport, once per idempotency key, and
	 * makes its status the battery's regulatory status. The battery must be registered.
	 */
	@Transactional
	public PassportVersion append(PassportVersion version) {
		MapSqlParameterSource row = new MapSqlParameterSource().addValue("batteryId", version.batteryId())
			.addValue("passportId", version.passportId())
			.addValue("status", version.status())
			.addValue("sohPct", version.sohPct())
			.addValue("cycleCount", version.cycleCount())
			.addValue("parentBatteryId", version.parentBatteryId())
			.addValue("successorBatteryId", version.successorBatteryId())
			.addValue("change", version.change())
			.addValue("recordedAt", java.sql.Timestamp.from(version.recordedAt()))
			.addValue("recordedBy", version.recordedBy())
			.addValue("idempotencyKey", version.idempotencyKey());
		int inserted = this.jdbc.update(
				"""
						insert into battery_passport_version (battery_id, version_number, passport_id, status, soh_pct,
						    cycle_count, parent_battery_id, successor_battery_id, change, recorded_at, recorded_by, idempotency_key)
						select :batteryId, coalesce(max(version_number), 0) + 1, :passportId, :status, :sohPct, :cycleCount,
						    :parentBatteryId, :successorBatteryId, :change, :recordedAt, :recordedBy, :idempotencyKey
						from battery_passport_version where battery_id = :batteryId
						on conflict (idempotency_key) do nothing""",
				row);
		if (inserted == 1) {
			this.jdbc.update("""
					update battery set regulatory_status = :status, passport_id = coalesce(passport_id, :passportId),
					    version = version + 1
					where battery_id = :batteryId""", row);
		}
		return this.jdbc.queryForObject(
				"select * from battery_passport_version where idempotency_key = :idempotencyKey", row, VERSION);
	}

	/** Every version of the battery's passport, oldest first. */
	@Transactional(readOnly = true)
	public List<PassportVersion> history(String batteryId) {
		return this.jdbc.query(
				"select * from battery_passport_version where battery_id = :batteryId order by version_number",
				Map.of("batteryId", batteryId), VERSION);
	}

	/** The batteries repurposed or remanufactured from this one. */
	@Transactional(readOnly = true)
	public List<String> successors(String batteryId) {
		return this.jdbc.queryForList(
				"select battery_id from battery where parent_battery_id = :batteryId order by created_at, battery_id",
				Map.of("batteryId", batteryId), String.class);
	}

	/**
	 * Q4 (domain brief §6.2): every vehicle the battery or any battery it was made from
	 * was in, oldest first. Shown on the auditor's page as the query behind the answer.
	 */
	public static final String VEHICLES_QUERY = """
			with recursive lineage (battery_id, depth) as (
			    select battery_id, 0 from battery where battery_id = :batteryId
			    union all
			    select b.parent_battery_id, l.depth + 1 from battery b join lineage l on b.battery_id = l.battery_id
			    where b.parent_battery_id is not null and l.depth < 50)
			select g.from_key as battery_id, g.to_key as vin, g.relation, g.linked_at as at, g.process_instance_key
			from lineage l join genealogy_link g on g.from_type = 'BATTERY' and g.from_key = l.battery_id
			where g.to_type = 'VEHICLE' and g.relation in ('INSTALLED_IN', 'REMOVED_FROM')
			union all
			select b.battery_id, b.host_vin, 'ARRIVED_IN', b.created_at, null
			from lineage l join battery b on b.battery_id = l.battery_id
			where b.host_vin is not null
			order by at, battery_id""";

	@Transactional(readOnly = true)
	public List<BatteryVehicle> vehiclesOf(String batteryId) {
		return this.jdbc.query(VEHICLES_QUERY, Map.of("batteryId", batteryId),
				new DataClassRowMapper<>(BatteryVehicle.class));
	}

	/**
	 * Q12 (domain brief §6.2): every battery that left as "second life" — the first
	 * version of each repurposed battery's linked passport, with the SoH it was decided
	 * on. Shown on the auditor's page as the query behind it.
	 */
	public static final String SECOND_LIFE_QUERY = """
			select v.parent_battery_id as original_battery_id, v.battery_id, v.passport_id, v.soh_pct, v.recorded_at,
			    v.recorded_by
			from battery_passport_version v
			where v.change = 'ISSUED_LINKED' and v.status = 'REPURPOSED'
			order by v.recorded_at desc, v.battery_id""";

	@Transactional(readOnly = true)
	public List<SecondLifeBattery> secondLife() {
		return this.jdbc.query(SECOND_LIFE_QUERY, Map.of(), new DataClassRowMapper<>(SecondLifeBattery.class));
	}

	/**
	 * The passport as a reader with the given access may see it: attributes above that
	 * level are left out.
	 */
	@Transactional(readOnly = true)
	public Optional<PassportView> view(String batteryId, PassportAccess access) {
		return this.batteries.find(batteryId).map((battery) -> {
			List<PassportVersion> versions = history(batteryId);
			PassportVersion latest = versions.isEmpty() ? null : versions.get(versions.size() - 1);
			Map<PassportAttribute, Object> values = new EnumMap<>(PassportAttribute.class);
			values.put(PassportAttribute.BATTERY_ID, battery.batteryId());
			values.put(PassportAttribute.PASSPORT_ID, battery.passportId());
			values.put(PassportAttribute.MANUFACTURER, battery.manufacturer());
			values.put(PassportAttribute.MANUFACTURING_DATE, battery.manufacturedOn());
			values.put(PassportAttribute.MODEL_REFERENCE, battery.modelReference());
			values.put(PassportAttribute.CHEMISTRY, battery.chemistry());
			values.put(PassportAttribute.RATED_CAPACITY_KWH, battery.ratedCapacityKwh());
			values.put(PassportAttribute.NOMINAL_VOLTAGE_V, battery.nominalVoltageV());
			values.put(PassportAttribute.MASS_KG, battery.massKg());
			values.put(PassportAttribute.MANUFACTURER_SERIAL, battery.manufacturerSerial());
			values.put(PassportAttribute.MODULE_COUNT, battery.moduleCount());
			values.put(PassportAttribute.CELL_COUNT, battery.cellCount());
			values.put(PassportAttribute.STATUS, battery.regulatoryStatus());
			values.put(PassportAttribute.SOH_PCT, (latest != null) ? latest.sohPct() : null);
			values.put(PassportAttribute.CYCLE_COUNT, (latest != null) ? latest.cycleCount() : null);
			values.put(PassportAttribute.PARENT_BATTERY_ID, battery.parentBatteryId());
			values.put(PassportAttribute.SUCCESSOR_BATTERY_IDS, successors(batteryId));
			values.put(PassportAttribute.SOH_HISTORY, this.batteries.sohHistory(batteryId));
			values.put(PassportAttribute.VERSION_HISTORY, versions);
			values.put(PassportAttribute.HOST_VIN, battery.hostVin());
			values.keySet().removeIf((attribute) -> !access.sees(attribute));
			return new PassportView(batteryId, access, values);
		});
	}

}
