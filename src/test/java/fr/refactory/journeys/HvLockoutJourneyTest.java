package fr.refactory.journeys;

import java.time.Duration;
import java.util.List;

import fr.refactory.records.AuditEntry;
import fr.refactory.records.AuditLog;
import io.camunda.client.api.search.enums.ElementInstanceState;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journey of hv-lockout (domain brief §3.8, AS-41 like, AS-69): the lockout sub-process
 * as its callers run it, from their arrival: the ERP buys an end-of-life Zoe
 * (dismantling), whose pack is locked out before removal; the removed pack goes to
 * battery triage, where its module repair is locked out and then unlocked and
 * re-energised after an isolation check. Each time the officer is chosen in the console
 * among the BCL holders on shift, and a member of the lockout group holding only B0L is
 * refused the claim.
 */
class HvLockoutJourneyTest extends JourneyTest {

	@Autowired
	private AuditLog auditLog;

	@Test
	void aChosenBclHolderLocksOutTheZoeAndItsPackAndReEnergisesThePackWhileATraineeIsRefused() {
		// D7 rule 7: a reuse-grade pack whose cells spread over 50 mV, repairable, no
		// fault: rebalanced by module work
		EndOfLifeEv zoe = EndOfLifeEv.withPack((bms) -> bms.sohPct() >= 75 && bms.cellMaxMv() - bms.cellMinMv() > 50
				&& bms.moduleRepairable() && bms.faultHistory().isEmpty());
		try (Operator people = operators("hv-lockout")) {
			zoe.acquiredByTheErp(this.client);
			long dismantling = instanceOf("dismantling", "vin", zoe.vin);
			zoe.documentsChecked(people);

			zoe.officerChosen(people, "hse-officer", zoe.vin);
			zoe.lockedOut(people, zoe.vin);
			long vehicleLockout = endedChild(dismantling, "end-hv-system-locked-out");
			zoe.batteryRemoved(people);

			long triage = instanceOf("battery-triage", "batteryId", zoe.batteryId);
			triagedNormal(people, zoe.batteryId);
			zoe.officerChosen(people, "battery-engineer", zoe.batteryId);
			zoe.lockedOut(people, zoe.batteryId);
			long packLockout = endedChild(triage, "end-hv-system-locked-out");
			modulesReplaced(people, zoe.batteryId);

			String refusal = claimRefused(people, EndOfLifeEv.TRAINEE, zoe.batteryId, "Unlock and re-energise");
			assertThat(refusal).contains("requires the HV habilitation BCL; you hold B0L.");
			unlockedAfterIsolationCheck(people, zoe.batteryId);
			long unlock = endedChild(triage, "end-hv-system-re-energised");
			awaitEnded(vehicleLockout, "end-hv-system-locked-out");
			awaitEnded(packLockout, "end-hv-system-locked-out");
			awaitEnded(unlock, "end-hv-system-re-energised");

			String auditorSees = people.as("auditor").lastPage("/audit/instances/" + unlock);
			assertThat(auditorSees).contains("COMPLETED", "Unlock and re-energise",
					"Record unlock on lockout certificate", "HV system re-energised");

			for (long lockout : List.of(vehicleLockout, packLockout)) {
				assertThat(assigneeOf(lockout, "task-lock-out-hv-system")).isEqualTo(EndOfLifeEv.OFFICER);
				assertThat(variableOrNull(lockout, "lockoutCertificateId")).isNotBlank();
				assertThat(variableOrNull(lockout, "habilitationValid")).isEqualTo("true");
			}
			assertThat(assigneeOf(unlock, "task-unlock-and-re-energise")).isEqualTo(EndOfLifeEv.OFFICER);
			assertThat(variableOrNull(unlock, "lockoutCertificateId")).isNotBlank();
			theAuditLogShowsWhoDidWhat(zoe);
		}
	}

	/** 6.1: nothing wrong with the pack (D6: NORMAL); the BMS talks. */
	private void triagedNormal(Operator people, String batteryId) {
		SafetyChecklists.soundPack(people.as("battery-operator").task(batteryId, "Triage battery safety"), "21", "20")
			.set("batteryIdScanned", batteryId)
			.set("crashHistory", "false")
			.set("triagePhotosRef", "PHOTOS-" + batteryId)
			.complete("battery-triage");
	}

	/** 6.7a: the pack's modules are rebalanced under lockout. */
	private void modulesReplaced(Operator people, String batteryId) {
		people.as("battery-operator")
			.task(batteryId, "Replace faulty modules")
			.set("removedModuleSerials", "none (cells rebalanced)")
			.set("newModuleSerials", "none")
			.set("balancingDone", "true")
			.complete("module-work");
	}

	/** L.5: tools out, covers and plug back, isolation measured at 550 ohm/V. */
	private void unlockedAfterIsolationCheck(Operator people, String batteryId) {
		people.as(EndOfLifeEv.OFFICER)
			.task(batteryId, "Unlock and re-energise")
			.set("toolsRemoved", "true")
			.set("coversRefitted", "true")
			.set("servicePlugRefitted", "true")
			.set("isolationCheckOk", "true")
			.set("isolationOhmPerV", "550")
			.complete("unlock-and-re-energise");
	}

	/**
	 * The user finds the task in the list, opens it and presses Claim; the console's D5
	 * guard answers on the page.
	 */
	private String claimRefused(Operator people, String user, String subject, String taskName) {
		people.as(user);
		Awaitility.await(taskName + " in " + user + "'s list")
			.atMost(Duration.ofSeconds(120))
			.pollDelay(Duration.ZERO)
			.pollInterval(Operator.LOOK_AGAIN)
			.until(() -> people.sees(subject, taskName));
		people.browser().click(By.linkText(taskName));
		people.browser().click(By.id("claim"));
		String problem = people.browser().waitFor(By.id("problem")).getText();
		people.screenshot("claim-refused-" + user);
		assertThat(people.browser().driver().findElements(By.id("complete"))).as("no form to fill in").isEmpty();
		assertThat(people.browser().driver().findElements(By.id("claim"))).as("still unclaimed").isNotEmpty();
		return problem;
	}

	/**
	 * Q3: the refused claim, the officers proposed, and the lockout certificates
	 * generated for the vehicle and pack.
	 */
	private void theAuditLogShowsWhoDidWhat(EndOfLifeEv zoe) {
		List<AuditEntry> pack = this.auditLog.about(zoe.batteryId);
		assertThat(pack).filteredOn((entry) -> "TASK_CLAIM_REFUSED".equals(entry.action()))
			.singleElement()
			.satisfies((refused) -> {
				assertThat(refused.actor()).isEqualTo(EndOfLifeEv.TRAINEE);
				assertThat(refused.data()).contains("BCL");
			});
		assertThat(pack)
			.filteredOn((entry) -> "TASK_CLAIMED".equals(entry.action()) && EndOfLifeEv.OFFICER.equals(entry.actor()))
			.isNotEmpty();
		assertThat(pack).filteredOn(
				(entry) -> "DOCUMENT_GENERATED".equals(entry.action()) && entry.data().contains("LOCKOUT_CERTIFICATE"))
			.hasSize(2);
		assertThat(this.auditLog.about(zoe.vin)).filteredOn(
				(entry) -> "DOCUMENT_GENERATED".equals(entry.action()) && entry.data().contains("LOCKOUT_CERTIFICATE"))
			.hasSize(1);
		assertThat(this.auditLog.about(zoe.vin)).extracting(AuditEntry::action).contains("LOCKOUT_OFFICERS_PROPOSED");
		assertThat(pack).extracting(AuditEntry::action).contains("LOCKOUT_OFFICERS_PROPOSED");
	}

	/**
	 * The hv-lockout instance the caller started that ended at this end event, waiting
	 * for it.
	 */
	private long endedChild(long caller, String endEventId) {
		return Awaitility.await("an hv-lockout of " + caller + " ended at " + endEventId)
			.atMost(Duration.ofSeconds(60))
			.until(() -> this.client.newProcessInstanceSearchRequest()
				.filter((f) -> f.parentProcessInstanceKey(caller).processDefinitionId("hv-lockout"))
				.send()
				.join()
				.items()
				.stream()
				.map((instance) -> instance.getProcessInstanceKey())
				.filter((key) -> !this.client.newElementInstanceSearchRequest()
					.filter((
							f) -> f.processInstanceKey(key).elementId(endEventId).state(ElementInstanceState.COMPLETED))
					.send()
					.join()
					.items()
					.isEmpty())
				.toList(), (found) -> !found.isEmpty())
			.get(0);
	}

	private String assigneeOf(long instance, String elementId) {
		return this.client.newUserTaskSearchRequest()
			.filter((f) -> f.processInstanceKey(instance).elementId(elementId))
			.send()
			.join()
			.items()
			.get(0)
			.getAssignee();
	}

}
