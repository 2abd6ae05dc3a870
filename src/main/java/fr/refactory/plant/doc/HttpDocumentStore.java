package fr.refactory.plant.doc;

import java.util.Optional;

import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.http.PlantHttpClient;

import static fr.refactory.plant.http.PlantHttpClient.segment;

/**
 * The document store over HTTP; see {@link PlantHttpClient} for time-outs and error
 * mapping.
 */
public class HttpDocumentStore implements DocumentStore {

	private final PlantHttpClient http;

	public HttpDocumentStore(PlantHttpClient http) {
		this.http = http;
	}

	@Override
	public GeneratedDocument generate(IdempotencyKey key, DocumentRequest request) {
		return this.http.post("documents", key, request, GeneratedDocument.class);
	}

	@Override
	public Optional<GeneratedDocument> find(String documentId) {
		return this.http.find("documents/" + segment(documentId), GeneratedDocument.class);
	}

}
