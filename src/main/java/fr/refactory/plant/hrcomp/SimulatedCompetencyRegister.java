package fr.refactory.plant.hrcomp;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import fr.refactory.plant.hrcomp.Habilitations.Habilitation;
import fr.refactory.plant.simulation.Seeds;
import fr.refactory.plant.simulation.Simulation;
import fr.refactory.system.habilitation.HabilitationTitle;
import fr.refactory.system.roster.RosterEntry;

/**
 * A register whose answers derive from the person or installer id and stay plausible on
 * any date (ADR 0471): each person holds one to three symbols first issued in 2024-2025
 * and re-issued, with a refresher training, every three years; each installer is
 * authorised for MASTER vans for two years at a time, each renewal granted
 * {@value #RENEWAL_NOTICE_DAYS} days before the authorisation in force expires and taking
 * effect the day after. The register knows only the renewals granted by today: a
 * conversion booked on the line (weeks ahead) is always covered, a date planned past the
 * last authorisation granted is not (AS-30, the authorisation expired the day before).
 * The plant's staff, when given, hold their own titles (as they stand on the asked date)
 * and make up the shift roster, every day (the simulated plant runs round the clock,
 * docs/decisions/0403).
 */
public class SimulatedCompetencyRegister implements CompetencyRegister {

	static final int RENEWAL_NOTICE_DAYS = 90;

	private static final List<String> SYMBOLS = List.of("B0L", "B1L", "B2L", "BCL", "BRL", "B1XL", "B2XL");

	private static final Period TITLE_CYCLE = Period.ofYears(3);

	private static final Period AUTHORISATION_TERM = Period.ofYears(2);

	private final Simulation simulation;

	private final Map<String, List<HabilitationTitle>> staff;

	private final List<RosterEntry> roster;

	public SimulatedCompetencyRegister(Simulation simulation) {
		this(simulation, Map.of());
	}

	/**
	 * @param staff the plant's people on the roster with their titles, in roster order,
	 * on one shift every day
	 */
	public SimulatedCompetencyRegister(Simulation simulation, Map<String, List<HabilitationTitle>> staff) {
		this(simulation, staff, Map.of());
	}

	/**
	 * @param staff the plant's people with their titles, in roster order
	 * @param shifts the people of each shift code, every day; staff listed under no shift
	 * work every shift (ADR 0710), and with no shift given at all, one shift
	 * {@value #ROUND_THE_CLOCK}
	 */
	public SimulatedCompetencyRegister(Simulation simulation, Map<String, List<HabilitationTitle>> staff,
			Map<String, List<String>> shifts) {
		this.simulation = simulation;
		this.staff = staff;
		this.roster = roster(staff.keySet(), shifts);
	}

	static final String ROUND_THE_CLOCK = "ALL_DAY";

	private static List<RosterEntry> roster(java.util.Set<String> staff, Map<String, List<String>> shifts) {
		Map<String, List<String>> byShift = shifts.isEmpty() ? Map.of(ROUND_THE_CLOCK, List.of()) : shifts;
		java.util.Set<String> listed = new java.util.HashSet<>();
		byShift.values().forEach(listed::addAll);
		List<RosterEntry> entries = new ArrayList<>();
		staff.stream()
			.filter((person) -> !listed.contains(person))
			.forEach((person) -> byShift.keySet().forEach((shift) -> entries.add(new RosterEntry(person, shift))));
		byShift.forEach((shift, people) -> people.forEach((person) -> entries.add(new RosterEntry(person, shift))));
		return List.copyOf(entries);
	}

	@Override
	public List<RosterEntry> shiftRoster(LocalDate on) {
		return this.simulation.answer(() -> this.roster);
	}

	@Override
	public Habilitations habilitationsOf(String personId, LocalDate on) {
		if (this.staff.containsKey(personId)) {
			return this.simulation.answer(() -> new Habilitations(personId, on, staffTitles(personId, on)));
		}
		return this.simulation.answer(() -> {
			Random random = Seeds.random("habilitation", personId);
			List<String> symbols = new ArrayList<>(SYMBOLS);
			int count = Seeds.between(random, 1, 3);
			List<Habilitation> titles = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				String symbol = symbols.remove(random.nextInt(symbols.size()));
				LocalDate firstIssued = LocalDate.of(2024, 1, 1).plusDays(Seeds.between(random, 0, 700));
				if (!on.isBefore(firstIssued)) {
					LocalDate issued = lastCycleStart(firstIssued, TITLE_CYCLE, on);
					titles.add(new Habilitation(symbol, issued, issued.plus(TITLE_CYCLE).minusDays(1), issued));
				}
			}
			return new Habilitations(personId, on, titles);
		});
	}

	/**
	 * Configuration gives no issue date: the title counts as issued long ago, as the
	 * console's check assumes.
	 */
	private List<Habilitation> staffTitles(String personId, LocalDate on) {
		return this.staff.get(personId)
			.stream()
			.map((title) -> title.asOf(on))
			.flatMap((title) -> title.symbols()
				.stream()
				.map((symbol) -> new Habilitation(symbol, LocalDate.EPOCH, title.expiresOn(), title.lastRefresherOn())))
			.toList();
	}

	@Override
	public InstallerAuthorisation installerAuthorisation(String installerOrg, String vehicleType, LocalDate on) {
		return this.simulation.answer(() -> {
			LocalDate today = LocalDate.ofInstant(this.simulation.now(), ZoneOffset.UTC);
			LocalDate from = LocalDate.of(2025, 1, 1)
				.plusDays(Seeds.between(Seeds.random("installer", installerOrg), 0, 360));
			while (on.isAfter(from.plus(AUTHORISATION_TERM)) && renewalGranted(from, today)) {
				from = from.plus(AUTHORISATION_TERM).plusDays(1);
			}
			LocalDate to = from.plus(AUTHORISATION_TERM);
			List<String> types = List.of("MASTER_III", "MASTER_IV");
			boolean valid = types.contains(vehicleType) && !on.isBefore(from) && !on.isAfter(to);
			return new InstallerAuthorisation(installerOrg, "TOLV", types, from, to, valid,
					"REFACTORY-FLINS".equals(installerOrg) ? "Renault Group — The Refactory Flins" : installerOrg,
					"REFACTORY-FLINS".equals(installerOrg) ? "Usine de Flins, 78410 Flins-sur-Seine, France"
							: "unknown");
		});
	}

	/**
	 * Whether the authorisation following the one from {@code from} is granted, so known
	 * to the register, by today.
	 */
	private static boolean renewalGranted(LocalDate from, LocalDate today) {
		return !today.isBefore(from.plus(AUTHORISATION_TERM).minusDays(RENEWAL_NOTICE_DAYS));
	}

	/**
	 * The start of the cycle in force on a date, cycles starting at {@code first} every
	 * {@code cycle}.
	 */
	private static LocalDate lastCycleStart(LocalDate first, Period cycle, LocalDate on) {
		LocalDate start = first;
		while (!on.isBefore(start.plus(cycle))) {
			start = start.plus(cycle);
		}
		return start;
	}

}
