package fr.refactory.plant.mes;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import fr.refactory.plant.BusinessErrorCodes;
import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.PlantBusinessException;
import fr.refactory.plant.PlantTechnicalException;
import fr.refactory.plant.simulation.Calibrations;
import fr.refactory.plant.simulation.Seeds;
import fr.refactory.plant.simulation.Simulation;

/**
 * An in-memory MES. Ids derive from the idempotency key, calibration due dates from the
 * equipment id; resources named {@code OFFLINE-…} are never free. The hours booked on a
 * work order derive from its id (technicians book them at their terminals, outside the
 * processes), valued at the trade's rate of {@link #LABOUR_RATES_EUR_PER_HOUR}.
 */
public class SimulatedMes implements Mes {

	/** The MES master data of labour rates per trade, EUR per hour. */
	public static final Map<String, BigDecimal> LABOUR_RATES_EUR_PER_HOUR = Map.of(LabourEstimate.Operation.MECHANICS,
			new BigDecimal("62.00"), LabourEstimate.Operation.BODYWORK, new BigDecimal("58.00"),
			LabourEstimate.Operation.PAINT, new BigDecimal("66.00"));

	/**
	 * The conversion line of the Master retrofit (brief §3.3), reserved a conversion week
	 * at a time.
	 */
	public static final String RETROFIT_LINE = "RETROFIT_LINE";

	/**
	 * The line's first free week: after the kit's delivery lead time, from its 07:00
	 * start.
	 */
	private static final Duration RETROFIT_LINE_LEAD_TIME = Duration.ofDays(21);

	private static final Duration CONVERSION_WEEK = Duration.ofDays(7);

	private static final List<String> TRADES = List.of(LabourEstimate.Operation.MECHANICS,
			LabourEstimate.Operation.BODYWORK, LabourEstimate.Operation.PAINT);

	private static final Pattern VIN = Pattern.compile("^[A-HJ-NPR-Z0-9]{17}$");

	private static final int RESOURCES_PER_TYPE = 4;

	private final Simulation simulation;

	private final Map<String, WorkOrder> workOrders = new ConcurrentHashMap<>();

	private final List<MeasurementSet> measurements = new CopyOnWriteArrayList<>();

	public SimulatedMes(Simulation simulation) {
		this.simulation = simulation;
	}

	@Override
	public MesVehicle registerVehicle(IdempotencyKey key, VehicleRegistration registration) {
		return this.simulation.once("registerVehicle", key, () -> {
			if (registration.vin() == null || !VIN.matcher(registration.vin()).matches()) {
				throw new PlantBusinessException("mes", BusinessErrorCodes.VIN_INVALID,
						"expected a normalised 17-character VIN, but got " + registration.vin());
			}
			return new MesVehicle(registration.vin(), Seeds.id("VEH", registration.vin()));
		});
	}

	@Override
	public WorkOrder createWorkOrder(IdempotencyKey key, WorkOrderRequest request) {
		return this.simulation.once("createWorkOrder", key, () -> {
			WorkOrder order = new WorkOrder(Seeds.id("WO", key), request.type(), request.subjectKey(), "CREATED");
			this.workOrders.put(order.workOrderId(), order);
			return order;
		});
	}

	@Override
	public WorkOrder releaseWorkOrder(IdempotencyKey key, String workOrderId) {
		return this.simulation.once("releaseWorkOrder", key, () -> {
			WorkOrder order = this.workOrders.get(workOrderId);
			if (order == null) {
				throw new PlantTechnicalException("mes", "expected a known work order, but got " + workOrderId, false,
						null);
			}
			WorkOrder released = new WorkOrder(order.workOrderId(), order.type(), order.subjectKey(), "RELEASED");
			this.workOrders.put(workOrderId, released);
			return released;
		});
	}

	@Override
	public SubjectStatus setStatus(IdempotencyKey key, SubjectStatus status) {
		return this.simulation.once("setStatus", key, () -> status);
	}

	@Override
	public ResourceSlot reserveResource(IdempotencyKey key, ResourceRequest request) {
		return this.simulation.once("reserveResource", key, () -> {
			this.simulation.failIfUnreachable(request.resourceId());
			if (Simulation.isOffline(request.resourceId())) {
				throw new PlantBusinessException("mes", BusinessErrorCodes.BENCH_UNAVAILABLE,
						"no free slot on " + request.resourceId());
			}
			String resourceId = (request.resourceId() != null) ? request.resourceId() : freeResource(request);
			if (RETROFIT_LINE.equals(request.resourceType())) {
				var week = this.simulation.now()
					.plus(RETROFIT_LINE_LEAD_TIME)
					.truncatedTo(ChronoUnit.DAYS)
					.plus(Duration.ofHours(7));
				return new ResourceSlot(Seeds.id("RES", key), resourceId, week, week.plus(CONVERSION_WEEK));
			}
			var start = this.simulation.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(15));
			return new ResourceSlot(Seeds.id("RES", key), resourceId, start, start.plus(Duration.ofHours(1)));
		});
	}

	/**
	 * A resource of the type among its {@value #RESOURCES_PER_TYPE}, the subject's usual
	 * one unless it was reported unavailable: then the next one.
	 */
	private static String freeResource(ResourceRequest request) {
		int usual = Seeds.between(Seeds.random(request.subjectKey()), 1, RESOURCES_PER_TYPE);
		for (int offset = 0; offset < RESOURCES_PER_TYPE; offset++) {
			String resourceId = request.resourceType() + "-" + ((usual - 1 + offset) % RESOURCES_PER_TYPE + 1);
			if (!request.unavailableResourceIds().contains(resourceId)) {
				return resourceId;
			}
		}
		throw new PlantBusinessException("mes", BusinessErrorCodes.BENCH_UNAVAILABLE,
				"no free " + request.resourceType() + " for " + request.subjectKey());
	}

	@Override
	public GenealogyAck recordGenealogy(IdempotencyKey key, GenealogyRecord record) {
		return this.simulation.once("recordGenealogy", key,
				() -> new GenealogyAck(Seeds.id("GEN", key), record.parentKey(), record.childKey()));
	}

	@Override
	public Calibration checkCalibration(String equipmentId, LocalDate on) {
		return this.simulation.answer(() -> {
			LocalDate due = Calibrations.dueOn(equipmentId, on);
			return new Calibration(equipmentId, due, !on.isAfter(due));
		});
	}

	@Override
	public RemanLabel printRemanLabel(IdempotencyKey key, RemanLabelRequest request) {
		return this.simulation.once("printRemanLabel", key, () -> {
			String remanSerial = Seeds.id("RM", request.coreSerial());
			String text = request.partNumber() + " " + remanSerial + " — remanufactured by " + request.remanufacturer();
			return new RemanLabel(remanSerial, request.coreSerial(), text);
		});
	}

	@Override
	public MeasurementsRecorded recordMeasurements(IdempotencyKey key, MeasurementSet measurements) {
		return this.simulation.once("recordMeasurements", key, () -> {
			this.measurements.add(measurements);
			return new MeasurementsRecorded(Seeds.id("MEAS", key), measurements.subjectKey(),
					measurements.measurements().size());
		});
	}

	@Override
	public Measurements measurementsOf(String subjectKey) {
		return this.simulation.answer(() -> new Measurements(subjectKey,
				this.measurements.stream().filter((set) -> set.subjectKey().equals(subjectKey)).toList()));
	}

	@Override
	public Containment holdSuspectItems(IdempotencyKey key, ContainmentRequest request) {
		return this.simulation.once("holdSuspectItems", key,
				() -> new Containment(Seeds.id("HOLD", key),
						this.measurements.stream()
							.filter((set) -> !set.measuredAt().isBefore(request.since()))
							.filter((set) -> request.scopeKey()
								.equals("STATION".equals(request.scopeType()) ? set.station() : set.equipmentId()))
							.map(MeasurementSet::subjectKey)
							.distinct()
							.toList()));
	}

	@Override
	public LabourEstimate computeLabour(LabourRequest request) {
		return this.simulation.answer(() -> {
			List<LabourEstimate.Operation> operations = request.operationCodes()
				.stream()
				.map((code) -> new LabourEstimate.Operation(code,
						Seeds.between(Seeds.random("labour", code), 2, 40) / 4.0, tradeOf(code)))
				.toList();
			double total = operations.stream().mapToDouble(LabourEstimate.Operation::standardHours).sum();
			return new LabourEstimate(request.subjectKey(), operations, total);
		});
	}

	@Override
	public BookedOperations bookedOperations(String workOrderId) {
		return this.simulation.answer(() -> {
			Random random = Seeds.random("booked", workOrderId);
			int count = Seeds.between(random, 1, 4);
			List<BookedOperations.Operation> operations = new java.util.ArrayList<>();
			for (int i = 1; i <= count; i++) {
				String trade = TRADES.get(random.nextInt(TRADES.size()));
				operations.add(new BookedOperations.Operation("OP-" + (i * 10), trade,
						Seeds.between(random, 1, 24) / 4.0, LABOUR_RATES_EUR_PER_HOUR.get(trade)));
			}
			return new BookedOperations(workOrderId, List.copyOf(operations));
		});
	}

	/**
	 * The trade of an operation code, as the plant's operation catalogue names them:
	 * {@code PAINT…} codes are paint work, {@code BODY…}, {@code GLASS…} and
	 * {@code WINDSCREEN…} codes bodywork, every other code (DTC fixes {@code FIX-…},
	 * brakes, engine, inspections) mechanics.
	 */
	static String tradeOf(String code) {
		String upper = (code == null) ? "" : code.toUpperCase(Locale.ROOT);
		if (upper.startsWith("PAINT")) {
			return LabourEstimate.Operation.PAINT;
		}
		if (upper.startsWith("BODY") || upper.startsWith("GLASS") || upper.startsWith("WINDSCREEN")) {
			return LabourEstimate.Operation.BODYWORK;
		}
		return LabourEstimate.Operation.MECHANICS;
	}

}
