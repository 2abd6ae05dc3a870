package fr.refactory.plant.btb;

import java.util.List;

/**
 * What the battery's BMS reports.
 *
 * @param faultHistory stored fault codes
 */
public record BmsReading(String batteryId, double sohPct, double socPct, int cycleCount, int cellMinMv, int cellMaxMv,
		List<Double> moduleTemperaturesC, double isolationOhmPerV, List<String> faultHistory) {
}
