package fr.refactory.plant.wms;

import java.time.LocalDate;

/**
 * @param expectedOn when back-ordered quantities arrive, or {@code null} when all are in
 * stock or the part is obsolete
 * @param obsolete the reference is discontinued: no stock will come (D3's OBSOLETE)
 */
public record PartAvailability(String partNumber, int requested, int inStock, LocalDate expectedOn, boolean obsolete) {

	public boolean available() {
		return this.inStock >= this.requested;
	}

}
