package fr.refactory.plant.diag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import fr.refactory.plant.BusinessErrorCodes;
import fr.refactory.plant.PlantBusinessException;
import fr.refactory.plant.diag.VehicleReading.BmsSnapshot;
import fr.refactory.plant.diag.VehicleReading.Dtc;
import fr.refactory.plant.simulation.Seeds;
import fr.refactory.plant.simulation.Simulation;

/**
 * A diagnostic bench whose readings derive from the VIN; benches named {@code OFFLINE-…}
 * are unavailable.
 */
public class SimulatedDiagnosticBench implements DiagnosticBench {

	private static final String[] ECUS = { "ENGINE", "ABS", "AIRBAG", "BODY", "GEARBOX" };

	private final Simulation simulation;

	public SimulatedDiagnosticBench(Simulation simulation) {
		this.simulation = simulation;
	}

	@Override
	public VehicleReading readVehicleData(DiagnosticRequest request) {
		return this.simulation.answer(() -> {
			this.simulation.failIfUnreachable(request.benchId());
			if (Simulation.isOffline(request.benchId())) {
				throw new PlantBusinessException("diag", BusinessErrorCodes.BENCH_UNAVAILABLE,
						"bench " + request.benchId() + " is offline");
			}
			Random random = Seeds.random("diag", request.vin());
			return new VehicleReading(request.vin(), request.benchId(), dtcs(random),
					Seeds.between(random, 20_000, 250_000), Map.of("ENGINE", "E" + Seeds.between(random, 100, 999)),
					request.hvVehicle() ? bms(random) : null);
		});
	}

	private static List<Dtc> dtcs(Random random) {
		List<Dtc> dtcs = new ArrayList<>();
		int count = Seeds.between(random, 0, 3);
		for (int i = 0; i < count; i++) {
			String code = "P" + String.format("%04d", Seeds.between(random, 1, 3000));
			dtcs.add(new Dtc(code, ECUS[random.nextInt(ECUS.length)], random.nextBoolean() ? "ACTIVE" : "STORED"));
		}
		return dtcs;
	}

	private static BmsSnapshot bms(Random random) {
		int cellMin = Seeds.between(random, 3400, 3800);
		return new BmsSnapshot(Seeds.between(random, 600, 990) / 10.0, cellMin, cellMin + Seeds.between(random, 5, 120),
				random.nextInt(10) > 0);
	}

}
