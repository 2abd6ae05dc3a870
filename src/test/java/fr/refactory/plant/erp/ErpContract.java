package fr.refactory.plant.erp;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import fr.refactory.plant.IdempotencyKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link Erp} adapter must do; run against the simulated and the HTTP adapter.
 */
abstract class ErpContract {

	static final String MASTER_VIN = "VF1MA000012345678";

	protected abstract Erp erp();

	@Test
	void shouldFindMasterDataOfAKnownVehicle() {
		VehicleMasterData data = erp().findVehicleMasterData(MASTER_VIN).orElseThrow();

		assertThat(data.vin()).isEqualTo(MASTER_VIN);
		assertThat(data.modelFamily()).isEqualTo("MASTER_III");
		assertThat(data.originalMaxPowerKw()).isIn(75.0, 92.0, 110.0);
		assertThat(data.gvwrKg()).isGreaterThanOrEqualTo(data.massInRunningOrderKg());
		assertThat(erp().findVehicleMasterData(MASTER_VIN)).contains(data);
		assertThat(data.registeredInFranceDefinitive()).isTrue();
		assertThat(data.collectionRegistration()).isFalse();
	}

	@Test
	void shouldSayWhichVehiclesAreCollectionOrNotRegisteredInFrance() {
		String collection = MASTER_VIN.substring(0, 12) + SimulatedErp.COLLECTION_SERIAL;
		String foreign = MASTER_VIN.substring(0, 12) + SimulatedErp.NOT_FRENCH_SERIAL;

		assertThat(erp().findVehicleMasterData(collection).orElseThrow().collectionRegistration()).isTrue();
		assertThat(erp().findVehicleMasterData(foreign).orElseThrow().registeredInFranceDefinitive()).isFalse();
	}

	/**
	 * A Zoe VIN (VF1AG…) is a battery-electric Zoe, so an intake of a Zoe reaches its HV
	 * paths (AS-12, AS-40).
	 */
	@Test
	void shouldAnswerAZoeVinAsABatteryElectricZoe() {
		VehicleMasterData zoe = erp().findVehicleMasterData("VF1AG000X65432101").orElseThrow();

		assertThat(zoe.modelFamily()).isEqualTo("ZOE");
		assertThat(zoe.powertrain()).isEqualTo("BEV");
		assertThat(zoe.category()).isEqualTo("M1");
	}

	@Test
	void shouldFindNothingForAnUnknownVehicle() {
		assertThat(erp().findVehicleMasterData("WDB9066331S123456")).isEmpty();
	}

	@Test
	void shouldAddLabourAndPartsInTheEstimate() {
		CostEstimate estimate = erp().costEstimate(new CostRequest(MASTER_VIN, 2.5,
				List.of(new CostRequest.CostLine("7701000001", 2)), LocalDate.of(2018, 5, 1)));

		assertThat(estimate.labourEur()).isEqualByComparingTo("162.50");
		assertThat(estimate.partsEur()).isPositive();
		assertThat(estimate.totalEur()).isEqualByComparingTo(estimate.labourEur().add(estimate.partsEur()));
		assertThat(estimate.marketValueEur()).isPositive();
	}

	@Test
	void shouldHaveNoMarketValueForAVehicleItCannotValue() {
		CostEstimate estimate = erp()
			.costEstimate(new CostRequest(MASTER_VIN.substring(0, 12) + SimulatedErp.NO_VALUATION_SERIAL, 1, List.of(),
					LocalDate.of(2018, 5, 1)));

		assertThat(estimate.marketValueEur()).isNull();
	}

	@Test
	void shouldCreateOnePurchaseOrderPerIdempotencyKey() {
		PurchaseOrderRequest request = new PurchaseOrderRequest("KIT-MASTER-52", MASTER_VIN,
				LocalDate.of(2026, 12, 15));

		PurchaseOrder first = erp().createPurchaseOrder(IdempotencyKey.of("job-1:po"), request);
		PurchaseOrder again = erp().createPurchaseOrder(IdempotencyKey.of("job-1:po"), request);

		assertThat(again).isEqualTo(first);
		assertThat(first.dueDate()).isEqualTo(LocalDate.of(2026, 12, 15));
	}

	@Test
	void shouldAnswerAPostingWithADocumentNumberOfItsKind() {
		ErpDocument document = erp().post(IdempotencyKey.of("job-2:credit"), new ErpPosting(ErpPosting.Kind.CORE_CREDIT,
				"CORE-1", new BigDecimal("120.00"), Map.of("creditPct", 50)));

		assertThat(document.kind()).isEqualTo(ErpPosting.Kind.CORE_CREDIT);
		assertThat(document.documentNumber()).startsWith("CC-");
		assertThat(document.subjectKey()).isEqualTo("CORE-1");
	}

}
