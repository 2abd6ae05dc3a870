package fr.refactory.records.jdbc;

import fr.refactory.records.Vehicle;

import org.springframework.data.repository.ListCrudRepository;

/** Spring Data JDBC access to {@link Vehicle}; internal to the records module. */
public interface VehicleRepository extends ListCrudRepository<Vehicle, String> {

}
