package fr.refactory.processes;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import fr.refactory.records.InstallerAuthorisations;
import fr.refactory.records.PlantCalendars;
import fr.refactory.records.RegulatoryParameters;
import io.camunda.process.test.api.assertions.ProcessInstanceAssert;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import io.camunda.process.test.api.assertions.UserTaskSelectors;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.camunda.process.test.api.CamundaAssert.assertThatProcessInstance;
import static io.camunda.process.test.api.CamundaAssert.assertThatUserTask;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * T9 (issue 22, ADR 0920): an installer authorisation recorded through the retrofit
 * managers' start form (message {@code InstallerAuthorisationRecorded}) warns the
 * retrofit managers the master data's lead time before it expires and tells the plant
 * managers when it expired unrenewed; a renewal recorded in time restarts the wait. The
 * engine clock is moved as CPT moves it.
 */
class InstallerAuthorisationProcessTest extends ProcessTestSupport {

	private static final String PROCESS = "installer-authorisation";

	private static final String WARNING_DAYS = "INSTALLER_AUTHORISATION_WARNING_DAYS";

	@Autowired
	private RegulatoryParameters parameters;

	@Autowired
	private PlantCalendars calendars;

	@Autowired
	private InstallerAuthorisations authorisations;

	@Test
	void retrofitManagersAreWarnedTheLeadTimeBeforeExpiryAndPlantManagersToldAtExpiry() {
		String installer = uniqueId("INST").toUpperCase();
		LocalDate validTo = today().plusDays(90);
		long key = record(installer, validTo);
		int leadDays = this.parameters.value(WARNING_DAYS).intValueExact();

		instance(key).hasActiveElements("timer-t9-authorisation-warning")
			.hasVariableSatisfies("authorisationWarningAt", String.class,
					(at) -> assertThat(OffsetDateTime.parse(at).atZoneSameInstant(this.calendars.zone()).toLocalDate())
						.isEqualTo(validTo.minusDays(leadDays)));
		this.processTestContext.increaseTime(Duration.ofDays(90 - leadDays - 1));
		instance(key).hasActiveElements("timer-t9-authorisation-warning")
			.hasNotActivatedElements("task-renew-installer-authorisation");

		this.processTestContext.increaseTime(Duration.ofDays(2));
		assertThatUserTask(UserTaskSelectors.byElementId("task-renew-installer-authorisation", key)).isCreated()
			.hasCandidateGroup("retrofit-managers");
		complete(key, "task-renew-installer-authorisation",
				Map.of("renewalRequestedOn", today().toString(), "renewalRequestReference", "TOLV-CASE-12"));
		instance(key).hasActiveElements("timer-t9-authorisation-expired")
			.hasNotActivatedElements("task-handle-expired-authorisation");

		this.processTestContext.increaseTime(Duration.ofDays(leadDays));
		assertThatUserTask(UserTaskSelectors.byElementId("task-handle-expired-authorisation", key)).isCreated()
			.hasCandidateGroup("plant-managers");
		complete(key, "task-handle-expired-authorisation", Map.of("expiredAuthorisationAction", "CONVERSIONS_SUSPENDED",
				"expiredAuthorisationComment", "No renewal letter yet"));
		instance(key).isCompleted().hasCompletedElements("end-expiry-handled", "end-authorisation-lapsed");
		assertThat(this.authorisations.of(installer)).singleElement()
			.satisfies((recorded) -> assertThat(recorded.validTo()).isEqualTo(validTo));
	}

	@Test
	void aRenewalRecordedBeforeTheWarningRestartsTheWaitWithTheNewExpiry() {
		String installer = uniqueId("INST").toUpperCase();
		LocalDate firstTo = today().plusDays(90);
		long key = record(installer, firstTo);
		instance(key).hasActiveElements("timer-t9-authorisation-warning");

		LocalDate renewedTo = today().plusYears(2);
		long renewed = record(installer, renewedTo);

		assertThat(renewed).as("the renewal reaches the waiting instance, it starts no second one").isEqualTo(key);
		this.processTestContext.increaseTime(Duration.ofDays(92));
		instance(key).isActive()
			.hasActiveElements("timer-t9-authorisation-warning")
			.hasNotActivatedElements("task-renew-installer-authorisation")
			.hasVariable("validTo", renewedTo.toString());
		assertThat(this.authorisations.of(installer)).extracting(InstallerAuthorisations.Recorded::validTo)
			.containsExactly(renewedTo, firstTo);
		track(key);
	}

	/** What the start form publishes when a retrofit manager records the letter. */
	private long record(String installer, LocalDate validTo) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("installerOrg", installer);
		form.put("installerName", "Atelier " + installer);
		form.put("kitManufacturer", "TOLV");
		form.put("authorisationNumber", "AUT-" + installer + "-" + validTo.getYear());
		form.put("validFrom", validTo.minusYears(2).plusDays(1).toString());
		form.put("validTo", validTo.toString());
		long key = this.client.newCorrelateMessageCommand()
			.messageName("InstallerAuthorisationRecorded")
			.correlationKey(installer)
			.variables(form)
			.send()
			.join()
			.getProcessInstanceKey();
		track(key);
		return key;
	}

	private LocalDate today() {
		return this.processTestContext.getCurrentTime().atZone(this.calendars.zone()).toLocalDate();
	}

	private static ProcessInstanceAssert instance(long key) {
		return assertThatProcessInstance(ProcessInstanceSelectors.byKey(key));
	}

}
