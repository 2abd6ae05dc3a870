package fr.refactory.plant.doc;

import java.util.Map;

import fr.refactory.plant.IdempotencyKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link DocumentStore} adapter must do; run against the simulated and the
 * HTTP adapter.
 */
abstract class DocumentStoreContract {

	protected abstract DocumentStore store();

	@Test
	void shouldGenerateADocumentWithItsHashAndFindItAgain() {
		GeneratedDocument document = store().generate(IdempotencyKey.of("job-1:cod"), new DocumentRequest(
				"CERTIFICATE_OF_DESTRUCTION", "VF1MA000012345678", Map.of("codNumber", "COD-1", "atf", "PR7800001D")));

		assertThat(document.sha256()).matches("[0-9a-f]{64}");
		assertThat(document.template()).isEqualTo("CERTIFICATE_OF_DESTRUCTION");
		assertThat(store().find(document.documentId())).contains(document);
	}

	@Test
	void shouldHashDifferentContentDifferently() {
		GeneratedDocument one = store().generate(IdempotencyKey.of("job-2:doc"),
				new DocumentRequest("QUALITY_RECORD", "PART-1", Map.of("verdict", "PASS")));
		GeneratedDocument other = store().generate(IdempotencyKey.of("job-3:doc"),
				new DocumentRequest("QUALITY_RECORD", "PART-1", Map.of("verdict", "SCRAP")));

		assertThat(other.sha256()).isNotEqualTo(one.sha256());
		assertThat(other.documentId()).isNotEqualTo(one.documentId());
	}

	@Test
	void shouldGenerateOneDocumentPerIdempotencyKey() {
		DocumentRequest request = new DocumentRequest("LOCKOUT_CERTIFICATE", "VF1MA000012345678", Map.of());

		GeneratedDocument first = store().generate(IdempotencyKey.of("job-4:lockout"), request);

		assertThat(store().generate(IdempotencyKey.of("job-4:lockout"), request)).isEqualTo(first);
	}

	@Test
	void shouldFindNoUnknownDocument() {
		assertThat(store().find("DOC-UNKNOWN")).isEmpty();
	}

}
