package fr.refactory.journeys;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import fr.refactory.plant.diag.DiagnosticRequest;
import fr.refactory.plant.diag.SimulatedDiagnosticBench;
import fr.refactory.plant.diag.VehicleReading;
import fr.refactory.plant.erp.SimulatedErp;
import fr.refactory.plant.erp.VehicleMasterData;
import fr.refactory.plant.simulation.Simulation;
import fr.refactory.workers.vin.VinCheck;

/**
 * Renault Clios of the renew journeys, picked with the same deterministic simulation the
 * application's workers ask: the ERP knows the VIN (a petrol Clio of the wanted age) and
 * the diagnostic bench reads the odometer the intake operator reads at the gate, so
 * neither the master-data form nor the odometer-fraud review comes in.
 */
final class RenewVehicles {

	private static final String VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

	private static final SimulatedErp ERP = new SimulatedErp(Simulation.immediate("erp"));

	private static final SimulatedDiagnosticBench DIAG = new SimulatedDiagnosticBench(Simulation.immediate("diag"));

	private RenewVehicles() {
	}

	/**
	 * A fresh Clio VIN first registered between {@code years} - 1/2 and {@code years} +
	 * 1/2 before {@code today}, whose ECU odometer is within 500 km of
	 * {@code odometerKm}.
	 */
	static Clio clio(LocalDate today, int years, int odometerKm) {
		for (int i = 0; i < 200_000; i++) {
			String vin = vin("VF1RJA");
			VehicleMasterData data = ERP.findVehicleMasterData(vin).orElseThrow();
			LocalDate first = data.firstRegistrationDate();
			if (!"CLIO".equals(data.modelFamily()) || first.isBefore(today.minusYears(years).minusMonths(6))
					|| first.isAfter(today.minusYears(years).plusMonths(6))) {
				continue;
			}
			VehicleReading reading = DIAG.readVehicleData(new DiagnosticRequest(vin, "DIAG-1", false));
			if (Math.abs(reading.ecuOdometerKm() - odometerKm) <= 500) {
				return new Clio(vin, first, reading.dtcs().stream().map((dtc) -> dtc.code()).toList());
			}
		}
		throw new IllegalStateException("No Clio of " + years + " years at " + odometerKm + " km");
	}

	/**
	 * A fresh Zoe VIN (Renault's Zoe model code, AS-12) the ERP answers as a
	 * battery-electric Zoe registered in France for good, as a private car.
	 */
	static String zoeVin() {
		for (int i = 0; i < 1_000; i++) {
			String vin = vin(SimulatedErp.ZOE_WMI_AND_MODEL);
			VehicleMasterData data = ERP.findVehicleMasterData(vin).orElseThrow();
			if ("ZOE".equals(data.modelFamily()) && "BEV".equals(data.powertrain())
					&& data.registeredInFranceDefinitive() && !data.collectionRegistration()) {
				return vin;
			}
		}
		throw new IllegalStateException("The ERP answers no " + SimulatedErp.ZOE_WMI_AND_MODEL + " VIN as a Zoe");
	}

	/** A 17-character VIN with the prefix and the right check digit (position 9). */
	private static String vin(String prefix) {
		StringBuilder vin = new StringBuilder(prefix);
		while (vin.length() < 17) {
			vin.append(VIN_CHARS.charAt(ThreadLocalRandom.current().nextInt(VIN_CHARS.length())));
		}
		vin.setCharAt(8, VinCheck.of(vin.toString()).expectedCheckDigit());
		return vin.toString();
	}

	/**
	 * @param dtcs the fault codes the bench reads: the repair operations when the
	 * technician lists none
	 */
	record Clio(String vin, LocalDate firstRegistration, List<String> dtcs) {
	}

}
