package fr.refactory.plant.erp;

import java.time.LocalDate;

/**
 * What the ERP knows about a vehicle (registration-certificate letters in brackets).
 *
 * @param category J: M1…M3, N1…N3, L1…L7
 * @param powertrain ICE_DIESEL, ICE_PETROL, LPG, HEV, PHEV or BEV
 * @param registeredInFranceDefinitive registered in France in a definitive series (not
 * WW, W garage or foreign)
 * @param collectionRegistration registered as a collection vehicle
 */
public record VehicleMasterData(String vin, String make, String modelFamily, String version, String cnit,
		String category, LocalDate firstRegistrationDate, String powertrain, double originalMaxPowerKw,
		int massInRunningOrderKg, int gvwrKg, boolean registeredInFranceDefinitive, boolean collectionRegistration) {
}
