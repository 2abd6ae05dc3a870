package fr.refactory.console.models;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.records.AuditEntry;

/**
 * When and by whom each version ("vehicle-intake v2") was first deployed, read from the
 * {@code MODEL_DEPLOYED} audit entries; and the forms among them (the client offers no
 * form search).
 */
record ModelVersionHistory(Map<String, Deployed> firstDeployments, List<FormVersion> forms) {

	private static final ObjectMapper JSON = new ObjectMapper();

	static ModelVersionHistory of(List<AuditEntry> entries) {
		Map<String, Deployed> first = new HashMap<>();
		List<FormVersion> forms = new ArrayList<>();
		entries.stream()
			.filter((entry) -> ModelDeployments.ACTION.equals(entry.action()))
			.sorted(Comparator.comparingLong(AuditEntry::sequenceNumber))
			.forEach((entry) -> versionsIn(entry).forEach((version) -> {
				Deployed deployed = new Deployed(entry.recordedAt(), entry.actor(), entry.subjectKey());
				if (first.putIfAbsent(version, deployed) == null && entry.subjectKey().endsWith(".form")) {
					forms.add(FormVersion.of(version, deployed));
				}
			}));
		forms.sort(Comparator.comparing(FormVersion::formId)
			.thenComparing(FormVersion::version, Comparator.reverseOrder()));
		return new ModelVersionHistory(Map.copyOf(first), List.copyOf(forms));
	}

	static List<String> versionsIn(AuditEntry entry) {
		try {
			List<String> versions = new ArrayList<>();
			JsonNode node = JSON.readTree(entry.data()).path("versions");
			node.forEach((version) -> versions.add(version.asText()));
			return versions;
		}
		catch (JsonProcessingException ex) {
			return List.of();
		}
	}

	static String sha256In(AuditEntry entry) {
		try {
			return JSON.readTree(entry.data()).path("sha256").asText("");
		}
		catch (JsonProcessingException ex) {
			return "";
		}
	}

	/**
	 * The first deployment of "id vN", or {@code null} when it predates the audit log.
	 */
	public Deployed of(String id, int version) {
		return this.firstDeployments.get(id + " v" + version);
	}

	record Deployed(Instant at, String by, String file) {

		private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
			.withZone(ZoneOffset.UTC);

		public String atText() {
			return UTC.format(this.at);
		}

	}

	record FormVersion(String formId, int version, Deployed deployed) {

		static FormVersion of(String idAndVersion, Deployed deployed) {
			int space = idAndVersion.lastIndexOf(" v");
			return new FormVersion(idAndVersion.substring(0, space),
					Integer.parseInt(idAndVersion.substring(space + 2)), deployed);
		}

	}

}
