package fr.refactory.journeys;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import fr.refactory.plant.btb.BmsReading;
import fr.refactory.plant.btb.SimulatedBatteryTestBench;
import fr.refactory.plant.simulation.Simulation;
import fr.refactory.workers.vin.VinCheck;
import io.camunda.client.CamundaClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An end-of-life Zoe bought by the ERP (message {@code ElvAcquired}, domain brief §3.7
 * trigger) and the dismantling steps people do up to the removal of its traction battery:
 * the destruction documents, the choice of the lockout officer among the BCL holders on
 * shift, the lockout, the battery removal. Shared by the dismantling and hv-lockout
 * journeys, whose arrival this is.
 */
final class EndOfLifeEv {

	/**
	 * The habilitated officer chosen in the console (BCL, application.yml); the trainee
	 * holds only B0L.
	 */
	static final String OFFICER = "lockout-officer";

	static final String TRAINEE = "lockout-trainee";

	private static final SimulatedBatteryTestBench BENCH = new SimulatedBatteryTestBench(Simulation.immediate("btb"));

	final String vin = zoeVin();

	final String batteryId;

	private EndOfLifeEv(String batteryId) {
		this.batteryId = batteryId;
	}

	/**
	 * A Zoe whose traction pack, once on the battery bench, reads as the predicate wants:
	 * the label the dismantling operator scans is the pack's id, and the simulated bench
	 * answers deterministically from it.
	 */
	static EndOfLifeEv withPack(Predicate<BmsReading> reading) {
		for (int i = 0; i < 10_000; i++) {
			String id = "BAT-ZOE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
			if (reading.test(BENCH.readBms(id, "BTB-1"))) {
				return new EndOfLifeEv(id);
			}
		}
		throw new IllegalStateException("No pack with the wanted BMS reading");
	}

	/**
	 * The ERP's end-of-life vehicle purchase, as the plant publishes it
	 * (VariableSources.PLANT_MESSAGES).
	 */
	void acquiredByTheErp(CamundaClient client) {
		client.newPublishMessageCommand()
			.messageName("ElvAcquired")
			.correlationKey(this.vin)
			.variables(Map.of("vin", this.vin, "powertrain", "BEV", "modelFamily", "ZOE", "holderName",
					"Garage du Parc, Mantes"))
			.send()
			.join();
	}

	/**
	 * 7.1: the registration crossed and signed, cerfa 15776, a CSA of three days ago, the
	 * holder identified.
	 */
	void documentsChecked(Operator people) {
		people.as("dismantling-admin")
			.task(this.vin, "Check destruction documents")
			.set("registrationCrossedSigned", "true")
			.set("cerfa15776Ref", "CERFA-15776-" + this.vin.substring(11))
			.set("csaDate", today().minusDays(3).toString())
			.set("holderIdentityChecked", "true")
			.set("documentsCheckComment", "Registration crossed 'vendu pour destruction', signed by the holder")
			.complete("destruction-documents");
	}

	/**
	 * L.1 resolution: the caller's manager (dismantling: hse-officers, battery triage:
	 * battery-engineers) chooses the lockout officer among the people the competency
	 * register proposes (the BCL holders on shift); the trainee (B0L only) is not among
	 * them.
	 */
	List<String> officerChosen(Operator people, String manager, String subject) {
		TaskForm assignment = people.as(manager).task(subject, "Assign habilitated lockout officer");
		List<String> proposed = assignment.options("lockoutOfficerId");
		assertThat(proposed).as("BCL holders on shift").contains(OFFICER).doesNotContain(TRAINEE);
		assignment.set("lockoutOfficerId", OFFICER)
			.set("habilitationComment", "Laure holds BCL and is on shift today")
			.complete("lockout-officer-assignment");
		return proposed;
	}

	/** L.2: the officer's lockout checklist (NF C18-550, [R81]). */
	void lockedOut(Operator people, String subject) {
		SafetyChecklists
			.lockedOut(people.as(OFFICER).task(subject, "Lock out HV system"), "VAT-7", lockoutNumber(subject))
			.complete("lockout-checklist");
	}

	/** 7.4: the pack is lifted out; its id is read from its label. */
	void batteryRemoved(Operator people) {
		people.as("dismantling-operator")
			.task(this.vin, "Remove traction battery")
			.set("batteryId", this.batteryId)
			.set("batteryMassKg", "305")
			.set("visibleDamage", "false")
			.complete("battery-removal");
	}

	static String lockoutNumber(String subject) {
		return "LOTO-" + subject.substring(subject.length() - 6);
	}

	static LocalDate today() {
		return LocalDate.now(ZoneId.of("Europe/Paris"));
	}

	/**
	 * A fresh Renault Zoe VIN (VF1AG...) with the right check digit and a serial the
	 * plant treats normally.
	 */
	private static String zoeVin() {
		StringBuilder vin = new StringBuilder("VF1AG000");
		while (vin.length() < 17) {
			vin.append(ThreadLocalRandom.current().nextInt(1, 10));
		}
		vin.setCharAt(8, VinCheck.of(vin.toString()).expectedCheckDigit());
		return vin.toString();
	}

}
