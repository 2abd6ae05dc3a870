package fr.refactory.plant.erp;

import java.time.LocalDate;

public record PurchaseOrder(String poNumber, String itemReference, LocalDate dueDate) {
}
