package fr.refactory.plant.btb;

import java.time.LocalDate;

/**
 * What a pack's BMS stores about the pack as made (EU Battery Regulation 2023/1542, Annex
 * VII/XIII: the static data of the battery passport): who made it, when, its model,
 * chemistry and rated values.
 *
 * @param chemistry NMC, NCA, LFP, LMO or OTHER
 */
public record PackIdentity(String manufacturer, String manufacturerSerial, String modelReference,
		LocalDate manufacturedOn, String chemistry, Double ratedCapacityKwh, Double nominalVoltageV, Double massKg,
		Integer moduleCount, Integer cellCount) {
}
