package fr.refactory.workers.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.camunda.client.api.response.ActivatedJob;

/** Typed, forgiving reads of a job's variables and custom headers (FEEL numbers arrive as any Number). */
public final class Vars {

	private final ActivatedJob job;

	private final Map<String, Object> variables;

	private Vars(ActivatedJob job) {
		this.job = job;
		Map<String, Object> read = job.getVariablesAsMap();
		this.variables = (read != null) ? read : Map.of();
	}

	public static Vars of(ActivatedJob job) {
		return new Vars(job);
	}

	public Object get(String name) {
		return this.variables.get(name);
	}

	/** The first of the names that holds a non-blank value, else null. */
	public String text(String... names) {
		for (String name : names) {
			Object value = this.variables.get(name);
			if (value != null && !value.toString().isBlank()) {
				return value.toString();
			}
		}
		return null;
	}

	public String textOr(String fallback, String... names) {
		String value = text(names);
		return (value != null) ? value : fallback;
	}

	public String requireText(String... names) {
		String value = text(names);
		if (value == null) {
			throw new MissingVariableException(this.job.getType() + ": expected variable " + String.join(" or ", names) + ", but it was absent");
		}
		return value;
	}

	/** A task header, else the variable of the same name (the README allows either for {@code location}). */
	public String header(String name) {
		String header = this.job.getCustomHeaders().get(name);
		return (header != null && !header.isBlank()) ? header : text(name);
	}

	public String requireHeader(String name) {
		String value = header(name);
		if (value == null) {
			throw new MissingVariableException(this.job.getType() + ": expected task header or variable " + name + ", but it was absent");
		}
		return value;
	}

	public Double decimal(String name) {
		Object value = this.variables.get(name);
		if (value instanceof Number number) {
			return number.doubleValue();
		}
		if (value instanceof String text && !text.isBlank()) {
			return Double.valueOf(text.trim());
		}
		return null;
	}

	public double decimalOr(double fallback, String name) {
		Double value = decimal(name);
		return (value != null) ? value : fallback;
	}

	public Integer integer(String name) {
		Double value = decimal(name);
		return (value != null) ? (int) Math.round(value) : null;
	}

	public boolean flag(String name) {
		Object value = this.variables.get(name);
		return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
	}

	public LocalDate date(String name) {
		String text = text(name);
		if (text == null) {
			return null;
		}
		return (text.length() > 10) ? OffsetDateTime.parse(text).toLocalDate() : LocalDate.parse(text);
	}

	public LocalDate dateOr(LocalDate fallback, String name) {
		LocalDate value = date(name);
		return (value != null) ? value : fallback;
	}

	@SuppressWarnings("unchecked")
	public Map<String, Object> map(String name) {
		Object value = this.variables.get(name);
		return (value instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
	}

	public List<Object> list(String name) {
		Object value = this.variables.get(name);
		return (value instanceof List<?> list) ? List.copyOf(list.stream().filter(java.util.Objects::nonNull).toList())
				: List.of();
	}

	public static BigDecimal money(double value) {
		return BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP);
	}

	/** The subject the job is about, from the quality-gate variables or the asset keys of the other processes. */
	public Subject subject() {
		String key = text("subjectKey");
		if (key != null) {
			String type = textOr("VEHICLE", "subjectType");
			return new Subject(type.startsWith("VEHICLE") ? "VEHICLE" : type.startsWith("PART") ? "PART" : type, key);
		}
		if (text("batteryId") != null && text("vin") == null) {
			return new Subject("BATTERY", text("batteryId"));
		}
		if (text("vin") != null) {
			return new Subject("VEHICLE", text("vin"));
		}
		if (text("coreSerial", "partId") != null) {
			return new Subject("PART", text("coreSerial", "partId"));
		}
		throw new MissingVariableException(this.job.getType() + ": expected a subject (subjectKey, vin, batteryId, coreSerial or partId)");
	}

	/** @param type VEHICLE, BATTERY or PART (the records' subject types) */
	public record Subject(String type, String key) {
	}

}
