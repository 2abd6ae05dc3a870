package fr.refactory.processes;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import fr.refactory.plant.hrcomp.Habilitations;
import fr.refactory.plant.hrcomp.SimulatedCompetencyRegister;
import fr.refactory.plant.simulation.Simulation;
import fr.refactory.workers.vin.VinCheck;

/**
 * Inputs that steer the application's real workers down a chosen path. The simulated plant systems answer
 * deterministically from the ids they are given (fr.refactory.plant.simulation.Seeds), so a process test picks, with
 * the same simulation the workers use, an id whose answer is the one the path needs, instead of mocking a job type
 * that an application worker also serves (which would race it).
 */
final class PlantInputs {

	private static final String VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

	private static final SimulatedCompetencyRegister REGISTER = new SimulatedCompetencyRegister(
			Simulation.immediate("hrcomp"));

	private PlantInputs() {
	}

	/** A fresh 17-character VIN with the given prefix whose check digit (position 9) is right. */
	static String vin(String prefix) {
		StringBuilder vin = new StringBuilder(prefix);
		while (vin.length() < 17) {
			vin.append(VIN_CHARS.charAt(ThreadLocalRandom.current().nextInt(VIN_CHARS.length())));
		}
		Character digit = VinCheck.of(vin.toString()).expectedCheckDigit();
		vin.setCharAt(8, digit);
		return vin.toString();
	}

	/** A Renault VIN the simulated ERP knows (VF1...). */
	static String renaultVin() {
		return vin("VF1MA");
	}

	/** A valid VIN the simulated ERP does not know (its master data are entered by hand). */
	static String unknownVin() {
		return vin("WDB");
	}

	/** A person id whose titles in the simulated competency register on {@code on} satisfy the predicate. */
	static String person(String prefix, LocalDate on, Predicate<Habilitations> wanted) {
		for (int i = 0; i < 10_000; i++) {
			String id = prefix + "-" + i;
			if (wanted.test(REGISTER.habilitationsOf(id, on))) {
				return id;
			}
		}
		throw new IllegalStateException("No " + prefix + " with the wanted habilitations on " + on);
	}

	static Predicate<Habilitations> holding(String symbol) {
		return (titles) -> titles.validSymbols().contains(symbol);
	}

	static Predicate<Habilitations> notHolding(String symbol) {
		return holding(symbol).negate();
	}

}
