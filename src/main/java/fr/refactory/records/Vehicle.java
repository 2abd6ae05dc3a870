package fr.refactory.records;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * A vehicle the Refactory received.
 *
 * @param vin the normalised VIN (see {@link Vins})
 * @param powertrain ICE_DIESEL, ICE_PETROL, LPG, HEV, PHEV or BEV
 * @param odometerKm the latest accepted reading
 * @param createdAt set by the database
 * @param version optimistic lock, {@code null} before the first save
 */
public record Vehicle(@Id String vin, String make, String modelFamily, String modelVersion, String powertrain,
		String category, LocalDate firstRegistrationDate, Instant arrivedAt, Integer odometerKm, Instant odometerReadAt,
		Instant createdAt, @Version Integer version) {

	public Vehicle withOdometer(int km, Instant readAt) {
		return new Vehicle(this.vin, this.make, this.modelFamily, this.modelVersion, this.powertrain, this.category,
				this.firstRegistrationDate, this.arrivedAt, km, readAt, this.createdAt, this.version);
	}

}
