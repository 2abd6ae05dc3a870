package fr.refactory.plant.doc;

import java.net.URI;
import java.time.Instant;

/**
 * @param sha256 hex SHA-256 of the stored document, to be kept with the record that
 * refers to it
 */
public record GeneratedDocument(String documentId, String template, String subjectKey, URI uri, String sha256,
		Instant generatedAt) {
}
