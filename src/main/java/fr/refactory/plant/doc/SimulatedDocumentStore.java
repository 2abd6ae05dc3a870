package fr.refactory.plant.doc;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.simulation.Seeds;
import fr.refactory.plant.simulation.Simulation;

/**
 * A document store that "renders" a document as the template name and its sorted data,
 * and hashes that.
 */
public class SimulatedDocumentStore implements DocumentStore {

	private final Simulation simulation;

	private final Map<String, GeneratedDocument> documents = new ConcurrentHashMap<>();

	public SimulatedDocumentStore(Simulation simulation) {
		this.simulation = simulation;
	}

	@Override
	public GeneratedDocument generate(IdempotencyKey key, DocumentRequest request) {
		return this.simulation.once("generate", key, () -> {
			String documentId = Seeds.id("DOC", key);
			String rendered = request.template() + " " + request.subjectKey() + " " + new TreeMap<>(request.data());
			GeneratedDocument document = new GeneratedDocument(documentId, request.template(), request.subjectKey(),
					URI.create("urn:refactory:document:" + documentId), Seeds.sha256Hex(rendered),
					this.simulation.now());
			this.documents.put(documentId, document);
			return document;
		});
	}

	@Override
	public Optional<GeneratedDocument> find(String documentId) {
		return this.simulation.answer(() -> Optional.ofNullable(this.documents.get(documentId)));
	}

}
