package fr.refactory.console.dashboard;

import java.util.List;

/**
 * One chart of the plant dashboard: horizontal bars drawn as SVG on the server (ADR
 * 1301). {@code href} of a bar is where the instances behind it are listed, null when the
 * reader may not open that page or there is none.
 */
public record Chart(String id, String title, String unit, List<Bar> bars) {

	/** Width of the longest bar, in the SVG's user units. */
	static final int FULL_WIDTH = 420;

	/** Height of one bar's row. */
	static final int ROW = 26;

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

	public record Bar(String label, long count, String href) {
	}

}
