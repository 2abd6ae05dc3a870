package fr.refactory.plant.btb;

/** A started capacity test; its id correlates {@code CapacityTestDone}. */
public record CapacityTest(String testId, String batteryId, String benchId) {
}
