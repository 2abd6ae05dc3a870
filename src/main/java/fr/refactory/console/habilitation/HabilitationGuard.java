package fr.refactory.console.habilitation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.system.habilitation.HabilitationRegister;
import fr.refactory.system.habilitation.HabilitationTitle;
import fr.refactory.system.security.ConsoleClient;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.UserTask;

import org.springframework.stereotype.Component;

/**
 * The claim guard of domain brief §3.8 / §4 D5: a user task that declares an HV operation (task header
 * {@value #OPERATION_TYPE_HEADER}) may be claimed only by a user holding a valid title with the symbol D5 requires.
 * Both D5 tables are evaluated by the engine through the client, so the rules stay in {@code decisions/} and every
 * check leaves a decision instance an auditor can read (docs/decisions/0400).
 */
@Component
public class HabilitationGuard {

	/** User-task header naming the D5 operation type (LOCKOUT, HV_WORK_EXECUTE, BATTERY_OPERATION, ...). */
	public static final String OPERATION_TYPE_HEADER = "operationType";

	/** Process variable, or else task header, telling whether the vehicle or pack has an HV system. */
	public static final String HV_SYSTEM = "vehicleHasHvSystem";

	static final String CHECK_DECISION = "hv-habilitation-check";

	static final String REQUIRED_DECISION = "hv-habilitation-required";

	private static final ZoneId PLANT_ZONE = ZoneId.of("Europe/Paris");

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final List<String> REASONS_BY_RELEVANCE = List.of("REFRESHER_OVERDUE", "HABILITATION_EXPIRED",
			"HABILITATION_MISSING", "INCOMPLETE_DATA");

	private final CamundaClient client;

	private final HabilitationRegister register;

	private final Clock clock;

	HabilitationGuard(@ConsoleClient CamundaClient client, HabilitationRegister register, Clock clock) {
		this.client = client;
		this.register = register;
		this.clock = clock;
	}

	/** The operation type the task declares, if any. */
	public static Optional<String> operationTypeOf(UserTask task) {
		Map<String, String> headers = task.getCustomHeaders();
		return Optional.ofNullable(headers == null ? null : headers.get(OPERATION_TYPE_HEADER))
			.filter((type) -> !type.isBlank());
	}

	public ClaimCheck check(UserTask task, Map<String, Object> processVariables, String username) {
		Optional<String> operationType = operationTypeOf(task);
		if (operationType.isEmpty()) {
			return ClaimCheck.notRequired();
		}
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), PLANT_ZONE);
		Map<String, Object> facts = new HashMap<>();
		facts.put(OPERATION_TYPE_HEADER, operationType.get());
		facts.put(HV_SYSTEM, hvSystemOf(task, processVariables));
		facts.put("operationDate", today.toString());
		List<HabilitationTitle> titles = this.register.titlesOf(username);
		List<String> held = titles.stream().flatMap((title) -> title.symbols().stream()).distinct().toList();
		List<Verdict> verdicts = (titles.isEmpty() ? List.of(new HabilitationTitle(List.of(), null, null)) : titles)
			.stream()
			.map((title) -> evaluate(facts, title))
			.toList();
		Optional<Verdict> allowing = verdicts.stream().filter(Verdict::allowed).findFirst();
		if (allowing.isPresent()) {
			return new ClaimCheck(true, allowing.get().requiredSymbol(), null, null, held);
		}
		Verdict refusal = verdicts.stream()
			.min(Comparator.comparingInt((Verdict verdict) -> relevance(verdict.refusalReason())))
			.orElseThrow();
		return new ClaimCheck(false, refusal.requiredSymbol(), refusal.refusalReason(),
				RefusalMessages.of(refusal, operationType.get(), held), held);
	}

	private Verdict evaluate(Map<String, Object> facts, HabilitationTitle title) {
		Map<String, Object> variables = new HashMap<>(facts);
		variables.put("heldSymbols", title.symbols());
		variables.put("titleExpiryDate", title.expiresOn() == null ? null : title.expiresOn().toString());
		variables.put("lastRefresherDate", title.lastRefresherOn() == null ? null : title.lastRefresherOn().toString());
		var response = this.client.newEvaluateDecisionCommand()
			.decisionId(CHECK_DECISION)
			.variables(variables)
			.send()
			.join();
		JsonNode output = read(response.getDecisionOutput());
		String requiredSymbol = response.getEvaluatedDecisions()
			.stream()
			.filter((decision) -> REQUIRED_DECISION.equals(decision.getDecisionId()))
			.map((decision) -> read(decision.getDecisionOutput()).path("requiredSymbol").asText(null))
			.findFirst()
			.orElse(null);
		return new Verdict(output.path("claimAllowed").asBoolean(false), requiredSymbol,
				output.path("refusalReason").asText(null), title);
	}

	private static Object hvSystemOf(UserTask task, Map<String, Object> processVariables) {
		Object variable = processVariables.get(HV_SYSTEM);
		if (variable != null) {
			return variable;
		}
		String header = task.getCustomHeaders() == null ? null : task.getCustomHeaders().get(HV_SYSTEM);
		return header == null ? null : Boolean.valueOf(header);
	}

	private static int relevance(String reason) {
		int index = REASONS_BY_RELEVANCE.indexOf(reason);
		return index < 0 ? REASONS_BY_RELEVANCE.size() : index;
	}

	private static JsonNode read(String json) {
		try {
			return json == null ? JSON.nullNode() : JSON.readTree(json);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("The habilitation decision answered something that is not JSON: " + json,
					ex);
		}
	}

	/** The D5 check's answer for one of the user's titles. */
	record Verdict(boolean allowed, String requiredSymbol, String refusalReason, HabilitationTitle title) {
	}

}
