package fr.refactory.plant.supplier;

import java.time.LocalDate;

public record KitOrder(String poNumber, String kitReference, String vin, LocalDate dueDate) {
}
