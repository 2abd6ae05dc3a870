package fr.refactory.plant.wms;

import java.util.List;

public record PickedParts(String pickId, String workOrderId, List<PickedLine> lines) {

	/**
	 * @param lot the lot the parts were taken from, for forward traceability
	 */
	public record PickedLine(String partNumber, int quantity, String lot) {
	}

}
