package fr.refactory.plant.wms;

import java.util.List;

import fr.refactory.plant.IdempotencyKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link Wms} adapter must do; run against the simulated and the HTTP adapter.
 */
abstract class WmsContract {

	static final String VIN = "VF1MA000012345678";

	protected abstract Wms wms();

	@Test
	void shouldPutHvSuspectVehiclesInAQuarantineBay() {
		YardLocation normal = wms().assignYardLocation(IdempotencyKey.of("job-1:yard"), new YardRequest(VIN, false));
		YardLocation suspect = wms().assignYardLocation(IdempotencyKey.of("job-2:yard"), new YardRequest(VIN, true));

		assertThat(normal.quarantine()).isFalse();
		assertThat(normal.locationCode()).startsWith("Y-");
		assertThat(suspect.quarantine()).isTrue();
		assertThat(suspect.locationCode()).startsWith("HVQ-");
	}

	@Test
	void shouldTellWhenAPartIsOutOfStock() {
		PartAvailability inStock = wms().availabilityOf("7701000001", 1);
		PartAvailability outOfStock = wms().availabilityOf("77010000X", 2);
		assertThat(wms().availabilityOf(SimulatedWms.OBSOLETE_PREFIX + "7701000001", 1).obsolete()).isTrue();
		assertThat(outOfStock.obsolete()).isFalse();

		assertThat(inStock.available()).isTrue();
		assertThat(inStock.expectedOn()).isNull();
		assertThat(outOfStock.available()).isFalse();
		assertThat(outOfStock.requested()).isEqualTo(2);
		assertThat(outOfStock.expectedOn()).isNotNull();
	}

	@Test
	void shouldReserveWhatIsInStockAndBackOrderTheRest() {
		PartsReservation reservation = wms().reserveParts(IdempotencyKey.of("job-3:reserve"),
				new PartsRequest("WO-1", List.of(new PartLine("7701000001", 1), new PartLine("77010000X", 1))));

		assertThat(reservation.reservationId()).isNotBlank();
		assertThat(reservation.reserved()).containsExactly(new PartLine("7701000001", 1));
		assertThat(reservation.backOrdered()).containsExactly(new PartLine("77010000X", 1));
	}

	@Test
	void shouldGiveThePartsIssuedToAWorkOrderWithTheirCost() {
		IssuedParts before = wms().issuedTo("WO-COST-1");
		wms().pickParts(IdempotencyKey.of("job-5:pick"),
				new PartsRequest("WO-COST-1", List.of(new PartLine("7701000005", 2))));
		wms().pickParts(IdempotencyKey.of("job-5:pick"),
				new PartsRequest("WO-COST-1", List.of(new PartLine("7701000005", 2))));

		IssuedParts after = wms().issuedTo("WO-COST-1");

		assertThat(before.lines()).isNotEmpty().allSatisfy((line) -> assertThat(line.unitCostEur()).isPositive());
		assertThat(after.lines()).hasSize(before.lines().size() + 1).containsAll(before.lines());
		IssuedParts.Line picked = after.lines().get(after.lines().size() - 1);
		assertThat(picked.partNumber()).isEqualTo("7701000005");
		assertThat(picked.quantity()).isEqualTo(2);
		assertThat(picked.costEur())
			.isEqualByComparingTo(picked.unitCostEur().multiply(java.math.BigDecimal.valueOf(2)));
		assertThat(after.partsCostEur()).isEqualByComparingTo(before.partsCostEur().add(picked.costEur()));
		assertThat(wms().issuedTo("WO-COST-1")).isEqualTo(after);
	}

	@Test
	void shouldPickPartsWithTheirLots() {
		PickedParts picked = wms().pickParts(IdempotencyKey.of("job-4:pick"),
				new PartsRequest("WO-2", List.of(new PartLine("7701000002", 3))));

		assertThat(picked.workOrderId()).isEqualTo("WO-2");
		assertThat(picked.lines()).singleElement().satisfies((line) -> {
			assertThat(line.quantity()).isEqualTo(3);
			assertThat(line.lot()).isNotBlank();
		});
	}

	@Test
	void shouldPickNothingOfAPartOutOfStock() {
		PickedParts picked = wms().pickParts(IdempotencyKey.of("job-4:pick-out-of-stock"),
				new PartsRequest("WO-2", List.of(new PartLine("7701000009X", 1))));

		assertThat(picked.lines()).isEmpty();
	}

	@Test
	void shouldPickAShortPartOnlyAfterItsFirstPickForTheWorkOrder() {
		PartsRequest request = new PartsRequest("WO-3", List.of(new PartLine("SHORT-7701000003", 1)));

		PickedParts first = wms().pickParts(IdempotencyKey.of("job-4:pick-short-1"), request);
		PickedParts replayed = wms().pickParts(IdempotencyKey.of("job-4:pick-short-1"), request);
		PickedParts second = wms().pickParts(IdempotencyKey.of("job-4:pick-short-2"), request);

		assertThat(first.lines()).isEmpty();
		assertThat(replayed.lines()).isEmpty();
		assertThat(second.lines()).singleElement().satisfies((line) -> assertThat(line.lot()).isNotBlank());
	}

	@Test
	void shouldPutAwayInTheAskedArea() {
		StockLocation location = wms().putAway(IdempotencyKey.of("job-5:put-away"),
				new StockMove("BAT-0001", "HV_QUARANTINE"));

		assertThat(location.subjectKey()).isEqualTo("BAT-0001");
		assertThat(location.locationCode()).startsWith("HV_QUARANTINE-");
	}

	@Test
	void shouldCreateOneHarvestedPartPerIdempotencyKey() {
		HarvestRequest request = new HarvestRequest(VIN, "8200000042", "TURBO", "T-1");

		HarvestedPart first = wms().createHarvestedPart(IdempotencyKey.of("job-6:harvest"), request);
		HarvestedPart again = wms().createHarvestedPart(IdempotencyKey.of("job-6:harvest"), request);

		assertThat(again).isEqualTo(first);
		assertThat(first.donorVin()).isEqualTo(VIN);
		assertThat(first.labelText()).contains(VIN);
	}

	@Test
	void shouldGiveTheSameDemandForTheSameReference() {
		PartDemand demand = wms().demandFor("8200000042");

		assertThat(wms().demandFor("8200000042")).isEqualTo(demand);
		assertThat(demand.daysOfCover()).isNotNegative();
		assertThat(demand.remanProgramExists()).isTrue();
		assertThat(wms().demandFor(SimulatedWms.NO_REMAN_LINE_PREFIX + "8200000042").remanProgramExists()).isFalse();
	}

}
