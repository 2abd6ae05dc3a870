package fr.refactory.plant.mes;

/** A vehicle as the MES knows it. */
public record MesVehicle(String vin, String mesVehicleId) {
}
