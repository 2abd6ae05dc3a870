package fr.refactory.plant.passport;

/**
 * @param status REPURPOSED or REMANUFACTURED
 */
public record LinkedPassportRequest(String parentBatteryId, String status, String application) {
}
