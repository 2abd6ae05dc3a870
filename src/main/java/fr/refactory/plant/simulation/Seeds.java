package fr.refactory.plant.simulation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

import fr.refactory.plant.IdempotencyKey;

/**
 * Deterministic values for simulated plant systems: the same VIN, serial or idempotency
 * key always gives the same answer, so demos and tests repeat.
 */
public final class Seeds {

	private Seeds() {
	}

	/** A random generator seeded from the SHA-256 of the given parts. */
	public static Random random(String... parts) {
		byte[] digest = sha256(String.join("|", parts));
		long seed = 0;
		for (int i = 0; i < Long.BYTES; i++) {
			seed = (seed << 8) | (digest[i] & 0xff);
		}
		return new Random(seed);
	}

	/**
	 * An id such as {@code WO-3F2A9C01B7} that is the same every time the same key asks
	 * for it.
	 */
	public static String id(String prefix, IdempotencyKey key) {
		return id(prefix, key.value());
	}

	public static String id(String prefix, String seed) {
		return prefix + "-" + HexFormat.of().withUpperCase().formatHex(sha256(prefix + "|" + seed), 0, 5);
	}

	public static String sha256Hex(String text) {
		return HexFormat.of().formatHex(sha256(text));
	}

	/** An integer in [min, max] drawn from the generator. */
	public static int between(Random random, int min, int max) {
		return min + random.nextInt(max - min + 1);
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Expected every JVM to provide SHA-256", ex);
		}
	}

}
