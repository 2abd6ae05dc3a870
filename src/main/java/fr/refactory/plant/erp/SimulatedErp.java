package fr.refactory.plant.erp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Random;

import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.simulation.Seeds;
import fr.refactory.plant.simulation.Simulation;

/**
 * An ERP whose master data and prices derive from the VIN and part numbers. VINs starting
 * {@code VF1} are Renault vehicles it knows (Master vans when the fourth character is
 * {@code M}); others are unknown. A known VIN whose serial ends
 * {@link #COLLECTION_SERIAL} is registered as a collection vehicle, one ending
 * {@link #NOT_FRENCH_SERIAL} is not registered in France in a definitive series (ADR
 * 0318).
 */
public class SimulatedErp implements Erp {

	/**
	 * Serial ending of a vehicle the ERP has no market valuation for (D3 VALUE_MISSING).
	 */
	public static final String NO_VALUATION_SERIAL = "99999";

	/** Serial ending of a vehicle registered as a collection vehicle (D4 rule 4). */
	public static final String COLLECTION_SERIAL = "77777";

	/**
	 * Serial ending of a vehicle not registered in France in a definitive series (D4 rule
	 * 3).
	 */
	public static final String NOT_FRENCH_SERIAL = "88888";

	private static final BigDecimal LABOUR_RATE_EUR = new BigDecimal("65.00");

	/**
	 * Renault's world manufacturer identifier and the Zoe's model code (VF1AG…): a
	 * battery-electric Zoe (AS-12, AS-40).
	 */
	public static final String ZOE_WMI_AND_MODEL = "VF1AG";

	private static final int[] MASTER_POWERS_KW = { 75, 92, 110 };

	private final Simulation simulation;

	public SimulatedErp(Simulation simulation) {
		this.simulation = simulation;
	}

	@Override
	public Optional<VehicleMasterData> findVehicleMasterData(String vin) {
		return this.simulation.answer(() -> vin.startsWith("VF1") ? Optional.of(masterData(vin)) : Optional.empty());
	}

	@Override
	public CostEstimate costEstimate(CostRequest request) {
		return this.simulation.answer(() -> {
			BigDecimal labour = LABOUR_RATE_EUR.multiply(BigDecimal.valueOf(request.labourHours()));
			BigDecimal parts = request.parts()
				.stream()
				.map((line) -> priceOf(line.partNumber()).multiply(BigDecimal.valueOf(line.quantity())))
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			return new CostEstimate(request.subjectKey(), money(labour), money(parts), money(labour.add(parts)),
					marketValue(request));
		});
	}

	@Override
	public PurchaseOrder createPurchaseOrder(IdempotencyKey key, PurchaseOrderRequest request) {
		return this.simulation.once("createPurchaseOrder", key,
				() -> new PurchaseOrder(Seeds.id("PO", key), request.itemReference(), request.dueDate()));
	}

	@Override
	public ErpDocument post(IdempotencyKey key, ErpPosting posting) {
		return this.simulation.once("post", key,
				() -> new ErpDocument(Seeds.id(posting.kind().prefix(), key), posting.kind(), posting.subjectKey()));
	}

	private static VehicleMasterData masterData(String vin) {
		Random random = Seeds.random("vehicle", vin);
		if (vin.startsWith(ZOE_WMI_AND_MODEL)) {
			return new VehicleMasterData(vin, "RENAULT", "ZOE", "ZOE R135", "M10RENVP" + vin.substring(11, 15), "M1",
					LocalDate.of(2013, 1, 1).plusDays(Seeds.between(random, 0, 3600)), "BEV", 100,
					Seeds.between(random, 1480, 1580), 1988, !vin.endsWith(NOT_FRENCH_SERIAL),
					vin.endsWith(COLLECTION_SERIAL));
		}
		boolean master = vin.length() > 3 && vin.charAt(3) == 'M';
		LocalDate firstRegistration = LocalDate.of(2010, 1, 1).plusDays(Seeds.between(random, 0, 5000));
		if (master) {
			int power = MASTER_POWERS_KW[random.nextInt(MASTER_POWERS_KW.length)];
			return new VehicleMasterData(vin, "RENAULT", "MASTER_III", "MASTER III 2.3 dCi",
					"M10RENVP" + vin.substring(11, 15), "N1", firstRegistration, "ICE_DIESEL", power,
					Seeds.between(random, 1900, 2300), 3500, !vin.endsWith(NOT_FRENCH_SERIAL),
					vin.endsWith(COLLECTION_SERIAL));
		}
		return new VehicleMasterData(vin, "RENAULT", "CLIO", "CLIO V", "M10RENVP" + vin.substring(11, 15), "M1",
				firstRegistration, "ICE_PETROL", 74, Seeds.between(random, 1050, 1250), 1650,
				!vin.endsWith(NOT_FRENCH_SERIAL), vin.endsWith(COLLECTION_SERIAL));
	}

	/**
	 * A used-vehicle valuation: 25,000 EUR new, 15 % less a year since first
	 * registration, 1,000 EUR floor; none without a first registration or for a VIN whose
	 * serial ends {@link #NO_VALUATION_SERIAL}.
	 */
	private BigDecimal marketValue(CostRequest request) {
		if (request.firstRegistrationDate() == null || request.subjectKey().endsWith(NO_VALUATION_SERIAL)) {
			return null;
		}
		long years = ChronoUnit.YEARS.between(request.firstRegistrationDate(),
				LocalDate.ofInstant(this.simulation.now(), ZoneOffset.UTC));
		return money(BigDecimal.valueOf(Math.max(1000.0, Math.round(25000.0 * Math.pow(0.85, years)))));
	}

	private static BigDecimal priceOf(String partNumber) {
		return BigDecimal.valueOf(Seeds.between(Seeds.random("price", partNumber), 1000, 90000), 2);
	}

	private static BigDecimal money(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP);
	}

}
