package fr.refactory.plant;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.refactory.plant.btb.BatteryTestBench;
import fr.refactory.plant.btb.SimulatedBatteryTestBench;
import fr.refactory.plant.diag.DiagnosticBench;
import fr.refactory.plant.diag.SimulatedDiagnosticBench;
import fr.refactory.plant.doc.DocumentStore;
import fr.refactory.plant.doc.SimulatedDocumentStore;
import fr.refactory.plant.eol.EndOfLineBenches;
import fr.refactory.plant.eol.SimulatedEndOfLineBenches;
import fr.refactory.plant.erp.Erp;
import fr.refactory.plant.erp.HttpErp;
import fr.refactory.plant.erp.SimulatedErp;
import fr.refactory.plant.hrcomp.CompetencyRegister;
import fr.refactory.plant.hrcomp.SimulatedCompetencyRegister;
import fr.refactory.plant.mes.HttpMes;
import fr.refactory.plant.mes.Mes;
import fr.refactory.plant.mes.SimulatedMes;
import fr.refactory.plant.passport.BatteryPassport;
import fr.refactory.plant.passport.SimulatedBatteryPassport;
import fr.refactory.plant.supplier.SimulatedSupplierPortal;
import fr.refactory.plant.supplier.SupplierPortal;
import fr.refactory.plant.wms.SimulatedWms;
import fr.refactory.plant.wms.Wms;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class PlantAdaptersConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(PlantAdaptersConfiguration.class)
		.withBean(ObjectMapper.class, FakePlantSystem::json);

	@Test
	void shouldSimulateEverySystemByDefault() {
		this.runner.run((context) -> {
			assertThat(adapterOf(context, Mes.class)).isInstanceOf(SimulatedMes.class);
			assertThat(adapterOf(context, Wms.class)).isInstanceOf(SimulatedWms.class);
			assertThat(adapterOf(context, Erp.class)).isInstanceOf(SimulatedErp.class);
			assertThat(adapterOf(context, DiagnosticBench.class)).isInstanceOf(SimulatedDiagnosticBench.class);
			assertThat(adapterOf(context, BatteryTestBench.class)).isInstanceOf(SimulatedBatteryTestBench.class);
			assertThat(adapterOf(context, EndOfLineBenches.class)).isInstanceOf(SimulatedEndOfLineBenches.class);
			assertThat(adapterOf(context, DocumentStore.class)).isInstanceOf(SimulatedDocumentStore.class);
			assertThat(adapterOf(context, CompetencyRegister.class)).isInstanceOf(SimulatedCompetencyRegister.class);
			assertThat(adapterOf(context, BatteryPassport.class)).isInstanceOf(SimulatedBatteryPassport.class);
			assertThat(adapterOf(context, SupplierPortal.class)).isInstanceOf(SimulatedSupplierPortal.class);
		});
	}

	@Test
	void shouldTalkHttpToTheSystemsConfiguredSo() {
		this.runner
			.withPropertyValues("refactory.plant.mes.mode=http",
					"refactory.plant.mes.base-url=http://mes.plant:8080/api", "refactory.plant.mes.read-timeout=3s",
					"refactory.plant.erp.mode=HTTP", "refactory.plant.erp.base-url=http://erp.plant/")
			.run((context) -> {
				assertThat(adapterOf(context, Mes.class)).isInstanceOf(HttpMes.class);
				assertThat(adapterOf(context, Erp.class)).isInstanceOf(HttpErp.class);
				assertThat(adapterOf(context, Wms.class)).isInstanceOf(SimulatedWms.class);
			});
	}

	@Test
	void shouldRefuseToStartInHttpModeWithoutBaseUrl() {
		this.runner.withPropertyValues("refactory.plant.wms.mode=http")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("refactory.plant.wms.base-url"));
	}

	@Test
	void shouldBindSimulationSettings() {
		this.runner
			.withPropertyValues("refactory.plant.diag.latency=200ms", "refactory.plant.diag.failure-rate=0.25",
					"refactory.plant.diag.outages[0].start=2026-11-28T20:00:00Z",
					"refactory.plant.diag.outages[0].end=2026-11-28T21:00:00Z")
			.run((context) -> {
				PlantProperties.SystemSettings diag = context.getBean(PlantProperties.class).diag();
				assertThat(diag.latency()).hasMillis(200);
				assertThat(diag.failureRate()).isEqualTo(0.25);
				assertThat(diag.outages()).singleElement()
					.satisfies((outage) -> assertThat(outage.covers(java.time.Instant.parse("2026-11-28T20:30:00Z")))
						.isTrue());
				assertThat(context.getBean(PlantProperties.class).mes().readTimeout()).hasSeconds(10);
			});
	}

	/**
	 * The adapter behind the port's bean (every port is wrapped to observe its calls, ADR
	 * 0603).
	 */
	private static Object adapterOf(ApplicationContext context, Class<?> port) {
		return PlantCalls.adapterBehind(context.getBean(port));
	}

}
