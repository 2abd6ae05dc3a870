package fr.refactory.records.jdbc;

import fr.refactory.records.Battery;

import org.springframework.data.repository.ListCrudRepository;

/** Spring Data JDBC access to {@link Battery}; internal to the records module. */
public interface BatteryRepository extends ListCrudRepository<Battery, String> {

}
