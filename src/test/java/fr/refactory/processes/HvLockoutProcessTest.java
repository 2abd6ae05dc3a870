package fr.refactory.processes;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import fr.refactory.plant.hrcomp.CompetencyRegister;
import fr.refactory.test.HabilitationDecisions;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.assertions.UserTaskSelectors;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static io.camunda.process.test.api.CamundaAssert.assertThatUserTask;

/**
 * hv-lockout (domain brief §3.8) path by path, with the application's own workers: the
 * lockout officer's habilitation comes from the simulated competency register, the
 * certificate from the simulated document store. Started on its own, as a caller would
 * call it: with the officer its designation task chose among the register's BCL holders
 * on shift (ADR 0403), or with none designated yet. The model's error end events are
 * uncaught here and so incidents (the callers catch them, see their own tests).
 */
class HvLockoutProcessTest extends ProcessTestSupport {

	private static final String PROCESS = "hv-lockout";

	private static final LocalDate OPERATION_DATE = LocalDate.of(2026, 6, 15);

	@Autowired
	private CompetencyRegister register;

	@Test
	void aHabilitatedOfficerLocksOutTheHvSystemAndGetsACertificate() {
		String officer = bclHolderOnShift();
		ProcessInstanceEvent instance = start(PROCESS, lockout("LOCK", officer));

		assertThat(instance)
			.hasCompletedElements("task-determine-required-habilitation", "task-check-officer-habilitation")
			.hasVariable("requiredSymbol", "BCL")
			.hasVariable("habilitationValid", true)
			.hasActiveElements("task-lock-out-hv-system");
		assertThatUserTask(UserTaskSelectors.byElementId("task-lock-out-hv-system", instance.getProcessInstanceKey()))
			.isCreated()
			.hasCandidateGroup("hv-lockout-officers")
			.hasAssignee(officer);

		this.processTestContext.completeUserTask(
				UserTaskSelectors.byElementId("task-lock-out-hv-system", instance.getProcessInstanceKey()),
				Map.of("lockoutCertificateNumber", "LOTO-" + instance.getProcessInstanceKey(), "voltageMeterId",
						"VAT-7", "absenceOfVoltageVerified", true));

		assertThat(instance).isCompleted()
			.hasCompletedElementsInOrder("start-lockout-requested", "gw-lockout-action",
					"task-determine-required-habilitation", "task-check-officer-habilitation", "gw-habilitation-valid",
					"task-lock-out-hv-system", "task-generate-lockout-certificate", "end-hv-system-locked-out")
			.hasNotActivatedElements("end-habilitation-missing", "task-unlock-and-re-energise")
			.hasVariableSatisfies("lockoutCertificateId", String.class,
					(id) -> org.assertj.core.api.Assertions.assertThat(id).isNotBlank());
	}

	@Test
	void withoutADesignatedOfficerNobodyMayLockOutAndTheErrorIsRaised() {
		ProcessInstanceEvent instance = start(PROCESS, lockout("LOCK", null));

		// uncaught here (no caller): the thrown HABILITATION_MISSING error becomes an
		// incident at the end event
		assertThat(instance).isActive()
			.hasVariable("habilitationValid", false)
			.hasVariable("requiredSymbol", "BCL")
			.hasActiveIncidents()
			.hasNotActivatedElements("task-lock-out-hv-system", "task-generate-lockout-certificate");
		assertThat(instance).hasCompletedElements("gw-habilitation-valid")
			.hasActiveElements("end-habilitation-missing");
	}

	@Test
	void unlockingAfterAPassedIsolationCheckIsRecordedOnTheCertificate() {
		ProcessInstanceEvent instance = start(PROCESS, lockout("UNLOCK", bclHolderOnShift()));

		assertThat(instance).hasActiveElements("task-unlock-and-re-energise")
			.hasNotActivatedElements("task-determine-required-habilitation");
		this.processTestContext.completeUserTask(
				UserTaskSelectors.byElementId("task-unlock-and-re-energise", instance.getProcessInstanceKey()),
				Map.of("isolationCheckOk", true, "isolationOhmPerV", 550));

		assertThat(instance).isCompleted()
			.hasCompletedElementsInOrder("gw-lockout-action", "task-unlock-and-re-energise", "gw-isolation-ok",
					"task-record-unlock", "end-hv-system-re-energised")
			.hasNotActivatedElements("end-isolation-check-failed")
			.hasVariableSatisfies("lockoutCertificateId", String.class,
					(id) -> org.assertj.core.api.Assertions.assertThat(id).isNotBlank());
	}

	@Test
	void aFailedIsolationCheckRaisesHvTestFailed() {
		ProcessInstanceEvent instance = start(PROCESS, lockout("UNLOCK", bclHolderOnShift()));

		this.processTestContext.completeUserTask(
				UserTaskSelectors.byElementId("task-unlock-and-re-energise", instance.getProcessInstanceKey()),
				Map.of("isolationCheckOk", false, "isolationOhmPerV", 50));

		assertThat(instance).isActive()
			.hasActiveIncidents()
			.hasCompletedElements("gw-isolation-ok")
			.hasActiveElements("end-isolation-check-failed")
			.hasNotActivatedElements("task-record-unlock", "end-hv-system-re-energised");
	}

	/**
	 * What the designation task's select offers first: a person on shift whom D5 allows
	 * to lock out on the date.
	 */
	private String bclHolderOnShift() {
		return this.register.peopleOnShift(OPERATION_DATE)
			.stream()
			.filter((person) -> HabilitationDecisions.allows(this.client, "LOCKOUT", OPERATION_DATE,
					this.register.habilitationsOf(person, OPERATION_DATE).asTitles()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("nobody with BCL on shift on " + OPERATION_DATE));
	}

	private static Map<String, Object> lockout(String action, String officer) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("lockoutAction", action);
		if (officer != null) {
			variables.put("lockoutOfficerId", officer);
		}
		variables.put("vehicleHasHvSystem", true);
		variables.put("operationDate", OPERATION_DATE.toString());
		variables.put("subjectKey", uniqueId("VF1HV"));
		variables.put("subjectType", "VEHICLE");
		return variables;
	}

}
