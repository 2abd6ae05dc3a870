package fr.refactory.plant.wms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.simulation.Seeds;
import fr.refactory.plant.simulation.Simulation;

/**
 * A WMS whose stock levels, standard costs and demand derive from the part number; part
 * numbers ending in {@code X} are out of stock (never picked). A part number starting
 * with {@link #SHORT_PICK_PREFIX} is short at its first pick for a work order (the bin is
 * empty, the back order is then received), and the next pick of it for that work order
 * gets a lot. The parts issued to a work order are its picks (kept in memory) and the
 * consumables the stores counter booked out to it, which derive from the work order id.
 */
public class SimulatedWms implements Wms {

	/**
	 * Part numbers with this prefix are short at their first pick per work order; for
	 * demos and tests.
	 */
	public static final String SHORT_PICK_PREFIX = "SHORT-";

	/**
	 * Part numbers with this prefix have no active remanufacturing line at The Remakers
	 * (D10 rule 1 not met).
	 */
	public static final String NO_REMAN_LINE_PREFIX = "NOLINE-";

	/**
	 * Part numbers with this prefix are discontinued: none in stock and none to come (D3
	 * PARTS_OBSOLETE).
	 */
	public static final String OBSOLETE_PREFIX = "OBS-";

	private final Simulation simulation;

	/**
	 * Work order and part number of the short picks so far: the back order has arrived
	 * for these.
	 */
	private final Set<String> shortPicks = ConcurrentHashMap.newKeySet();

	/** The lines picked per work order. */
	private final Map<String, List<PickedParts.PickedLine>> picked = new ConcurrentHashMap<>();

	public SimulatedWms(Simulation simulation) {
		this.simulation = simulation;
	}

	@Override
	public YardLocation assignYardLocation(IdempotencyKey key, YardRequest request) {
		return this.simulation.once("assignYardLocation", key, () -> {
			int bay = Seeds.between(Seeds.random("yard", request.vin()), 1, 99);
			String code = (request.hvQuarantine() ? "HVQ-" : "Y-") + String.format("%02d", bay);
			return new YardLocation(request.vin(), code, request.hvQuarantine());
		});
	}

	@Override
	public PartAvailability availabilityOf(String partNumber, int quantity) {
		return this.simulation.answer(() -> {
			boolean obsolete = partNumber.startsWith(OBSOLETE_PREFIX);
			int inStock = obsolete ? 0 : stockOf(partNumber);
			LocalDate expectedOn = (inStock >= quantity || obsolete) ? null
					: LocalDate.ofInstant(this.simulation.now(), ZoneOffset.UTC)
						.plusDays(Seeds.between(Seeds.random("lead", partNumber), 2, 10));
			return new PartAvailability(partNumber, quantity, inStock, expectedOn, obsolete);
		});
	}

	@Override
	public PartsReservation reserveParts(IdempotencyKey key, PartsRequest request) {
		return this.simulation.once("reserveParts", key, () -> {
			List<PartLine> reserved = new ArrayList<>();
			List<PartLine> backOrdered = new ArrayList<>();
			for (PartLine line : request.lines()) {
				(stockOf(line.partNumber()) >= line.quantity() ? reserved : backOrdered).add(line);
			}
			return new PartsReservation(Seeds.id("RSV", key), request.workOrderId(), reserved, backOrdered);
		});
	}

	@Override
	public PickedParts pickParts(IdempotencyKey key, PartsRequest request) {
		return this.simulation.once("pickParts", key, () -> {
			List<PickedParts.PickedLine> lines = request.lines()
				.stream()
				.filter((line) -> inBin(request.workOrderId(), line.partNumber()))
				.map((line) -> new PickedParts.PickedLine(line.partNumber(), line.quantity(),
						Seeds.id("LOT", line.partNumber())))
				.toList();
			if (request.workOrderId() != null) {
				this.picked.computeIfAbsent(request.workOrderId(), (id) -> new CopyOnWriteArrayList<>()).addAll(lines);
			}
			return new PickedParts(Seeds.id("PICK", key), request.workOrderId(), lines);
		});
	}

	@Override
	public IssuedParts issuedTo(String workOrderId) {
		return this.simulation.answer(() -> {
			List<IssuedParts.Line> lines = new ArrayList<>(counterIssues(workOrderId));
			this.picked.getOrDefault(workOrderId, List.of())
				.forEach((line) -> lines.add(new IssuedParts.Line(line.partNumber(), line.quantity(), line.lot(),
						standardCostOf(line.partNumber()))));
			return new IssuedParts(workOrderId, List.copyOf(lines));
		});
	}

	/** Consumables the stores counter booked out to the work order, without a pick. */
	private static List<IssuedParts.Line> counterIssues(String workOrderId) {
		Random random = Seeds.random("counter", workOrderId);
		List<IssuedParts.Line> lines = new ArrayList<>();
		for (int i = 1, count = Seeds.between(random, 1, 3); i <= count; i++) {
			String partNumber = "CONS-" + Seeds.between(random, 100, 999);
			lines.add(new IssuedParts.Line(partNumber, Seeds.between(random, 1, 4), Seeds.id("LOT", partNumber),
					standardCostOf(partNumber)));
		}
		return lines;
	}

	/** The part's standard cost, EUR per unit. */
	private static BigDecimal standardCostOf(String partNumber) {
		return BigDecimal.valueOf(Seeds.between(Seeds.random("cost", partNumber), 200, 40_000), 2);
	}

	/**
	 * Whether the picker finds the part: never when out of stock, not the first time for
	 * a short-pick part.
	 */
	private boolean inBin(String workOrderId, String partNumber) {
		if (stockOf(partNumber) == 0) {
			return false;
		}
		if (partNumber.startsWith(SHORT_PICK_PREFIX)) {
			return !this.shortPicks.add(workOrderId + "|" + partNumber);
		}
		return true;
	}

	@Override
	public StockLocation putAway(IdempotencyKey key, StockMove move) {
		return this.simulation.once("putAway", key, () -> {
			int slot = Seeds.between(Seeds.random("slot", move.area(), move.subjectKey()), 1, 999);
			return new StockLocation(move.subjectKey(), move.area(), move.area() + "-" + String.format("%03d", slot));
		});
	}

	@Override
	public HarvestedPart createHarvestedPart(IdempotencyKey key, HarvestRequest request) {
		return this.simulation.once("createHarvestedPart", key, () -> {
			String partId = Seeds.id("HP", key);
			// the plant weighs each harvested part when the WMS registers it (ADR 0926)
			double massKg = Seeds.between(Seeds.random("mass", request.partNumber()), 2, 40);
			return new HarvestedPart(partId, request.donorVin(), request.partNumber(),
					request.partNumber() + " " + partId + " donor " + request.donorVin(), massKg);
		});
	}

	@Override
	public PartDemand demandFor(String partNumber) {
		return this.simulation.answer(() -> {
			Random random = Seeds.random("demand", partNumber);
			return new PartDemand(partNumber, Seeds.between(random, 0, 40), Seeds.between(random, 0, 120),
					!partNumber.startsWith(NO_REMAN_LINE_PREFIX));
		});
	}

	private static int stockOf(String partNumber) {
		return partNumber.endsWith("X") ? 0 : Seeds.between(Seeds.random("stock", partNumber), 5, 50);
	}

}
