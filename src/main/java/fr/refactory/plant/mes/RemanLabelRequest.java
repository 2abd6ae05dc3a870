package fr.refactory.plant.mes;

public record RemanLabelRequest(String coreSerial, String partNumber, String remanufacturer) {
}
