package fr.refactory.plant.doc;

import java.util.Optional;

import fr.refactory.plant.IdempotencyKey;

/**
 * The document store and generator (domain brief §3.11, {@code doc.generate*}):
 * certificates and records as PDFs, stored immutably with their SHA-256.
 */
public interface DocumentStore {

	GeneratedDocument generate(IdempotencyKey key, DocumentRequest request);

	Optional<GeneratedDocument> find(String documentId);

}
