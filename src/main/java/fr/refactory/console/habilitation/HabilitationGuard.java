package fr.refactory.console.habilitation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.refactory.system.habilitation.HabilitationCheck;
import fr.refactory.system.habilitation.HabilitationCheck.Answer;
import fr.refactory.system.habilitation.HabilitationCheck.Verdict;
import fr.refactory.system.habilitation.HabilitationRegister;
import fr.refactory.system.habilitation.HabilitationTitle;
import fr.refactory.system.security.ConsoleClient;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.UserTask;

import org.springframework.stereotype.Component;

/**
 * The claim guard of domain brief §3.8 / §4 D5: a user task that declares an HV operation
 * (task header {@value #OPERATION_TYPE_HEADER}) may be claimed only by a user holding a
 * valid title with the symbol D5 requires. Both D5 tables are evaluated by the engine
 * through the console's client ({@link HabilitationCheck}), so the rules stay in
 * {@code decisions/} and every check leaves a decision instance an auditor can read
 * (docs/decisions/0400).
 */
@Component
public class HabilitationGuard {

	/**
	 * User-task header naming the D5 operation type (LOCKOUT, HV_WORK_EXECUTE,
	 * BATTERY_OPERATION, ...).
	 */
	public static final String OPERATION_TYPE_HEADER = "operationType";

	/**
	 * Process variable, or else task header, telling whether the vehicle or pack has an
	 * HV system.
	 */
	public static final String HV_SYSTEM = "vehicleHasHvSystem";

	private static final ZoneId PLANT_ZONE = ZoneId.of("Europe/Paris");

	private final CamundaClient client;

	private final HabilitationRegister register;

	private final Clock clock;

	private final HabilitationCheck check = new HabilitationCheck(this::evaluate);

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
		List<HabilitationTitle> titles = this.register.titlesOf(username);
		List<String> held = titles.stream().flatMap((title) -> title.symbols().stream()).distinct().toList();
		Verdict verdict = this.check.judge(operationType.get(), hvSystemOf(task, processVariables), today, titles);
		if (verdict.allowed()) {
			return new ClaimCheck(true, verdict.requiredSymbol(), null, null, held);
		}
		return new ClaimCheck(false, verdict.requiredSymbol(), verdict.refusalReason(),
				RefusalMessages.of(verdict, operationType.get(), held), held);
	}

	private Answer evaluate(Map<String, Object> variables) {
		var response = this.client.newEvaluateDecisionCommand()
			.decisionId(HabilitationCheck.CHECK_DECISION)
			.variables(variables)
			.send()
			.join();
		return Answer.of(response.getDecisionOutput(),
				response.getEvaluatedDecisions()
					.stream()
					.filter((decision) -> HabilitationCheck.REQUIRED_DECISION.equals(decision.getDecisionId()))
					.map((decision) -> decision.getDecisionOutput())
					.findFirst()
					.orElse(null));
	}

	private static Object hvSystemOf(UserTask task, Map<String, Object> processVariables) {
		Object variable = processVariables.get(HV_SYSTEM);
		if (variable != null) {
			return variable;
		}
		String header = task.getCustomHeaders() == null ? null : task.getCustomHeaders().get(HV_SYSTEM);
		return header == null ? null : Boolean.valueOf(header);
	}

}
