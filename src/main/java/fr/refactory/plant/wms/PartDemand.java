package fr.refactory.plant.wms;

/** @param daysOfCover how long the stock lasts at the current demand */
public record PartDemand(String partNumber, int openDemand, int daysOfCover) {
}
