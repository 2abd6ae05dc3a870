package fr.refactory.workers.support;

import java.util.List;
import java.util.Map;

/** Typed views of the variables a worker returns, for assertions. */
public final class Results {

	private Results() {
	}

	@SuppressWarnings("unchecked")
	public static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	public static List<Object> list(Object value) {
		return (List<Object>) value;
	}

}
