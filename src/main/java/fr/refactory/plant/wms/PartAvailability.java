package fr.refactory.plant.wms;

import java.time.LocalDate;

/** @param expectedOn when back-ordered quantities arrive, or {@code null} when all are in stock */
public record PartAvailability(String partNumber, int requested, int inStock, LocalDate expectedOn) {

	public boolean available() {
		return this.inStock >= this.requested;
	}

}
