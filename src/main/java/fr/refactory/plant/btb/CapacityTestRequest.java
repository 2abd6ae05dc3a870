package fr.refactory.plant.btb;

/**
 * @param ratedCapacityKwh the pack's rated capacity, to turn the measured capacity into a
 * state of health
 */
public record CapacityTestRequest(String batteryId, String benchId, double ratedCapacityKwh) {
}
