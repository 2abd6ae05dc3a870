package fr.refactory.plant.btb;

public record CapacityTestResult(String testId, String batteryId, double measuredCapacityKwh, double sohPct) {
}
