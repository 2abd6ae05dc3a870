package fr.refactory.plant.wms;

public record StockLocation(String subjectKey, String area, String locationCode) {
}
