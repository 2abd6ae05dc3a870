package fr.refactory.engine.state.query;

import java.util.List;

/**
 * The wire shape of every {@code /search} answer; {@code page.totalItems} is always
 * present.
 */
public record SearchResult<T>(List<T> items, Page page) {

	public record Page(long totalItems, boolean hasMoreTotalItems, String startCursor, String endCursor) {
	}

}
