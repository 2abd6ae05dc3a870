package fr.refactory.console.models;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** An uploaded model file: {@code .bpmn}, {@code .dmn} or {@code .form}. */
public record ModelFile(String name, byte[] content) {

	public String kind() {
		int dot = this.name.lastIndexOf('.');
		return dot < 0 ? "" : this.name.substring(dot + 1).toLowerCase();
	}

	public String text() {
		return new String(this.content, StandardCharsets.UTF_8);
	}

	public String sha256() {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(this.content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
