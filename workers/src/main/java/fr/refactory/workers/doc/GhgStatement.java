package fr.refactory.workers.doc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import fr.refactory.records.RegulatoryParameters;

/**
 * The Annex IV statement: the average greenhouse-gas emissions the conversion avoids over the statement's years
 * (ADR 0912). The van's own yearly mileage (odometer over its age), times the diesel it would have burnt, less the
 * electricity the kit uses and the production of the kit's battery; every factor is master data.
 *
 * @param yearlyKm the van's yearly mileage so far
 */
record GhgStatement(int years, long yearlyKm, BigDecimal dieselKgCo2e, BigDecimal electricityKgCo2e,
		BigDecimal batteryKgCo2e, BigDecimal avoidedKgCo2e) {

	static GhgStatement compute(RegulatoryParameters factors, int odometerKm, LocalDate firstRegistration,
			LocalDate conversion, double kitBatteryKwh, double kitConsumptionKwhPer100Km) {
		int years = factors.value("GHG_STATEMENT_YEARS").intValue();
		// a van younger than a year is counted as a year old, so its mileage is not extrapolated upwards
		double ageYears = Math.max(1.0, ChronoUnit.DAYS.between(firstRegistration, conversion) / 365.25);
		long yearlyKm = Math.round(odometerKm / ageYears);
		BigDecimal km = BigDecimal.valueOf(yearlyKm * years);
		BigDecimal hundredKm = km.divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP);
		BigDecimal diesel = hundredKm.multiply(factors.value("GHG_LCV_DIESEL_L_PER_100KM"))
			.multiply(factors.value("GHG_DIESEL_KGCO2E_PER_L"));
		BigDecimal electricity = hundredKm.multiply(BigDecimal.valueOf(kitConsumptionKwhPer100Km))
			.multiply(factors.value("GHG_ELECTRICITY_FR_KGCO2E_PER_KWH"));
		BigDecimal battery = BigDecimal.valueOf(kitBatteryKwh).multiply(factors.value("GHG_BATTERY_KGCO2E_PER_KWH"));
		BigDecimal avoided = diesel.subtract(electricity).subtract(battery);
		return new GhgStatement(years, yearlyKm, kg(diesel), kg(electricity), kg(battery), kg(avoided));
	}

	private static BigDecimal kg(BigDecimal value) {
		return value.setScale(0, RoundingMode.HALF_UP);
	}

	Map<String, Object> asFields() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("years", this.years);
		fields.put("yearlyKm", this.yearlyKm);
		fields.put("dieselKgCo2e", this.dieselKgCo2e);
		fields.put("electricityKgCo2e", this.electricityKgCo2e);
		fields.put("batteryKgCo2e", this.batteryKgCo2e);
		fields.put("avoidedKgCo2e", this.avoidedKgCo2e);
		return fields;
	}

}
