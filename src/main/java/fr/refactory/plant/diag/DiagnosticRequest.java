package fr.refactory.plant.diag;

/**
 * @param hvVehicle whether the vehicle has a traction battery, so the BMS is read too
 */
public record DiagnosticRequest(String vin, String benchId, boolean hvVehicle) {
}
