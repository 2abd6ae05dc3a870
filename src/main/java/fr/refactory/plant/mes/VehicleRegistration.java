package fr.refactory.plant.mes;

/**
 * @param vin the normalised VIN
 */
public record VehicleRegistration(String vin, String modelFamily, String powertrain) {
}
