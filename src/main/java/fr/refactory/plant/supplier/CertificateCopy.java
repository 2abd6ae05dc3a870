package fr.refactory.plant.supplier;

/**
 * @param documentSha256 hash of the certificate document sent
 */
public record CertificateCopy(String certificateNumber, String vin, String documentSha256) {
}
