package fr.refactory.plant.eol;

/**
 * HV commissioning measurements (domain brief §3.3 step 3.12).
 *
 * @param isolationDcOhmPerV isolation resistance of the DC bus, Ω per volt of working
 * voltage
 * @param isolationAcOhmPerV isolation resistance of the AC bus; {@code null} when the
 * tester measured no AC bus (none galvanically separate and not double-insulated)
 * @param bondingResistanceOhm equipotential bonding, measured at ≥ 0.2 A
 */
public record HvTestResults(String vin, String equipmentId, double isolationDcOhmPerV, Double isolationAcOhmPerV,
		double bondingResistanceOhm, boolean obdLampOff, boolean chargeTestOk) {
}
