package fr.refactory.plant.erp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Random;

import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.simulation.Seeds;
import fr.refactory.plant.simulation.Simulation;

/**
 * An ERP whose master data and prices derive from the VIN and part numbers. VINs starting {@code VF1} are Renault
 * vehicles it knows (Master vans when the fourth character is {@code M}); others are unknown.
 */
public class SimulatedErp implements Erp {

	private static final BigDecimal LABOUR_RATE_EUR = new BigDecimal("65.00");

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
			return new CostEstimate(request.subjectKey(), money(labour), money(parts), money(labour.add(parts)));
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
		boolean master = vin.length() > 3 && vin.charAt(3) == 'M';
		LocalDate firstRegistration = LocalDate.of(2010, 1, 1).plusDays(Seeds.between(random, 0, 5000));
		if (master) {
			int power = MASTER_POWERS_KW[random.nextInt(MASTER_POWERS_KW.length)];
			return new VehicleMasterData(vin, "RENAULT", "MASTER_III", "MASTER III 2.3 dCi", "M10RENVP" + vin.substring(11, 15),
					"N1", firstRegistration, "ICE_DIESEL", power, Seeds.between(random, 1900, 2300), 3500);
		}
		return new VehicleMasterData(vin, "RENAULT", "CLIO", "CLIO V", "M10RENVP" + vin.substring(11, 15), "M1",
				firstRegistration, "ICE_PETROL", 74, Seeds.between(random, 1050, 1250), 1650);
	}

	private static BigDecimal priceOf(String partNumber) {
		return BigDecimal.valueOf(Seeds.between(Seeds.random("price", partNumber), 1000, 90000), 2);
	}

	private static BigDecimal money(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP);
	}

}
