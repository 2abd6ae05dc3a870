package fr.refactory.plant.wms;

/**
 * @param serialNumber the part's serial, or {@code null} when it has none
 */
public record HarvestRequest(String donorVin, String partNumber, String family, String serialNumber) {
}
