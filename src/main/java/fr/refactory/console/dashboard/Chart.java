package fr.refactory.console.dashboard;

import java.util.List;

/**
 * One chart of the plant dashboard: horizontal bars drawn as SVG on the server (ADR 1301,
 * 1303). {@code note} is a figure read beside the bars (e.g. the first-pass yield), null
 * when there is none. A bar's {@code key} does not change with the page's language;
 * {@code href} is where the instances behind it are listed, null when the reader may not
 * open that page or there is none.
 */
public record Chart(String id, String title, String unit, String note, List<Bar> bars) {

	/** Width of the longest bar, in the SVG's user units. */
	static final int FULL_WIDTH = 420;

	/** Height of one bar's row. */
	static final int ROW = 26;

	public Chart(String id, String title, String unit, List<Bar> bars) {
		this(id, title, unit, null, bars);
	}

	public long max() {
		return this.bars.stream().mapToLong(Bar::count).max().orElse(0);
	}

	public long total() {
		return this.bars.stream().mapToLong(Bar::count).sum();
	}

	public int height() {
		return Math.max(1, this.bars.size()) * ROW;
	}

	/** The width of a bar of this count, at least a sliver for a count above zero. */
	public int width(long count) {
		long max = max();
		return (max == 0 || count == 0) ? 0 : (int) Math.max(2, count * FULL_WIDTH / max);
	}

	public int y(int index) {
		return index * ROW;
	}

	public record Bar(String key, String label, long count, String href) {

		/** A bar whose label is its key (a process id, a group, a date). */
		public Bar(String label, long count, String href) {
			this(label, label, count, href);
		}

	}

}
