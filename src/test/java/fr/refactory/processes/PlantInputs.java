package fr.refactory.processes;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import fr.refactory.plant.btb.BmsReading;
import fr.refactory.plant.btb.SimulatedBatteryTestBench;
import fr.refactory.plant.hrcomp.SimulatedCompetencyRegister;
import fr.refactory.plant.mes.SimulatedMes;
import fr.refactory.plant.simulation.Simulation;
import fr.refactory.workers.vin.VinCheck;

/**
 * Inputs that steer the application's real workers down a chosen path. The simulated
 * plant systems answer deterministically from the ids they are given
 * (fr.refactory.plant.simulation.Seeds), so a process test picks, with the same
 * simulation the workers use, an id whose answer is the one the path needs, instead of
 * mocking a job type that an application worker also serves (which would race it).
 */
final class PlantInputs {

	private static final String VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

	private static final SimulatedCompetencyRegister REGISTER = new SimulatedCompetencyRegister(
			Simulation.immediate("hrcomp"));

	private static final SimulatedBatteryTestBench BENCH = new SimulatedBatteryTestBench(Simulation.immediate("btb"));

	private static final SimulatedMes MES = new SimulatedMes(Simulation.immediate("mes"));

	private static final fr.refactory.plant.eol.SimulatedEndOfLineBenches EOL = new fr.refactory.plant.eol.SimulatedEndOfLineBenches(
			Simulation.immediate("eol"));

	private PlantInputs() {
	}

	/**
	 * A fresh 17-character VIN with the given prefix whose check digit (position 9) is
	 * right.
	 */
	static String vin(String prefix) {
		StringBuilder vin = new StringBuilder(prefix);
		while (vin.length() < 17) {
			vin.append(VIN_CHARS.charAt(ThreadLocalRandom.current().nextInt(VIN_CHARS.length())));
		}
		Character digit = VinCheck.of(vin.toString()).expectedCheckDigit();
		vin.setCharAt(8, digit);
		return vin.toString();
	}

	/**
	 * A valid VIN unknown to the simulated ERP whose serial ends in 00000: the simulated
	 * registration authority checks its file by hand and keeps its certificate of
	 * destruction pending for 12 days.
	 */
	static String vinUnderManualCheck() {
		StringBuilder vin = new StringBuilder(unknownVin());
		vin.replace(12, 17, fr.refactory.plant.reg.SimulatedRegistrationAuthority.MANUAL_CHECK_SERIAL);
		vin.setCharAt(8, VinCheck.of(vin.toString()).expectedCheckDigit());
		return vin.toString();
	}

	/**
	 * A Renault Master VIN on which the simulated HV tester reads a bonding of exactly
	 * 0.1 Ohm.
	 */
	static String renaultVinWithBondingAtLimit() {
		return withSerialEnding(renaultVin(), fr.refactory.plant.eol.SimulatedEndOfLineBenches.BONDING_AT_LIMIT_SERIAL);
	}

	/** The VIN with its last characters replaced and its check digit set again. */
	static String withSerialEnding(String vin, String ending) {
		StringBuilder changed = new StringBuilder(vin);
		changed.replace(17 - ending.length(), 17, ending);
		changed.setCharAt(8, VinCheck.of(changed.toString()).expectedCheckDigit());
		return changed.toString();
	}

	/** A Renault VIN the simulated ERP knows (VF1...). */
	static String renaultVin() {
		return vin("VF1MA");
	}

	/**
	 * A valid VIN the simulated ERP does not know (its master data are entered by hand).
	 */
	static String unknownVin() {
		return vin("WDB");
	}

	/**
	 * An equipment id whose calibration, in the simulated MES, was due before
	 * {@code before}.
	 */
	static String equipmentOutOfCalibration(LocalDate before) {
		for (int i = 0; i < 10_000; i++) {
			String id = "EOL-BENCH-" + i;
			if (MES.checkCalibration(id, before).dueDate().isBefore(before)) {
				return id;
			}
		}
		throw new IllegalStateException("No equipment out of calibration before " + before);
	}

	/**
	 * An equipment id whose calibration, in the simulated MES, is still valid on
	 * {@code on}.
	 */
	static String equipmentInCalibration(LocalDate on) {
		for (int i = 0; i < 10_000; i++) {
			String id = "EOL-BENCH-OK-" + i;
			if (!MES.checkCalibration(id, on).dueDate().isBefore(on)) {
				return id;
			}
		}
		throw new IllegalStateException("No equipment in calibration on " + on);
	}

	/**
	 * A fresh battery id whose BMS reading on the simulated bench satisfies the
	 * predicate.
	 */
	static String battery(Predicate<BmsReading> wanted) {
		for (int i = 0; i < 10_000; i++) {
			String id = "BAT-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
			if (wanted.test(BENCH.readBms(id, "BTB-1"))) {
				return id;
			}
		}
		throw new IllegalStateException("No battery with the wanted BMS reading");
	}

	/**
	 * A fresh battery id, sealed or not, of a pack that trips the first bench that reads
	 * it and the first cycler that tests it (the simulated bench then reports
	 * BENCH_UNAVAILABLE for it), whose BMS reading satisfies the predicate.
	 */
	static String trippingBattery(boolean sealed, Predicate<BmsReading> wanted) {
		for (int i = 0; i < 10_000; i++) {
			String id = (sealed ? SimulatedBatteryTestBench.SEALED_PACK_PREFIX : "BAT-")
					+ java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase()
					+ SimulatedBatteryTestBench.TRIPPING_PACK_SUFFIX;
			BmsReading reading = readAfterTrip(id);
			if (reading.moduleRepairable() != sealed && wanted.test(reading)) {
				return id;
			}
		}
		throw new IllegalStateException("No tripping battery with the wanted BMS reading");
	}

	/**
	 * The reading of a tripping pack: the first probe bench trips, the second reads it.
	 */
	private static BmsReading readAfterTrip(String batteryId) {
		try {
			return BENCH.readBms(batteryId, "PROBE-1");
		}
		catch (fr.refactory.plant.PlantBusinessException tripped) {
			return BENCH.readBms(batteryId, "PROBE-2");
		}
	}

	/**
	 * A fresh battery id of a sealed pack (the simulated bench reports that its design
	 * allows no module replacement) whose BMS reading satisfies the predicate.
	 */
	static String sealedBattery(Predicate<BmsReading> wanted) {
		for (int i = 0; i < 10_000; i++) {
			String id = SimulatedBatteryTestBench.SEALED_PACK_PREFIX
					+ java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
			BmsReading reading = BENCH.readBms(id, "BTB-1");
			if (!reading.moduleRepairable() && wanted.test(reading)) {
				return id;
			}
		}
		throw new IllegalStateException("No sealed battery with the wanted BMS reading");
	}

	/**
	 * A fresh core serial whose end-of-line part test (programme
	 * {@code <partFamily>_EOL}, no bench named) is within limits on the simulated
	 * benches, so the quality gate sees no automatic failure.
	 */
	static String corePassingEol(String partFamily) {
		return coreWithEolVerdict(partFamily, "OK");
	}

	/**
	 * A fresh core serial whose end-of-line part test (programme
	 * {@code <partFamily>_EOL}) fails on the simulated benches.
	 */
	static String coreFailingEol(String partFamily) {
		return coreWithEolVerdict(partFamily, "NOK");
	}

	private static String coreWithEolVerdict(String partFamily, String verdict) {
		for (int i = 0; i < 10_000; i++) {
			String serial = "CORE-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
			fr.refactory.plant.eol.TestRun run = EOL.runTest(fr.refactory.plant.IdempotencyKey.of("probe-" + serial),
					new fr.refactory.plant.eol.TestRequest("PART", serial, partFamily + "_EOL", null));
			if (verdict.equals(run.verdict())) {
				return serial;
			}
		}
		throw new IllegalStateException("No core with end-of-line verdict " + verdict);
	}

	/**
	 * A part number whose days of cover in the simulated WMS are at least 90 (high) or
	 * below 90 (low).
	 */
	static String partNumberWithCover(boolean high) {
		fr.refactory.plant.wms.SimulatedWms wms = new fr.refactory.plant.wms.SimulatedWms(Simulation.immediate("wms"));
		for (int i = 0; i < 10_000; i++) {
			String partNumber = "PN-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
			if ((wms.demandFor(partNumber).daysOfCover() >= 90) == high) {
				return partNumber;
			}
		}
		throw new IllegalStateException("No part number with the wanted cover");
	}

	/**
	 * The installer authorisation the simulated register gives the Refactory for Master
	 * vans on a date.
	 */
	static fr.refactory.plant.hrcomp.InstallerAuthorisation refactoryInstallerAuthorisation(LocalDate on) {
		return REGISTER.installerAuthorisation("REFACTORY-FLINS", "MASTER_III", on);
	}

	/**
	 * A Renault Master VIN whose end-of-line vehicle test (programme VEHICLE_EOL) is
	 * within limits.
	 */
	static String renaultVinPassingVehicleEol() {
		for (int i = 0; i < 10_000; i++) {
			String vin = renaultVin();
			fr.refactory.plant.eol.TestRun run = EOL.runTest(fr.refactory.plant.IdempotencyKey.of("probe-" + vin),
					new fr.refactory.plant.eol.TestRequest("VEHICLE", vin, "VEHICLE_EOL", null));
			if ("OK".equals(run.verdict())) {
				return vin;
			}
		}
		throw new IllegalStateException("No VIN passing the end-of-line vehicle test");
	}

	/**
	 * The answers of the battery-safety-triage form for a pack with nothing wrong (D6:
	 * NORMAL).
	 */
	static java.util.Map<String, Object> normalTriage(String batteryId) {
		java.util.Map<String, Object> triage = new java.util.HashMap<>();
		triage.put("batteryIdScanned", batteryId);
		triage.put("casingDamage", "NONE");
		triage.put("leakOrVent", false);
		triage.put("swelling", false);
		triage.put("smokeOrSmell", false);
		triage.put("surfaceTemperatureC", 21);
		triage.put("ambientTemperatureC", 20);
		triage.put("bmsCommunicating", true);
		triage.put("crashHistory", false);
		triage.put("triagePhotosRef", "PHOTOS-" + batteryId);
		return triage;
	}

}
