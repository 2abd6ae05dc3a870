package fr.refactory.plant.wms;

import java.util.List;

public record PartsRequest(String workOrderId, List<PartLine> lines) {
}
