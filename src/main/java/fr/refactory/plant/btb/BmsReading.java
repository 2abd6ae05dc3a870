package fr.refactory.plant.btb;

import java.util.List;

/**
 * What the battery's BMS reports, with what the bench knows of the pack's design.
 *
 * @param faultHistory stored fault codes
 * @param moduleRepairable whether the pack's design allows module replacement and new modules are available for it
 * (D7's {@code moduleRepairable}); a sealed pack answers false
 */
public record BmsReading(String batteryId, double sohPct, double socPct, int cycleCount, int cellMinMv, int cellMaxMv,
		List<Double> moduleTemperaturesC, double isolationOhmPerV, List<String> faultHistory,
		boolean moduleRepairable) {
}
