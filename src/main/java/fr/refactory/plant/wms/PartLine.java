package fr.refactory.plant.wms;

public record PartLine(String partNumber, int quantity) {
}
