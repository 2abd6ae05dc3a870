package fr.refactory.plant.mes;

/**
 * @param labelText names "remanufactured" and the remanufacturer
 */
public record RemanLabel(String remanSerial, String coreSerial, String labelText) {
}
