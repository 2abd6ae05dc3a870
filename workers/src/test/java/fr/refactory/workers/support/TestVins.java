package fr.refactory.workers.support;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh valid VINs, so tests sharing one database do not meet each other's vehicles. */
public final class TestVins {

	private static final String CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

	private TestVins() {
	}

	/** A Renault Master VIN the simulated ERP knows ({@code VF1M...}). */
	public static String master() {
		return "VF1MA" + random(12);
	}

	/** A VIN the simulated ERP does not know. */
	public static String unknownToErp() {
		return "WDB" + random(14);
	}

	/** The VIN with its serial's last characters replaced (the simulated systems answer some endings specially). */
	public static String endingWith(String vin, String ending) {
		return vin.substring(0, vin.length() - ending.length()) + ending;
	}

	private static String random(int length) {
		StringBuilder vin = new StringBuilder();
		for (int i = 0; i < length; i++) {
			vin.append(CHARS.charAt(ThreadLocalRandom.current().nextInt(CHARS.length())));
		}
		return vin.toString();
	}

}
