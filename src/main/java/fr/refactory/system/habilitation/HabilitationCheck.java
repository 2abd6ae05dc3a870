package fr.refactory.system.habilitation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * D5's claim check (decision {@value #CHECK_DECISION}) applied to each of a person's
 * titles: whether the person may do an operation on a date. The rule stays in
 * {@code decisions/}: the caller's engine client evaluates the deployed decision once per
 * title ({@link CheckDecision}), so a process owner's change of D5 is followed at once
 * and every answer leaves a decision instance. Shared by the console's claim guard and
 * the competency workers (ADR 0470).
 */
public final class HabilitationCheck {

	public static final String CHECK_DECISION = "hv-habilitation-check";

	public static final String REQUIRED_DECISION = "hv-habilitation-required";

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final List<String> REASONS_BY_RELEVANCE = List.of("REFRESHER_OVERDUE", "HABILITATION_EXPIRED",
			"HABILITATION_MISSING", "INCOMPLETE_DATA");

	private final CheckDecision decision;

	public HabilitationCheck(CheckDecision decision) {
		this.decision = decision;
	}

	/**
	 * The verdict for a person holding {@code titles}: the first title D5 allows, else
	 * the refusal that tells the person most (an overdue refresher before an expired
	 * title before a missing symbol).
	 * @param vehicleHasHvSystem a boolean, or {@code null} when unknown (D5 then answers
	 * INCOMPLETE_DATA)
	 */
	public Verdict judge(String operationType, Object vehicleHasHvSystem, LocalDate operationDate,
			List<HabilitationTitle> titles) {
		Map<String, Object> facts = new HashMap<>();
		facts.put("operationType", operationType);
		facts.put("vehicleHasHvSystem", vehicleHasHvSystem);
		facts.put("operationDate", operationDate == null ? null : operationDate.toString());
		List<Verdict> refusals = new ArrayList<>();
		for (HabilitationTitle title : titles.isEmpty() ? List.of(new HabilitationTitle(List.of(), null, null))
				: titles) {
			Verdict verdict = evaluate(facts, title);
			if (verdict.allowed()) {
				return verdict;
			}
			refusals.add(verdict);
		}
		return refusals.stream()
			.min(Comparator.comparingInt((Verdict refusal) -> relevance(refusal.refusalReason())))
			.orElseThrow();
	}

	private Verdict evaluate(Map<String, Object> facts, HabilitationTitle title) {
		Map<String, Object> variables = new HashMap<>(facts);
		variables.put("heldSymbols", title.symbols());
		variables.put("titleExpiryDate", title.expiresOn() == null ? null : title.expiresOn().toString());
		variables.put("lastRefresherDate", title.lastRefresherOn() == null ? null : title.lastRefresherOn().toString());
		Answer answer = this.decision.evaluate(variables);
		return new Verdict(answer.claimAllowed(), answer.requiredSymbol(), answer.refusalReason(), title);
	}

	private static int relevance(String reason) {
		int index = REASONS_BY_RELEVANCE.indexOf(reason);
		return index < 0 ? REASONS_BY_RELEVANCE.size() : index;
	}

	/**
	 * Evaluates {@value #CHECK_DECISION} with the given variables through the caller's
	 * engine client.
	 */
	@FunctionalInterface
	public interface CheckDecision {

		Answer evaluate(Map<String, Object> variables);

	}

	/** What the two D5 decisions answered for one title. */
	public record Answer(boolean claimAllowed, String requiredSymbol, String refusalReason) {

		/**
		 * @param checkOutput the JSON output of {@value #CHECK_DECISION}
		 * @param requiredOutput the JSON output of the required decision
		 * {@value #REQUIRED_DECISION}, if evaluated
		 */
		public static Answer of(String checkOutput, String requiredOutput) {
			JsonNode check = read(checkOutput);
			return new Answer(check.path("claimAllowed").asBoolean(false),
					read(requiredOutput).path("requiredSymbol").asText(null), check.path("refusalReason").asText(null));
		}

		private static JsonNode read(String json) {
			try {
				return json == null ? JSON.nullNode() : JSON.readTree(json);
			}
			catch (JsonProcessingException ex) {
				throw new IllegalStateException(
						"The habilitation decision answered something that is not JSON: " + json, ex);
			}
		}

	}

	/** D5's answer for one of the person's titles. */
	public record Verdict(boolean allowed, String requiredSymbol, String refusalReason, HabilitationTitle title) {
	}

}
