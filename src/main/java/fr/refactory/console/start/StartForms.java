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

/** The console's start forms: announcing a vehicle arrival (vehicle-intake) and a core arrival (remanufacture). */
@Component
public class StartForms {

	static final StartForm VEHICLE_ARRIVAL = new StartForm("vehicle-arrival", "Announce a vehicle arrival",
			"VehicleArrivalAnnounced", "vin", "VEHICLE", List.of("intake-operators", "intake-supervisors"),
			java.util.Set.of("vin"), "console/start-forms/vehicle-arrival.form");

	static final StartForm CORE_ARRIVAL = new StartForm("core-arrival", "Announce a core arrival", "CoreAnnounced",
			"coreSerial", "PART", List.of("core-inspectors", "reman-operators"),
			java.util.Set.of("coreSerial", "partNumber", "donorVin"), "console/start-forms/core-arrival.form");

	private static final List<StartForm> ALL = List.of(VEHICLE_ARRIVAL, CORE_ARRIVAL);

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
