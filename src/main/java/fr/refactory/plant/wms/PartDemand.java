package fr.refactory.plant.wms;

/**
 * @param daysOfCover how long the stock lasts at the current demand
 * @param remanProgramExists whether The Remakers run an active remanufacturing line for
 * this reference (D10 input)
 */
public record PartDemand(String partNumber, int openDemand, int daysOfCover, boolean remanProgramExists) {
}
