package fr.refactory.records;

import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The queries behind the auditor's answers to the questions of domain brief §6.2 (ADR
 * 0913): each runs read-only on the records (parts, genealogy links, inspection results,
 * non-conformities, certificates, the audit log) and its text is shown on the answer's
 * page.
 */
@Component
public class AuditQuestionQueries {

	/**
	 * Q1: the parts harvested from a vehicle (genealogy HARVESTED_FROM, keyed by the WMS
	 * part id), their part record, where they moved, the reman serial made from them (the
	 * core serial is the part's serial number, else its WMS id) and the vehicle each went
	 * into.
	 */
	public static final String PARTS_OF_VEHICLE = """
			with taken as (
			    select g.from_key as part_id, h.data_json ->> 'serialNumber' as serial_number,
			           h.data_json ->> 'partNumber' as part_number
			      from genealogy_link g
			      left join audit_entry h on h.action = 'PART_HARVESTED' and h.subject_key = g.from_key
			     where g.relation = 'HARVESTED_FROM' and g.to_key = :key
			), core as (
			    select t.*, coalesce(t.serial_number, t.part_id) as core_serial from taken t
			)
			select c.part_id, c.part_number, c.serial_number, p.family, p.condition_grade, p.origin,
			       (select string_agg(m.data_json ->> 'area' || ' ' || (m.data_json ->> 'location'), ' > '
			                          order by m.sequence_number)
			          from audit_entry m where m.action = 'MOVED' and m.subject_key in (c.part_id, c.core_serial))
			           as movements,
			       (select string_agg(r.from_key, ' ') from genealogy_link r
			         where r.relation = 'REMANUFACTURED_FROM' and r.to_key = c.core_serial) as reman_serial,
			       (select string_agg(i.to_key, ' ') from genealogy_link i where i.relation = 'INSTALLED_IN'
			           and (i.from_key in (c.part_id, c.core_serial)
			                or i.from_key in (select r.from_key from genealogy_link r
			                                   where r.relation = 'REMANUFACTURED_FROM' and r.to_key = c.core_serial)))
			           as installed_in_vin
			  from core c
			  left join part p on p.donor_vin = :key and p.serial_number = c.serial_number
			 order by c.part_id
			""";

	/**
	 * Q2: what the workers recorded about the conversion of a vehicle, and its
	 * certificates.
	 */
	public static final String RETROFIT_EVIDENCE = """
			select a.recorded_at, a.actor, a.action, a.data
			  from audit_entry a
			 where a.subject_key = :key
			   and a.action in ('INSTALLER_AUTHORISATION_CHECKED', 'RETROFIT_TEAM_PROPOSED', 'HABILITATIONS_CHECKED',
			                    'LOCKOUT_OFFICERS_PROPOSED', 'GENEALOGY_RECORDED', 'HV_TEST_READ', 'TEST_RUN',
			                    'QUALITY_RESULTS_RECORDED', 'DOCUMENT_GENERATED', 'CERTIFICATE_COPY_SENT',
			                    'REGISTRATION_UPDATED', 'TASK_COMPLETED')
			 order by a.sequence_number
			""";

	/**
	 * Q2, Q8: the certificates issued for a subject, with the SHA-256 of their document
	 * and the kit manufacturer's acknowledgement of its copy (receipt id and time).
	 */
	public static final String CERTIFICATES = """
			select c.kind, c.number, c.issued_at, c.issued_by, c.document_sha256, s.sent_at as copy_sent_at,
			       s.receipt_id as copy_receipt_id
			  from certificate c left join certificate_copy_sent s on s.certificate_id = c.certificate_id
			 where c.subject_key = :key
			 order by c.issued_at
			""";

	/**
	 * Q3: every habilitation check of HV work, with the symbols the person held on the
	 * day.
	 */
	public static final String HABILITATION_CHECKS = """
			select a.recorded_at, a.action, a.subject_key, a.actor,
			       coalesce(a.data_json ->> 'on', to_char(a.recorded_at, 'YYYY-MM-DD')) as on_day,
			       coalesce(a.data_json ->> 'requiredSymbol', a.data_json ->> 'operationTypes') as required,
			       coalesce(a.data_json ->> 'heldSymbols', a.data_json ->> 'habilitationSymbolsAtTime',
			                a.data_json ->> 'eligible') as held,
			       case when a.action = 'TASK_CLAIM_REFUSED' then 'false'
			            when a.action = 'HABILITATIONS_CHECKED' then (jsonb_array_length(a.data_json -> 'eligible') > 0)::text
			            when a.action = 'TASK_CLAIMED' then 'true'
			            else a.data_json ->> 'valid' end as valid,
			       a.data_json ->> 'refusalReason' as refusal_reason
			  from audit_entry a
			 where (a.action in ('HABILITATION_CHECKED', 'HABILITATIONS_CHECKED', 'TASK_CLAIM_REFUSED')
			        or (a.action = 'TASK_CLAIMED' and a.data_json ->> 'requiredSymbol' is not null))
			   and (:key = '' or a.subject_key = :key or a.data_json ->> 'subjectKey' = :key
			        or a.process_instance_key in (select e.process_instance_key from audit_entry e
			                                       where e.subject_key = :key))
			 order by a.sequence_number desc
			 limit 500
			""";

	/**
	 * Q5: the checks made with an equipment after its calibration was due, and what
	 * happened to the item.
	 */
	public static final String OUT_OF_CALIBRATION = """
			select r.performed_at, r.subject_type, r.subject_key, r.check_code, r.result,
			       r.equipment_calibration_due_date,
			       (select string_agg(h.data_json ->> 'containmentIds', ' ') from audit_entry h
			         where h.action = 'SUSPECT_ITEMS_HELD'
			           and (h.subject_key = r.subject_key or jsonb_exists(h.data_json -> 'heldItems', r.subject_key)))
			           as containment,
			       (select string_agg(l.check_code || '=' || l.result || ' (' || coalesce(l.equipment_id, '') || ')', ' ')
			          from inspection_result l
			         where l.subject_key = r.subject_key and l.performed_at > r.performed_at
			           and l.check_code = r.check_code) as later_measurements
			  from inspection_result r
			 where r.equipment_id = :key
			   and r.equipment_calibration_due_date is not null
			   and r.performed_at::date > r.equipment_calibration_due_date
			 order by r.performed_at
			""";

	/** Q6: the core's inspection, grade and credit as the workers recorded them. */
	public static final String CORE_CREDIT = """
			select a.recorded_at, a.actor, a.action, a.data
			  from audit_entry a
			 where a.subject_key = :key
			   and a.action in ('ERP_POSTED', 'TASK_COMPLETED', 'MOVED', 'WORK_ORDER_CREATED')
			 order by a.sequence_number
			""";

	/**
	 * Q7: non-conformities, their disposition, who approved it, and the rework orders of
	 * the subject.
	 */
	public static final String REWORK = """
			select n.detected_at, n.subject_key, n.detected_at_gate, n.defect_code, n.severity, n.quantity,
			       n.disposition, n.disposition_date, n.approved_by, n.customer_concession_ref,
			       w.work_order_id as rework_order, w.rework_count
			  from non_conformity n
			  left join work_order w on w.subject_key = n.subject_key and w.type = 'REWORK'
			 where (:key = '' or n.subject_key = :key)
			 order by n.detected_at desc
			 limit 500
			""";

	/**
	 * Q8: every certificate of destruction against the destruction (the hulk's shredder
	 * shipment, which starts the CoD clock) and the legal limit.
	 */
	public static final String DESTRUCTIONS = """
			select c.subject_key as vin, t.recorded_at as taken_over_at,
			       t.data_json ->> 'receiptNumber' as take_over_receipt,
			       d.recorded_at as destroyed_at, d.data_json ->> 'documentNumber' as shredder_shipment,
			       c.number as cod_number, c.issued_at as cod_issued_at,
			       (c.issued_at::date - d.recorded_at::date) as days,
			       limit_days.value as max_days,
			       (c.issued_at::date - d.recorded_at::date) <= limit_days.value as on_time,
			       (select s.data from audit_entry s where s.subject_key = c.subject_key
			           and s.action = 'ADMINISTRATIVE_STATUS_CHECKED' order by s.sequence_number desc limit 1)
			           as documents_checked
			  from certificate c
			  join regulatory_parameter limit_days on limit_days.parameter_code = 'COD_MAX_DAYS_AFTER_DESTRUCTION'
			  left join lateral (select a.recorded_at, a.data_json from audit_entry a
			                      where a.subject_key = c.subject_key and a.action = 'TAKE_OVER_DECLARED'
			                      order by a.sequence_number limit 1) t on true
			  left join lateral (select a.recorded_at, a.data_json from audit_entry a
			                      where a.subject_key = c.subject_key and a.action = 'ERP_POSTED'
			                        and a.data_json ->> 'kind' = 'SHREDDER_SHIPMENT'
			                      order by a.sequence_number limit 1) d on true
			 where c.kind = 'CERTIFICATE_OF_DESTRUCTION'
			   and (:key = '' or c.subject_key = :key)
			 order by c.issued_at desc
			 limit 500
			""";

	/**
	 * Q9: converted vehicles handed over more than :days days ago whose registration
	 * update is not recorded.
	 */
	public static final String REGISTRATION_NOT_UPDATED = """
			select h.subject_key as vin, h.issued_at as handed_over_at,
			       (cast(:now as timestamptz)::date - h.issued_at::date) as days_since_handover,
			       c.number as conversion_certificate
			  from certificate h
			  left join certificate c on c.subject_key = h.subject_key and c.kind = 'CONVERSION_CERTIFICATE'
			 where h.kind = 'HANDOVER_PACK'
			   and h.issued_at < cast(:now as timestamptz) - make_interval(days => :days)
			   and not exists (select 1 from audit_entry r where r.subject_key = h.subject_key
			                    and r.action in ('REGISTRATION_UPDATED', 'REGISTRATION_UPDATE_RECORDED'))
			 order by h.issued_at
			""";

	/**
	 * Q10: the last deployment of each model file at or before the end of the given day
	 * (UTC).
	 */
	public static final String MODELS_IN_FORCE = """
			select distinct on (a.subject_key) a.subject_key as file, a.recorded_at as deployed_at,
			       a.actor as deployed_by, a.data_json ->> 'versions' as versions, a.data_json ->> 'sha256' as sha256,
			       (select p.data_json ->> 'reason' from audit_entry p where p.action = 'DECISION_PARAMETER_CHANGED'
			           and p.subject_key = a.subject_key and p.data_json -> 'versions' = a.data_json -> 'versions'
			         order by p.sequence_number desc limit 1) as parameter_change_reason
			  from audit_entry a
			 where a.action = 'MODEL_DEPLOYED'
			   and a.recorded_at < (cast(:day as date) + 1)
			 order by a.subject_key, a.sequence_number desc
			""";

	/** Q11: the intake steps the workers and operators recorded for a vehicle. */
	public static final String INTAKE_ROUTE = """
			select a.recorded_at, a.actor, a.action, a.data
			  from audit_entry a
			 where a.subject_key = :key
			   and a.action in ('VEHICLE_REGISTERED', 'YARD_LOCATION_ASSIGNED', 'TASK_COMPLETED', 'WORK_ORDER_CREATED',
			                    'PROCESS_START_REQUESTED', 'GATE_SCAN_RECORDED')
			 order by a.sequence_number
			""";

	/**
	 * Q13: the material balances posted to the ERP for dismantled vehicles in the year.
	 */
	public static final String MATERIAL_BALANCES = """
			select a.subject_key as vin, a.recorded_at, a.data_json ->> 'kind' as kind,
			       a.data_json ->> 'documentNumber' as document_number, a.data
			  from audit_entry a
			 where a.action = 'ERP_POSTED' and a.data_json ->> 'kind' = 'MATERIAL_BALANCE'
			   and (:year = 0 or extract(year from a.recorded_at) = :year)
			   and (:key = '' or a.subject_key = :key)
			 order by a.recorded_at
			""";

	private static final String ELV_MASSES = """
			with balance as (
			    select a.subject_key as vin, a.recorded_at, a.data_json -> 'balance' as quantities
			      from audit_entry a
			     where a.action = 'ERP_POSTED' and a.data_json ->> 'kind' = 'MATERIAL_BALANCE'
			       and a.data_json -> 'balance' is not null
			       and (:year = 0 or extract(year from a.recorded_at) = :year)
			       and (:key = '' or a.subject_key = :key)
			), harvested as (
			    select h.data_json ->> 'donorVin' as vin, (h.data_json ->> 'massKg')::numeric as mass_kg,
			           case when exists (select 1 from audit_entry m
			                              where m.action = 'MOVED' and m.subject_key = h.subject_key
			                                and m.data_json ->> 'area' = 'MATERIAL_RECYCLING')
			                then 'PART_RECYCLED' else 'PART_REUSED' end as fraction_code
			      from audit_entry h
			     where h.action = 'PART_HARVESTED' and h.data_json ->> 'massKg' is not null
			       and h.data_json ->> 'donorVin' in (select vin from balance)
			), fraction_mass as (
			    select b.vin, f.fraction_code, (b.quantities ->> f.balance_field)::numeric * f.kg_per_unit as mass_kg
			      from balance b join elv_fraction f on b.quantities -> f.balance_field is not null
			    union all
			    select vin, fraction_code, mass_kg from harvested
			), vehicle as (
			    select b.vin, extract(year from b.recorded_at)::int as year,
			           (b.quantities ->> 'pyrotechnicsNeutralisedCount')::numeric::int as pyrotechnics_neutralised,
			           sum(m.mass_kg) filter (where f.balance_field is not null and f.fraction_code <> 'HULK')
			               as depollution_kg,
			           count(*) filter (where f.balance_field is null) as harvested_parts,
			           sum(m.mass_kg) filter (where f.balance_field is null) as harvested_parts_kg,
			           sum(m.mass_kg) filter (where f.fraction_code = 'HULK') as hulk_kg,
			           sum(m.mass_kg) as vehicle_kg,
			           sum(m.mass_kg * f.reuse_share) as reuse_kg,
			           sum(m.mass_kg * f.recycling_share) as recycling_kg,
			           sum(m.mass_kg * f.energy_recovery_share) as energy_recovery_kg
			      from balance b join fraction_mass m on m.vin = b.vin join elv_fraction f using (fraction_code)
			     group by b.vin, b.recorded_at, b.quantities
			), target as (
			    select (select value from regulatory_parameter where parameter_code = 'ELV_REUSE_RECYCLING_MIN')
			               as reuse_recycling_target_pct,
			           (select value from regulatory_parameter where parameter_code = 'ELV_REUSE_RECOVERY_MIN')
			               as reuse_recovery_target_pct
			)
			""";

	private static final String ELV_RATES = """
			       round(100 * (reuse_kg + recycling_kg) / vehicle_kg, 1) as reuse_recycling_pct,
			       t.reuse_recycling_target_pct,
			       100 * (reuse_kg + recycling_kg) / vehicle_kg >= t.reuse_recycling_target_pct as reuse_recycling_met,
			       round(100 * (reuse_kg + recycling_kg + energy_recovery_kg) / vehicle_kg, 1) as reuse_recovery_pct,
			       t.reuse_recovery_target_pct,
			       100 * (reuse_kg + recycling_kg + energy_recovery_kg) / vehicle_kg >= t.reuse_recovery_target_pct
			           as reuse_recovery_met
			""";

	/**
	 * Q13: the ELV balance of each dismantled vehicle (ADR 0926): depollution quantities,
	 * harvested parts and hulk, reuse, recycling and recovery rates against the targets
	 * of {@code regulatory_parameter}, shares from {@code elv_fraction}.
	 */
	public static final String ELV_RATES_PER_VEHICLE = ELV_MASSES
			+ """
					select v.vin, v.year, round(v.depollution_kg, 1) as depollution_kg, v.pyrotechnics_neutralised,
					       v.harvested_parts, round(v.harvested_parts_kg, 1) as harvested_parts_kg, round(v.hulk_kg, 1) as hulk_kg,
					       round(v.vehicle_kg, 1) as vehicle_kg, round(v.reuse_kg, 1) as reuse_kg,
					       round(v.recycling_kg, 1) as recycling_kg, round(v.energy_recovery_kg, 1) as energy_recovery_kg,
					"""
			+ ELV_RATES
			+ """
					  from (select vin, year, depollution_kg, pyrotechnics_neutralised, harvested_parts, harvested_parts_kg,
					               hulk_kg, vehicle_kg, reuse_kg, recycling_kg, energy_recovery_kg from vehicle) v, target t
					 order by v.vin
					""";

	/** Q13: the ELV rates of the year over all its dismantled vehicles (ADR 0926). */
	public static final String ELV_RATES_PER_YEAR = ELV_MASSES + """
			select y.year, y.vehicles, round(y.vehicle_kg, 1) as vehicle_kg, round(y.reuse_kg, 1) as reuse_kg,
			       round(y.recycling_kg, 1) as recycling_kg, round(y.energy_recovery_kg, 1) as energy_recovery_kg,
			""" + ELV_RATES + """
			  from (select year, count(*) as vehicles, sum(vehicle_kg) as vehicle_kg, sum(reuse_kg) as reuse_kg,
			               sum(recycling_kg) as recycling_kg, sum(energy_recovery_kg) as energy_recovery_kg
			          from vehicle group by year) y, target t
			 order by y.year
			""";

	/** Q14 backward: what a remanufactured part was made from, and its records. */
	public static final String REMAN_GENEALOGY = """
			with core as (
			    select r.to_key as core_key from genealogy_link r
			     where r.relation = 'REMANUFACTURED_FROM' and r.from_key = :key
			    union select :key
			)
			select a.recorded_at, a.subject_key, a.action, a.actor, a.data
			  from audit_entry a
			 where a.subject_key in (select core_key from core)
			   and a.action in ('REMAN_LABEL_PRINTED', 'PARTS_PICKED', 'MEASUREMENTS_RECORDED', 'TEST_RUN',
			                    'QUALITY_RESULTS_RECORDED', 'MOVED', 'WORK_ORDER_CREATED', 'ERP_POSTED',
			                    'TASK_COMPLETED', 'PART_HARVESTED')
			 order by a.sequence_number
			""";

	/**
	 * Q14 forward: the parts a lot of new components went into, their reman serial and
	 * vehicle.
	 */
	public static final String LOT_USES = """
			select c.to_key as core, c.linked_at as consumed_at,
			       (select string_agg(r.from_key, ' ') from genealogy_link r
			         where r.relation = 'REMANUFACTURED_FROM' and r.to_key = c.to_key) as reman_serial,
			       (select string_agg(i.to_key, ' ') from genealogy_link i where i.relation = 'INSTALLED_IN'
			           and (i.from_key = c.to_key or i.from_key in (select r.from_key from genealogy_link r
			                 where r.relation = 'REMANUFACTURED_FROM' and r.to_key = c.to_key))) as installed_in_vin
			  from genealogy_link c
			 where c.from_type = 'LOT' and c.relation = 'CONSUMED_IN' and c.from_key = :key
			 order by c.linked_at
			""";

	private final NamedParameterJdbcTemplate jdbc;

	AuditQuestionQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Runs one of the queries above with its parameters; every value as text. */
	@Transactional(readOnly = true)
	public QueryTable run(String query, Map<String, ?> parameters) {
		return this.jdbc.query(query, parameters, (rs) -> {
			ResultSetMetaData meta = rs.getMetaData();
			List<String> columns = new ArrayList<>();
			for (int i = 1; i <= meta.getColumnCount(); i++) {
				columns.add(meta.getColumnLabel(i));
			}
			List<List<String>> rows = new ArrayList<>();
			while (rs.next()) {
				List<String> row = new ArrayList<>();
				for (int i = 1; i <= columns.size(); i++) {
					Object value = rs.getObject(i);
					row.add((value != null) ? value.toString() : "");
				}
				rows.add(row);
			}
			return new QueryTable(columns, rows);
		});
	}

	/**
	 * The answer of one query: its column names and rows, each value as text.
	 *
	 * @param columns the column labels of the query
	 * @param rows the rows, values as text ("" for null)
	 */
	public record QueryTable(List<String> columns, List<List<String>> rows) {

		public QueryTable {
			columns = List.copyOf(columns);
			rows = rows.stream().map(List::copyOf).toList();
		}

	}

}
