package fr.refactory.plant.btb;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What the battery's BMS reports, with what the bench knows of the pack's design. A BMS
 * that does not answer the bench reports nothing: its values are null (ADR 0474).
 *
 * @param faultHistory stored fault codes
 * @param moduleRepairable whether the pack's design allows module replacement and new
 * modules are available for it (D7's {@code moduleRepairable}); a sealed pack answers
 * false
 * @param identity the pack as made, as its BMS stores it; {@code null} when the BMS does
 * not answer
 */
public record BmsReading(String batteryId, Double sohPct, Double socPct, Integer cycleCount, Integer cellMinMv,
		Integer cellMaxMv, List<Double> moduleTemperaturesC, Double isolationOhmPerV, List<String> faultHistory,
		boolean moduleRepairable, PackIdentity identity) {

	/**
	 * What the bench reads from a pack whose BMS stays silent: nothing but the pack's
	 * design.
	 */
	public static BmsReading silent(String batteryId, boolean moduleRepairable) {
		return new BmsReading(batteryId, null, null, null, null, null, List.of(), null, List.of(), moduleRepairable,
				null);
	}

	/** Whether the BMS answered the bench at all. */
	@JsonIgnore
	public boolean bmsAnswered() {
		return this.sohPct != null;
	}

}
