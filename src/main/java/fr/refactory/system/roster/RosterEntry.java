package fr.refactory.system.roster;

/**
 * One line of the plant's shift roster: a person works a shift (a code of the plant
 * calendar, e.g. MORNING) on the roster's date. A night shift belongs to the date it
 * starts on.
 */
public record RosterEntry(String personId, String shift) {
}
