package fr.refactory.records;

import java.math.BigDecimal;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * A traction battery (pack).
 *
 * @param chemistry NMC, NCA, LFP, LMO or OTHER
 * @param passportId its EU battery passport, once it has one
 * @param parentBatteryId the battery it was repurposed or remanufactured from (the parent passport)
 * @param regulatoryStatus ORIGINAL, REUSED, REPURPOSED, REMANUFACTURED or WASTE
 */
public record Battery(@Id String batteryId, String manufacturerSerial, String modelReference, String chemistry,
		BigDecimal ratedCapacityKwh, String passportId, String parentBatteryId, String hostVin,
		String regulatoryStatus, Instant createdAt, @Version Integer version) {

	public Battery withRegulatoryStatus(String status) {
		return new Battery(this.batteryId, this.manufacturerSerial, this.modelReference, this.chemistry,
				this.ratedCapacityKwh, this.passportId, this.parentBatteryId, this.hostVin, status, this.createdAt,
				this.version);
	}

}
