package fr.refactory.plant.wms;

/**
 * @param hvQuarantine whether the vehicle is HV-suspect and needs a quarantine bay
 */
public record YardRequest(String vin, boolean hvQuarantine) {
}
