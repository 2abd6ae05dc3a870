package fr.refactory.plant.supplier;

import java.time.Instant;

public record CertificateCopyReceipt(String receiptId, String certificateNumber, Instant receivedAt) {
}
