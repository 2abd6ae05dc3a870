package fr.refactory.records;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Unique keys for tests that share one database. */
final class TestKeys {

	private static final String VIN_CHARACTERS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

	private TestKeys() {
	}

	/** A random valid VIN starting with Renault's WMI. */
	static String vin() {
		StringBuilder vin = new StringBuilder("VF1");
		for (int i = 0; i < 14; i++) {
			vin.append(VIN_CHARACTERS.charAt(ThreadLocalRandom.current().nextInt(VIN_CHARACTERS.length())));
		}
		return vin.toString();
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID();
	}

}
