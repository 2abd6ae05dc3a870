package fr.refactory.processes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;

/**
 * Locates the production models in {@code processes/} and the facts of the domain brief
 * they are checked against.
 */
final class ProcessModels {

	static final Path PROCESSES = Path.of("processes");

	static final Path FORMS = PROCESSES.resolve("forms");

	/** The eight processes of issue 6 (domain brief §3.1–§3.8). */
	static final List<String> EXPECTED_PROCESS_IDS = List.of("vehicle-intake", "diagnosis", "lcv-retrofit",
			"remanufacture", "quality-gate", "battery-triage", "dismantling", "hv-lockout",
			// issue 21: the escalation ladder the SLA timers call (ADR 0712)
			"escalation-ladder",
			// issue 22: the installer authorisation expiry warning T9 (ADR 0920)
			"installer-authorisation");

	/** Decision ids of the domain brief §4 (D1–D12, D4b, D8b). */
	static final Set<String> DECISION_IDS = Set.of("vin-validation", "intake-route", "economic-decision",
			"retrofit-eligibility", "retrofit-conformity", "hv-habilitation-required", "battery-safety-class",
			"battery-disposition", "core-acceptance", "core-credit-timeliness", "reman-component-disposition",
			"harvested-part-disposition", "quality-verdict", "required-checks",
			// issue 21: the escalation ladders (ADR 0712)
			"escalation-ladder");

	/** Candidate groups of the domain brief §6.1. */
	static final Set<String> CANDIDATE_GROUPS = Set.of("intake-operators", "intake-supervisors",
			"diagnostic-technicians", "diagnostic-leads", "mechanics", "bodywork-technicians", "paint-technicians",
			"bodywork-leads", "retrofit-engineers", "retrofit-technicians", "retrofit-work-leads",
			"hv-lockout-officers", "retrofit-managers", "registration-clerks", "supply-planners", "logistics-receivers",
			"core-inspectors", "reman-operators", "reman-inspectors", "battery-operators", "battery-technicians",
			"battery-engineers", "dismantling-admin", "dismantling-operators", "parts-testers", "quality-inspectors",
			"quality-supervisors", "quality-engineers", "customer-service", "hse-officers", "process-owners",
			"auditors",
			// levels of the escalation ladders (issue 21, ADR 0712)
			"shift-leaders", "plant-managers");

	/**
	 * BPMN error codes of the domain brief §3.10, plus the ones recorded in
	 * docs/decisions/0304.
	 */
	static final Set<String> ERROR_CODES = Set.of("VIN_INVALID", "HV_TEST_FAILED", "KIT_DAMAGED", "BENCH_UNAVAILABLE",
			"HABILITATION_MISSING", "MASTER_DATA_NOT_FOUND");

	/**
	 * Message names of the domain brief §3.10 (plus RecyclerPickupConfirmed from §3.6
	 * "Waits").
	 */
	static final Set<String> MESSAGE_NAMES = Set.of("VehicleArrivalAnnounced", "VehicleAtGate", "DocumentsReceived",
			"ExpertReportReceived", "ExpertConformityReport", "PartsAvailable", "KitDelivered", "RegistrationUpdated",
			"CoreAnnounced", "CoreReceived", "RemanOrderReleased", "BatteryReceived", "CapacityTestDone", "ElvAcquired",
			"RecyclerPickupConfirmed",
			// issue 22, ADR 0920: T9 (start form or HR-COMP)
			"InstallerAuthorisationRecorded");

	/**
	 * Business key each message is correlated on (domain brief §3.10; ADR 0301 for the
	 * composite keys).
	 */
	static final java.util.Map<String, String> CORRELATION_VARIABLES = java.util.Map.ofEntries(
			java.util.Map.entry("VehicleArrivalAnnounced", "vin"), java.util.Map.entry("VehicleAtGate", "vin"),
			java.util.Map.entry("DocumentsReceived", "vin"), java.util.Map.entry("ExpertReportReceived", "vin"),
			java.util.Map.entry("ExpertConformityReport", "vin"), java.util.Map.entry("PartsAvailable", "workOrderId"),
			java.util.Map.entry("KitDelivered", "purchaseOrderNumber"),
			java.util.Map.entry("RegistrationUpdated", "vin"), java.util.Map.entry("CoreAnnounced", "coreSerial"),
			java.util.Map.entry("CoreReceived", "coreSerial"), java.util.Map.entry("RemanOrderReleased", "coreSerial"),
			java.util.Map.entry("BatteryReceived", "batteryId"), java.util.Map.entry("CapacityTestDone", "batteryId"),
			java.util.Map.entry("ElvAcquired", "vin"), java.util.Map.entry("RecyclerPickupConfirmed", "shipmentId"),
			java.util.Map.entry("InstallerAuthorisationRecorded", "installerOrg"));

	/** Domain brief §4 D5: input operationType of hv-habilitation-required. */
	static final Set<String> HV_OPERATION_TYPES = Set.of("NON_ELECTRICAL_NEAR_HV", "LOCKOUT", "HV_WORK_EXECUTE",
			"HV_WORK_LEAD", "HV_INTERVENTION", "BATTERY_OPERATION", "DECONSTRUCTION", "NONE_HV");

	static final Set<String> SIGNAL_NAMES = Set.of("QualityHold", "BatteryThermalAlarm");

	private ProcessModels() {
	}

	static Stream<Path> bpmnFiles() {
		try (Stream<Path> files = Files.list(PROCESSES)) {
			return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList().stream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Stream<Path> formFiles() {
		try (Stream<Path> files = Files.list(FORMS)) {
			return files.filter(f -> f.toString().endsWith(".form")).sorted().toList().stream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static BpmnModelInstance read(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return Bpmn.readModelFromStream(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String processId(Path file) {
		String name = file.getFileName().toString();
		return name.substring(0, name.length() - ".bpmn".length());
	}

}
