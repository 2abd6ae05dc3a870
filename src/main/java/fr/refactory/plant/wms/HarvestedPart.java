package fr.refactory.plant.wms;

public record HarvestedPart(String partId, String donorVin, String partNumber, String labelText) {
}
