package fr.refactory.records;

import java.util.UUID;

import org.springframework.data.annotation.Id;

/**
 * The document the Refactory rendered for a certificate, kept beside it and never changed
 * (ADR 0910).
 *
 * @param mediaType {@code application/pdf}
 * @param sha256 the hash of {@code content}, the certificate's document hash
 */
public record CertificateDocument(@Id UUID certificateId, String mediaType, byte[] content, String sha256) {

	public static final String PDF = "application/pdf";

}
