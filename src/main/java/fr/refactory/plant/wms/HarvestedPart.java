package fr.refactory.plant.wms;

/**
 * @param massKg the part's mass as the WMS weighed it at registration, or {@code null}
 * when the WMS gives none (ELV balance, ADR 0926)
 */
public record HarvestedPart(String partId, String donorVin, String partNumber, String labelText, Double massKg) {
}
