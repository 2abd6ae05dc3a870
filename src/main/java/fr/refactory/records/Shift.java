package fr.refactory.records;

import java.time.LocalTime;
import java.util.List;

/**
 * A shift of the plant calendar, in the plant's local time. A shift without lines runs on
 * every line; the plant's working day spans those shifts. A shift that ends before it
 * starts runs overnight.
 */
public record Shift(String code, String name, LocalTime starts, LocalTime ends, List<String> lines) {

	public Shift {
		lines = (lines != null) ? List.copyOf(lines) : List.of();
	}

	public boolean plantWide() {
		return this.lines.isEmpty();
	}

	public boolean overnight() {
		return !this.ends.isAfter(this.starts);
	}

}
