package fr.refactory.plant.wms;

import java.util.List;

/**
 * @param backOrdered lines that could not be reserved now (a {@code PartsAvailable}
 * message follows)
 */
public record PartsReservation(String reservationId, String workOrderId, List<PartLine> reserved,
		List<PartLine> backOrdered) {
}
