package fr.refactory.plant.passport;

/**
 * @param status ORIGINAL, REUSED, REPURPOSED, REMANUFACTURED or WASTE
 */
public record PassportStatusChange(String batteryId, String status, Double sohPct) {
}
