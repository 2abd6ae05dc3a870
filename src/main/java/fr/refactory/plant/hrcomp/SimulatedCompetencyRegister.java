package fr.refactory.plant.hrcomp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import fr.refactory.plant.hrcomp.Habilitations.Habilitation;
import fr.refactory.plant.simulation.Seeds;
import fr.refactory.plant.simulation.Simulation;

/**
 * A register whose titles derive from the person or installer id: each person holds one to three symbols issued in
 * 2024-2025 for three years; each installer is authorised for two years from a date in 2025 for MASTER vans. The
 * plant's staff, when given, hold their own titles and make up the shift roster, every day (the simulated plant runs
 * round the clock, docs/decisions/0403).
 */
public class SimulatedCompetencyRegister implements CompetencyRegister {

	private static final List<String> SYMBOLS = List.of("B0L", "B1L", "B2L", "BCL", "BRL", "B1XL", "B2XL");

	private final Simulation simulation;

	private final Map<String, List<Habilitation>> staff;

	public SimulatedCompetencyRegister(Simulation simulation) {
		this(simulation, Map.of());
	}

	/** @param staff the plant's people on the roster with their titles, in roster order */
	public SimulatedCompetencyRegister(Simulation simulation, Map<String, List<Habilitation>> staff) {
		this.simulation = simulation;
		this.staff = staff;
	}

	@Override
	public List<String> peopleOnShift(LocalDate on) {
		return this.simulation.answer(() -> List.copyOf(this.staff.keySet()));
	}

	@Override
	public Habilitations habilitationsOf(String personId, LocalDate on) {
		if (this.staff.containsKey(personId)) {
			return this.simulation.answer(() -> new Habilitations(personId, on, this.staff.get(personId)));
		}
		return this.simulation.answer(() -> {
			Random random = Seeds.random("habilitation", personId);
			List<String> symbols = new ArrayList<>(SYMBOLS);
			int count = Seeds.between(random, 1, 3);
			List<Habilitation> titles = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				String symbol = symbols.remove(random.nextInt(symbols.size()));
				LocalDate issued = LocalDate.of(2024, 1, 1).plusDays(Seeds.between(random, 0, 700));
				titles.add(new Habilitation(symbol, issued, issued.plusYears(3), issued));
			}
			return new Habilitations(personId, on, titles);
		});
	}

	@Override
	public InstallerAuthorisation installerAuthorisation(String installerOrg, String vehicleType, LocalDate on) {
		return this.simulation.answer(() -> {
			LocalDate from = LocalDate.of(2025, 1, 1).plusDays(Seeds.between(Seeds.random("installer", installerOrg), 0, 360));
			LocalDate to = from.plusYears(2);
			List<String> types = List.of("MASTER_III", "MASTER_IV");
			boolean valid = types.contains(vehicleType) && !on.isBefore(from) && !on.isAfter(to);
			return new InstallerAuthorisation(installerOrg, "TOLV", types, from, to, valid,
					"REFACTORY-FLINS".equals(installerOrg) ? "Renault Group — The Refactory Flins" : installerOrg,
					"REFACTORY-FLINS".equals(installerOrg) ? "Usine de Flins, 78410 Flins-sur-Seine, France"
							: "unknown");
		});
	}

}
