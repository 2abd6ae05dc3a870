package fr.refactory.test;

import java.time.LocalDate;
import java.util.List;

import fr.refactory.system.habilitation.HabilitationCheck;
import fr.refactory.system.habilitation.HabilitationCheck.Answer;
import fr.refactory.system.habilitation.HabilitationTitle;
import io.camunda.client.CamundaClient;

/**
 * D5's check as the tests ask it: the deployed {@code hv-habilitation-check} evaluated
 * through a test's client title by title, so a test expecting who may do an HV operation
 * holds no copy of the rule.
 */
public final class HabilitationDecisions {

	private HabilitationDecisions() {
	}

	/**
	 * Whether D5 allows a holder of {@code titles} to do {@code operationType} on an HV
	 * vehicle on {@code on}.
	 */
	public static boolean allows(CamundaClient client, String operationType, LocalDate on,
			List<HabilitationTitle> titles) {
		return new HabilitationCheck((variables) -> {
			var response = client.newEvaluateDecisionCommand()
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
		}).judge(operationType, true, on, titles).allowed();
	}

}
