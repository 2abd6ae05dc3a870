package fr.refactory.records;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;

/**
 * One asset related to another: "battery B INSTALLED_IN vehicle V", "part P
 * HARVESTED_FROM vehicle V", "battery C REPURPOSED_FROM battery B", "lot L CONSUMED_IN
 * part P".
 *
 * @param fromType VEHICLE, BATTERY, PART or LOT
 * @param relation INSTALLED_IN, REMOVED_FROM, HARVESTED_FROM, REMANUFACTURED_FROM,
 * REPURPOSED_FROM, CONSUMED_IN or REPLACED_BY
 * @param processInstanceKey the BPMN instance in which it happened
 */
public record GenealogyLink(@Id UUID linkId, String fromType, String fromKey, String relation, String toType,
		String toKey, Long processInstanceKey, Instant linkedAt, String idempotencyKey) {

	public static GenealogyLink of(String idempotencyKey, String fromType, String fromKey, String relation,
			String toType, String toKey, Long processInstanceKey, Instant linkedAt) {
		return new GenealogyLink(UUID.randomUUID(), fromType, fromKey, relation, toType, toKey, processInstanceKey,
				linkedAt, idempotencyKey);
	}

}
