package fr.refactory.plant.supplier;

import java.time.LocalDate;

public record KitOrderAck(String supplierOrderId, String poNumber, LocalDate promisedDate) {
}
