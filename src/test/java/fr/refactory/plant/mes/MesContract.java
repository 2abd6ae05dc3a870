package fr.refactory.plant.mes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import fr.refactory.plant.BusinessErrorCodes;
import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.PlantBusinessException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What every {@link Mes} adapter must do; run against the simulated and the HTTP adapter.
 */
abstract class MesContract {

	static final String VIN = "VF1MA000012345678";

	protected abstract Mes mes();

	@Test
	void shouldRegisterAVehicleWithAValidVin() {
		MesVehicle vehicle = mes().registerVehicle(IdempotencyKey.of("job-1:register"),
				new VehicleRegistration(VIN, "MASTER", "ICE_DIESEL"));

		assertThat(vehicle.vin()).isEqualTo(VIN);
		assertThat(vehicle.mesVehicleId()).isNotBlank();
	}

	@Test
	void shouldRejectAMalformedVinAsBusinessError() {
		assertThatExceptionOfType(PlantBusinessException.class)
			.isThrownBy(() -> mes().registerVehicle(IdempotencyKey.of("job-2:register"),
					new VehicleRegistration("VF1-NOT-A-VIN", "MASTER", "ICE_DIESEL")))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(BusinessErrorCodes.VIN_INVALID));
	}

	@Test
	void shouldCreateOneWorkOrderPerIdempotencyKey() {
		WorkOrderRequest request = new WorkOrderRequest("INTAKE", "VEHICLE", VIN, 42L, null);

		WorkOrder first = mes().createWorkOrder(IdempotencyKey.of("job-3:wo"), request);
		WorkOrder again = mes().createWorkOrder(IdempotencyKey.of("job-3:wo"), request);
		WorkOrder other = mes().createWorkOrder(IdempotencyKey.of("job-4:wo"), request);

		assertThat(first.status()).isEqualTo("CREATED");
		assertThat(first.subjectKey()).isEqualTo(VIN);
		assertThat(again).isEqualTo(first);
		assertThat(other.workOrderId()).isNotEqualTo(first.workOrderId());
	}

	@Test
	void shouldReleaseACreatedWorkOrder() {
		WorkOrder created = mes().createWorkOrder(IdempotencyKey.of("job-5:wo"),
				new WorkOrderRequest("DIAGNOSIS", "VEHICLE", VIN, 43L, null));

		WorkOrder released = mes().releaseWorkOrder(IdempotencyKey.of("job-6:release"), created.workOrderId());

		assertThat(released.workOrderId()).isEqualTo(created.workOrderId());
		assertThat(released.status()).isEqualTo("RELEASED");
	}

	@Test
	void shouldSetASubjectStatus() {
		SubjectStatus status = mes().setStatus(IdempotencyKey.of("job-7:status"), new SubjectStatus(VIN, "RELEASED"));

		assertThat(status).isEqualTo(new SubjectStatus(VIN, "RELEASED"));
	}

	@Test
	void shouldReserveAnHourOnAFreeBench() {
		ResourceSlot slot = mes().reserveResource(IdempotencyKey.of("job-8:reserve"),
				new ResourceRequest("DIAGNOSTIC_BENCH", "DIAG-2", VIN));

		assertThat(slot.resourceId()).isEqualTo("DIAG-2");
		assertThat(slot.slotEnd()).isAfter(slot.slotStart());
	}

	@Test
	void shouldReportAnOfflineBenchAsUnavailable() {
		assertThatExceptionOfType(PlantBusinessException.class)
			.isThrownBy(() -> mes().reserveResource(IdempotencyKey.of("job-9:reserve"),
					new ResourceRequest("DIAGNOSTIC_BENCH", "OFFLINE-DIAG-1", VIN)))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(BusinessErrorCodes.BENCH_UNAVAILABLE));
	}

	@Test
	void shouldRecordGenealogy() {
		GenealogyAck ack = mes().recordGenealogy(IdempotencyKey.of("job-10:genealogy"),
				new GenealogyRecord(VIN, "BAT-0001", "INSTALLED_IN"));

		assertThat(ack.genealogyId()).isNotBlank();
		assertThat(ack.parentKey()).isEqualTo(VIN);
		assertThat(ack.childKey()).isEqualTo("BAT-0001");
	}

	/**
	 * Calibrated once a year: on its due date the equipment is still calibrated, and it
	 * is again a year later.
	 */
	@Test
	void shouldTellWhetherEquipmentWasCalibratedOnADate() {
		Calibration calibration = mes().checkCalibration("TORQUE-7", LocalDate.of(2026, 1, 1));

		Calibration onDueDate = mes().checkCalibration("TORQUE-7", calibration.dueDate());
		Calibration dayAfter = mes().checkCalibration("TORQUE-7", calibration.dueDate().plusDays(1));
		Calibration yearsLater = mes().checkCalibration("TORQUE-7", LocalDate.of(2036, 1, 1));

		assertThat(onDueDate.valid()).isTrue();
		assertThat(dayAfter.valid()).isTrue();
		assertThat(dayAfter.dueDate()).isEqualTo(calibration.dueDate().plusYears(1));
		assertThat(yearsLater.valid()).isTrue();
		assertThat(dayAfter.equipmentId()).isEqualTo("TORQUE-7");
	}

	/**
	 * Equipment that missed its calibration stays past it (AS-67): valid on its due date,
	 * not after.
	 */
	@Test
	void shouldKeepEquipmentThatMissedItsCalibrationOverdue() {
		Calibration missed = mes().checkCalibration("VAT-7", LocalDate.of(2036, 1, 1));

		assertThat(missed.valid()).isFalse();
		assertThat(mes().checkCalibration("VAT-7", missed.dueDate()).valid()).isTrue();
		assertThat(mes().checkCalibration("VAT-7", missed.dueDate().plusDays(1)).valid()).isFalse();
	}

	@Test
	void shouldPrintARemanLabelNamingTheRemanufacturer() {
		RemanLabel label = mes().printRemanLabel(IdempotencyKey.of("job-11:label"),
				new RemanLabelRequest("CORE-778", "8201000001", "The Remakers"));

		assertThat(label.coreSerial()).isEqualTo("CORE-778");
		assertThat(label.remanSerial()).isNotEqualTo("CORE-778");
		assertThat(label.labelText()).contains("remanufactured").contains("The Remakers");
	}

	@Test
	void shouldGiveBackTheMeasurementsOfASubject() {
		MeasurementSet set = measured("CORE-900", "STATION-4", "MICROMETER-1", "2026-11-28T09:00:00Z");

		MeasurementsRecorded recorded = mes().recordMeasurements(IdempotencyKey.of("job-12:measure"), set);
		mes().recordMeasurements(IdempotencyKey.of("job-12:measure"), set);

		assertThat(recorded.count()).isEqualTo(2);
		assertThat(mes().measurementsOf("CORE-900").sets()).containsExactly(set);
	}

	@Test
	void shouldHoldItemsMeasuredWithSuspectEquipmentSinceTheLastGoodCheck() {
		mes().recordMeasurements(IdempotencyKey.of("job-13:measure"),
				measured("CORE-901", "STATION-5", "GAUGE-77", "2026-11-28T08:00:00Z"));
		mes().recordMeasurements(IdempotencyKey.of("job-14:measure"),
				measured("CORE-902", "STATION-5", "GAUGE-77", "2026-11-28T10:00:00Z"));
		mes().recordMeasurements(IdempotencyKey.of("job-15:measure"),
				measured("CORE-903", "STATION-5", "GAUGE-78", "2026-11-28T10:30:00Z"));

		Containment containment = mes().holdSuspectItems(IdempotencyKey.of("job-16:hold"),
				new ContainmentRequest("EQUIPMENT", "GAUGE-77", Instant.parse("2026-11-28T09:00:00Z")));

		assertThat(containment.containmentId()).isNotBlank();
		assertThat(containment.heldSubjectKeys()).containsExactly("CORE-902");
	}

	@Test
	void shouldAddTheStandardHoursOfTheOperations() {
		LabourEstimate estimate = mes().computeLabour(new LabourRequest(VIN, List.of("BRAKE_PADS", "WINDSCREEN")));

		assertThat(estimate.operations()).extracting(LabourEstimate.Operation::code)
			.containsExactly("BRAKE_PADS", "WINDSCREEN");
		assertThat(estimate.totalStandardHours()).isPositive()
			.isEqualTo(estimate.operations().stream().mapToDouble(LabourEstimate.Operation::standardHours).sum());
	}

	@Test
	void shouldNameTheTradeOfEachOperation() {
		LabourEstimate estimate = mes().computeLabour(
				new LabourRequest(VIN, List.of("FIX-P0300", "BODY-PANEL-REPAIR", "PAINT-BUMPER", "WINDSCREEN")));

		assertThat(estimate.operations()).extracting(LabourEstimate.Operation::trade)
			.containsExactly("MECHANICS", "BODYWORK", "PAINT", "BODYWORK");
	}

	@Test
	void shouldGiveTheHoursBookedOnAWorkOrderAtTheirTradesRate() {
		BookedOperations booked = mes().bookedOperations("WO-COST-1");

		assertThat(booked.workOrderId()).isEqualTo("WO-COST-1");
		assertThat(booked.operations()).isNotEmpty().allSatisfy((operation) -> {
			assertThat(operation.hours()).isPositive();
			assertThat(operation.trade()).isIn("MECHANICS", "BODYWORK", "PAINT");
			assertThat(operation.hourlyRateEur()).isPositive();
		});
		assertThat(booked.labourCostEur()).isPositive()
			.isEqualByComparingTo(booked.operations()
				.stream()
				.map((operation) -> operation.hourlyRateEur().multiply(java.math.BigDecimal.valueOf(operation.hours())))
				.reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
		assertThat(mes().bookedOperations("WO-COST-1")).isEqualTo(booked);
	}

	private static MeasurementSet measured(String subject, String station, String equipment, String at) {
		return new MeasurementSet(subject, station, equipment, Instant.parse(at),
				List.of(new MeasurementSet.Measurement("BORE_DIAMETER", 80.02, "mm", 79.98, 80.05),
						new MeasurementSet.Measurement("OVALITY", 0.01, "mm", null, 0.03)));
	}

}
