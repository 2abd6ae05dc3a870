package fr.refactory.records;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * A part or core.
 *
 * @param partNumber the OEM reference, upper-case without spaces
 * @param donorVin the vehicle it was harvested from (mandatory for DISMANTLING and
 * RETROFIT_REMOVAL)
 * @param installedInVin the vehicle it went into
 * @param origin DEALER_EXCHANGE, DISMANTLING, RETROFIT_REMOVAL or SUPPLIER_NEW
 * @param conditionGrade A to D (D10)
 * @param coreGrade A, B, C or REJECT (D8)
 * @param coreCreditPct the core credit granted (D8)
 * @param remanSerial the new serial after remanufacture
 */
public record Part(@Id UUID partId, String partNumber, String family, String serialNumber, String donorVin,
		String installedInVin, String origin, String conditionGrade, String coreGrade, Integer coreCreditPct,
		String remanSerial, String idempotencyKey, Instant createdAt, @Version Integer version) {

	public Part withCoreGrade(String grade, int creditPct) {
		return new Part(this.partId, this.partNumber, this.family, this.serialNumber, this.donorVin,
				this.installedInVin, this.origin, this.conditionGrade, grade, creditPct, this.remanSerial,
				this.idempotencyKey, this.createdAt, this.version);
	}

}
