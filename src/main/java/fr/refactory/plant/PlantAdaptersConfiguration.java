package fr.refactory.plant;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.plant.PlantProperties.SystemSettings;
import fr.refactory.plant.btb.BatteryTestBench;
import fr.refactory.plant.btb.HttpBatteryTestBench;
import fr.refactory.plant.btb.SimulatedBatteryTestBench;
import fr.refactory.plant.diag.DiagnosticBench;
import fr.refactory.plant.diag.HttpDiagnosticBench;
import fr.refactory.plant.diag.SimulatedDiagnosticBench;
import fr.refactory.plant.doc.DocumentStore;
import fr.refactory.plant.doc.HttpDocumentStore;
import fr.refactory.plant.doc.SimulatedDocumentStore;
import fr.refactory.plant.eol.EndOfLineBenches;
import fr.refactory.plant.eol.HttpEndOfLineBenches;
import fr.refactory.plant.eol.SimulatedEndOfLineBenches;
import fr.refactory.plant.erp.Erp;
import fr.refactory.plant.erp.HttpErp;
import fr.refactory.plant.erp.SimulatedErp;
import fr.refactory.plant.hrcomp.CompetencyRegister;
import fr.refactory.plant.hrcomp.HttpCompetencyRegister;
import fr.refactory.plant.hrcomp.SimulatedCompetencyRegister;
import fr.refactory.plant.http.PlantHttpClient;
import fr.refactory.plant.mes.HttpMes;
import fr.refactory.plant.mes.Mes;
import fr.refactory.plant.mes.SimulatedMes;
import fr.refactory.plant.passport.BatteryPassport;
import fr.refactory.plant.passport.HttpBatteryPassport;
import fr.refactory.plant.passport.SimulatedBatteryPassport;
import fr.refactory.plant.simulation.Pause;
import fr.refactory.plant.simulation.SimulatedOutages;
import fr.refactory.plant.simulation.Simulation;
import fr.refactory.plant.reg.HttpRegistrationAuthority;
import fr.refactory.plant.reg.RegistrationAuthority;
import fr.refactory.plant.reg.SimulatedRegistrationAuthority;
import fr.refactory.plant.supplier.HttpSupplierPortal;
import fr.refactory.plant.supplier.SimulatedSupplierPortal;
import fr.refactory.plant.supplier.SupplierPortal;
import fr.refactory.plant.wms.HttpWms;
import fr.refactory.plant.wms.SimulatedWms;
import fr.refactory.plant.wms.Wms;
import fr.refactory.system.habilitation.HabilitationProperties;
import fr.refactory.system.habilitation.HabilitationTitle;
import fr.refactory.system.roster.RosterProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One bean per plant port: the simulated adapter unless
 * {@code refactory.plant.<system>.mode=http}. The simulations read time from the
 * application's {@link Clock} when there is exactly one, else from the system clock.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ PlantProperties.class, HabilitationProperties.class, RosterProperties.class })
class PlantAdaptersConfiguration {

	private final PlantProperties properties;

	private final ObjectMapper json;

	private final Clock clock;

	private final PlantCalls calls;

	private final SimulatedOutages outages = new SimulatedOutages();

	PlantAdaptersConfiguration(PlantProperties properties, ObjectMapper json, ObjectProvider<Clock> clock,
			ObjectProvider<MeterRegistry> meters, ObjectProvider<ObservationRegistry> observations) {
		this.properties = properties;
		this.json = json;
		this.clock = clock.getIfUnique(Clock::systemUTC);
		this.calls = new PlantCalls(meters.getIfAvailable(SimpleMeterRegistry::new),
				observations.getIfAvailable(() -> ObservationRegistry.NOOP), Clock.systemUTC());
	}

	/**
	 * The plant systems' calls and health ({@code /actuator/health}, component
	 * {@code plant}).
	 */
	@Bean("plant")
	PlantCalls plantCalls() {
		return this.calls;
	}

	/** Takes simulated systems down and back at run time (ADR 1062). */
	@Bean
	SimulatedOutages simulatedOutages() {
		return this.outages;
	}

	@Bean
	Mes mes() {
		return adapter("mes", Mes.class, this.properties.mes(), SimulatedMes::new, HttpMes::new);
	}

	@Bean
	Wms wms() {
		return adapter("wms", Wms.class, this.properties.wms(), SimulatedWms::new, HttpWms::new);
	}

	@Bean
	Erp erp() {
		return adapter("erp", Erp.class, this.properties.erp(), SimulatedErp::new, HttpErp::new);
	}

	@Bean
	DiagnosticBench diagnosticBench() {
		return adapter("diag", DiagnosticBench.class, this.properties.diag(), SimulatedDiagnosticBench::new,
				HttpDiagnosticBench::new);
	}

	@Bean
	BatteryTestBench batteryTestBench() {
		return adapter("btb", BatteryTestBench.class, this.properties.btb(), SimulatedBatteryTestBench::new,
				HttpBatteryTestBench::new);
	}

	@Bean
	EndOfLineBenches endOfLineBenches() {
		return adapter("eol", EndOfLineBenches.class, this.properties.eol(), SimulatedEndOfLineBenches::new,
				HttpEndOfLineBenches::new);
	}

	@Bean
	DocumentStore documentStore() {
		return adapter("doc", DocumentStore.class, this.properties.doc(), SimulatedDocumentStore::new,
				HttpDocumentStore::new);
	}

	/**
	 * The simulated register knows the configured people
	 * ({@code refactory.habilitations.people}) as the plant's staff on shift, with their
	 * configured titles, so the console's claim check and the workers agree (ADR 0403),
	 * on the shifts of {@code refactory.roster.shifts} (ADR 0710); people rostered
	 * without configured titles hold none.
	 */
	@Bean
	CompetencyRegister competencyRegister(HabilitationProperties habilitations, RosterProperties roster) {
		Map<String, List<HabilitationTitle>> staff = new LinkedHashMap<>(habilitations.people());
		roster.shifts().values().forEach((people) -> people.forEach((person) -> staff.putIfAbsent(person, List.of())));
		return adapter("hrcomp", CompetencyRegister.class, this.properties.hrcomp(),
				(simulation) -> new SimulatedCompetencyRegister(simulation, staff, roster.shifts()),
				HttpCompetencyRegister::new);
	}

	@Bean
	BatteryPassport batteryPassport() {
		return adapter("passport", BatteryPassport.class, this.properties.passport(), SimulatedBatteryPassport::new,
				HttpBatteryPassport::new);
	}

	@Bean
	SupplierPortal supplierPortal() {
		return adapter("supplier", SupplierPortal.class, this.properties.supplier(), SimulatedSupplierPortal::new,
				HttpSupplierPortal::new);
	}

	@Bean
	RegistrationAuthority registrationAuthority() {
		return adapter("reg", RegistrationAuthority.class, this.properties.reg(), SimulatedRegistrationAuthority::new,
				HttpRegistrationAuthority::new);
	}

	/** The adapter for the system's mode, its calls observed ({@link PlantCalls}). */
	private <T> T adapter(String system, Class<T> port, SystemSettings settings, Function<Simulation, T> simulated,
			Function<PlantHttpClient, T> http) {
		T adapter = switch (settings.mode()) {
			case SIMULATED -> simulated.apply(new Simulation(system, settings, this.clock, Pause.SLEEP, this.outages));
			case HTTP -> http.apply(new PlantHttpClient(system, settings, this.json));
		};
		return this.calls.observe(system, settings.mode(), port, adapter);
	}

}
