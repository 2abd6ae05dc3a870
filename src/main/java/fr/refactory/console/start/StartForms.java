package fr.refactory.console.start;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import fr.refactory.console.form.FormDefinition;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The console's plant-event forms: announcing a vehicle arrival (vehicle-intake) and a
 * core arrival (remanufacture), and the gate scans that move an arrival on: a vehicle at
 * the gate and a core received (ADR 0405).
 */
@Component
public class StartForms {

	static final StartForm VEHICLE_ARRIVAL = new StartForm("vehicle-arrival", "Announce a vehicle arrival",
			"VehicleArrivalAnnounced", "vin", "VEHICLE", List.of("intake-operators", "intake-supervisors"),
			java.util.Set.of("vin"), "console/start-forms/vehicle-arrival.form", "PROCESS_START_REQUESTED",
			"Announced a vehicle arrival", false);

	static final StartForm CORE_ARRIVAL = new StartForm("core-arrival", "Announce a core arrival", "CoreAnnounced",
			"coreSerial", "PART", List.of("core-inspectors", "reman-operators"),
			java.util.Set.of("coreSerial", "partNumber", "donorVin", "exchangeSaleId"),
			"console/start-forms/core-arrival.form", "PROCESS_START_REQUESTED", "Announced a core arrival", false);

	/**
	 * Gate scan (1.0): an announced vehicle moves on to intake, an unannounced one starts
	 * it as UNKNOWN.
	 */
	static final StartForm VEHICLE_AT_GATE = new StartForm("vehicle-at-gate", "Gate scan: vehicle at gate",
			"VehicleAtGate", "vin", "VEHICLE", List.of("intake-operators", "intake-supervisors"),
			java.util.Set.of("vin"), "console/start-forms/vehicle-at-gate.form", "GATE_SCAN_RECORDED",
			"Vehicle at gate recorded", true);

	/**
	 * Goods receipt of a core (4.1, T12): its remanufacture moves on to the core
	 * inspection.
	 */
	static final StartForm CORE_RECEIVED = new StartForm("core-received", "Gate scan: core received", "CoreReceived",
			"coreSerial", "PART", List.of("core-inspectors", "reman-operators", "logistics-receivers"),
			java.util.Set.of("coreSerial"), "console/start-forms/core-received.form", "GATE_SCAN_RECORDED",
			"Core receipt recorded", true);

	/**
	 * T9 (ADR 0920): an installer authorisation the kit manufacturer granted or renewed,
	 * as its letter states it; starts (or, renewed, restarts) the expiry warning.
	 */
	static final StartForm INSTALLER_AUTHORISATION = new StartForm("installer-authorisation",
			"Record an installer authorisation", "InstallerAuthorisationRecorded", "installerOrg", "INSTALLER",
			List.of("retrofit-managers"), java.util.Set.of("installerOrg", "kitManufacturer"),
			"console/start-forms/installer-authorisation.form", "PROCESS_START_REQUESTED",
			"Recorded an installer authorisation", false);

	private static final List<StartForm> ALL = List.of(VEHICLE_ARRIVAL, CORE_ARRIVAL, VEHICLE_AT_GATE, CORE_RECEIVED,
			INSTALLER_AUTHORISATION);

	private final Map<String, FormDefinition> definitions = new ConcurrentHashMap<>();

	public Optional<StartForm> find(String id) {
		return ALL.stream().filter((form) -> form.id().equals(id)).findFirst();
	}

	public List<StartForm> availableTo(Collection<String> groups) {
		return ALL.stream().filter((form) -> mayUse(form, groups)).toList();
	}

	public boolean mayUse(StartForm form, Collection<String> groups) {
		return form.groups().stream().anyMatch(groups::contains);
	}

	public FormDefinition definitionOf(StartForm form) {
		return this.definitions.computeIfAbsent(form.resource(), StartForms::read);
	}

	private static FormDefinition read(String resource) {
		try {
			return FormDefinition.parse(new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Expected the start form " + resource + " on the classpath", ex);
		}
	}

}
