package fr.refactory.records.jdbc;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.refactory.records.SohReading;

import org.springframework.data.repository.ListCrudRepository;

/** Spring Data JDBC access to {@link SohReading}; internal to the records module. */
public interface SohReadingRepository extends ListCrudRepository<SohReading, UUID> {

	Optional<SohReading> findByIdempotencyKey(String idempotencyKey);

	List<SohReading> findByBatteryIdOrderByMeasuredAt(String batteryId);

}
