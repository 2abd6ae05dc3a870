package fr.refactory.plant.wms;

public record YardLocation(String vin, String locationCode, boolean quarantine) {
}
