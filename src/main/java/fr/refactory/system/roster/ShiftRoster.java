package fr.refactory.system.roster;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who works which shift on a date, as the competency register's time and attendance
 * answers it (ADR 0710). The console reads it through this interface because it may not
 * use the plant ports.
 */
public interface ShiftRoster {

	List<RosterEntry> rosterOn(LocalDate date);

	/**
	 * The people sharing a shift with {@code personId} on that date, the person included;
	 * empty when not rostered.
	 */
	default Set<String> colleaguesOf(String personId, LocalDate date) {
		List<RosterEntry> roster = rosterOn(date);
		Set<String> shifts = roster.stream()
			.filter((entry) -> entry.personId().equals(personId))
			.map(RosterEntry::shift)
			.collect(Collectors.toSet());
		return roster.stream()
			.filter((entry) -> shifts.contains(entry.shift()))
			.map(RosterEntry::personId)
			.collect(Collectors.toCollection(java.util.LinkedHashSet::new));
	}

}
