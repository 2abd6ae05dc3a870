package fr.refactory.processes;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.assertions.UserTaskSelectors;
import org.junit.jupiter.api.Test;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static io.camunda.process.test.api.CamundaAssert.assertThatUserTask;

/**
 * hv-lockout (domain brief §3.8) path by path, with the application's own workers: the lockout officer's
 * habilitation comes from the simulated competency register (officers picked by {@link PlantInputs}), the
 * certificate from the simulated document store. Started on its own, the model's
 * error end events are uncaught and so incidents (the callers catch them, see their own tests).
 */
class HvLockoutProcessTest extends ProcessTestSupport {

	private static final String PROCESS = "hv-lockout";

	private static final LocalDate OPERATION_DATE = LocalDate.of(2026, 6, 15);

	/** Holds a valid BCL (lockout, NF C18-550) on the operation date in the simulated competency register. */
	private static final String BCL_OFFICER = PlantInputs.person("officer", OPERATION_DATE, PlantInputs.holding("BCL"));

	/** Holds titles, but no valid BCL, on the operation date. */
	private static final String NO_BCL_OFFICER = PlantInputs.person("officer", OPERATION_DATE,
			PlantInputs.notHolding("BCL").and((titles) -> !titles.validSymbols().isEmpty()));

	@Test
	void aHabilitatedOfficerLocksOutTheHvSystemAndGetsACertificate() {
		ProcessInstanceEvent instance = start(PROCESS, lockout("LOCK", BCL_OFFICER));

		assertThat(instance).hasCompletedElements("task-determine-required-habilitation",
				"task-check-officer-habilitation")
			.hasVariable("requiredSymbol", "BCL")
			.hasVariable("habilitationValid", true)
			.hasActiveElements("task-lock-out-hv-system");
		assertThatUserTask(UserTaskSelectors.byElementId("task-lock-out-hv-system", instance.getProcessInstanceKey()))
			.isCreated()
			.hasCandidateGroup("hv-lockout-officers");

		this.processTestContext.completeUserTask(
				UserTaskSelectors.byElementId("task-lock-out-hv-system", instance.getProcessInstanceKey()),
				Map.of("lockoutCertificateNumber", "LOTO-" + instance.getProcessInstanceKey(), "vatMeterId", "VAT-7",
						"absenceOfVoltageVerified", true));

		assertThat(instance).isCompleted()
			.hasCompletedElementsInOrder("start-lockout-requested", "gw-lockout-action",
					"task-determine-required-habilitation", "task-check-officer-habilitation", "gw-habilitation-valid",
					"task-lock-out-hv-system", "task-generate-lockout-certificate", "end-hv-system-locked-out")
			.hasNotActivatedElements("end-habilitation-missing", "task-unlock-and-re-energise")
			.hasVariableSatisfies("lockoutCertificateId", String.class,
					(id) -> org.assertj.core.api.Assertions.assertThat(id).isNotBlank());
	}

	@Test
	void anOfficerWithoutBclMayNotLockOutAndTheErrorIsRaised() {
		ProcessInstanceEvent instance = start(PROCESS, lockout("LOCK", NO_BCL_OFFICER));

		// uncaught here (no caller): the thrown HABILITATION_MISSING error becomes an incident at the end event
		assertThat(instance).isActive()
			.hasVariable("habilitationValid", false)
			.hasVariable("requiredSymbol", "BCL")
			.hasActiveIncidents()
			.hasNotActivatedElements("task-lock-out-hv-system", "task-generate-lockout-certificate");
		assertThat(instance).hasCompletedElements("gw-habilitation-valid").hasActiveElements("end-habilitation-missing");
	}

	@Test
	void unlockingAfterAPassedIsolationCheckIsRecordedOnTheCertificate() {
		ProcessInstanceEvent instance = start(PROCESS, lockout("UNLOCK", BCL_OFFICER));

		assertThat(instance).hasActiveElements("task-unlock-and-re-energise")
			.hasNotActivatedElements("task-determine-required-habilitation");
		this.processTestContext.completeUserTask(
				UserTaskSelectors.byElementId("task-unlock-and-re-energise", instance.getProcessInstanceKey()),
				Map.of("isolationCheckOk", true, "isolationResistanceMOhm", 550));

		assertThat(instance).isCompleted()
			.hasCompletedElementsInOrder("gw-lockout-action", "task-unlock-and-re-energise", "gw-isolation-ok",
					"task-record-unlock", "end-hv-system-re-energised")
			.hasNotActivatedElements("end-isolation-check-failed")
			.hasVariableSatisfies("lockoutCertificateId", String.class,
					(id) -> org.assertj.core.api.Assertions.assertThat(id).isNotBlank());
	}

	@Test
	void aFailedIsolationCheckRaisesHvTestFailed() {
		ProcessInstanceEvent instance = start(PROCESS, lockout("UNLOCK", BCL_OFFICER));

		this.processTestContext.completeUserTask(
				UserTaskSelectors.byElementId("task-unlock-and-re-energise", instance.getProcessInstanceKey()),
				Map.of("isolationCheckOk", false, "isolationResistanceMOhm", 0.2));

		assertThat(instance).isActive()
			.hasActiveIncidents()
			.hasCompletedElements("gw-isolation-ok")
			.hasActiveElements("end-isolation-check-failed")
			.hasNotActivatedElements("task-record-unlock", "end-hv-system-re-energised");
	}

	private static Map<String, Object> lockout(String action, String officer) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("lockoutAction", action);
		variables.put("lockoutOfficerId", officer);
		variables.put("vehicleHasHvSystem", true);
		variables.put("operationDate", OPERATION_DATE.toString());
		variables.put("subjectKey", uniqueId("VF1HV"));
		variables.put("subjectType", "VEHICLE");
		return variables;
	}

}
