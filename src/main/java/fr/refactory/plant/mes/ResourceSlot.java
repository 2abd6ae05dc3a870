package fr.refactory.plant.mes;

import java.time.Instant;

public record ResourceSlot(String reservationId, String resourceId, Instant slotStart, Instant slotEnd) {
}
