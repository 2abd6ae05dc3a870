package fr.refactory.records;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * A traction battery (pack).
 *
 * @param chemistry NMC, NCA, LFP, LMO or OTHER
 * @param passportId its EU battery passport, once it has one
 * @param parentBatteryId the battery it was repurposed or remanufactured from (the parent
 * passport)
 * @param regulatoryStatus ORIGINAL, REUSED, REPURPOSED, REMANUFACTURED or WASTE
 * @param manufacturer who made the pack (static passport data, Annex XIII, like the
 * fields after it)
 */
public record Battery(@Id String batteryId, String manufacturerSerial, String modelReference, String chemistry,
		BigDecimal ratedCapacityKwh, String passportId, String parentBatteryId, String hostVin, String regulatoryStatus,
		Instant createdAt, @Version Integer version, String manufacturer, LocalDate manufacturedOn,
		BigDecimal nominalVoltageV, BigDecimal massKg, Integer moduleCount, Integer cellCount) {

	/**
	 * A battery known only by its id (and its parent's, for a repurposed or
	 * remanufactured one).
	 */
	public static Battery identified(String batteryId, String parentBatteryId, String hostVin) {
		return new Battery(batteryId, null, null, null, null, null, parentBatteryId, hostVin, null, null, null, null,
				null, null, null, null, null);
	}

	/**
	 * A battery made from this one (repurposed or remanufactured) as far as its design
	 * goes: model, chemistry and rated values; not who made it, nor when, nor its serial.
	 */
	public Battery asDesignOf(String newBatteryId) {
		return new Battery(newBatteryId, null, this.modelReference, this.chemistry, this.ratedCapacityKwh, null, null,
				null, null, null, null, null, null, this.nominalVoltageV, this.massKg, this.moduleCount,
				this.cellCount);
	}

	public Battery withRegulatoryStatus(String status) {
		return new Battery(this.batteryId, this.manufacturerSerial, this.modelReference, this.chemistry,
				this.ratedCapacityKwh, this.passportId, this.parentBatteryId, this.hostVin, status, this.createdAt,
				this.version, this.manufacturer, this.manufacturedOn, this.nominalVoltageV, this.massKg,
				this.moduleCount, this.cellCount);
	}

}
