package fr.refactory.plant.erp;

import java.time.LocalDate;

public record PurchaseOrderRequest(String itemReference, String vin, LocalDate dueDate) {
}
