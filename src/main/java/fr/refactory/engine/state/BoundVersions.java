package fr.refactory.engine.state;

import java.util.ArrayList;
import java.util.List;

import fr.refactory.engine.model.Binding;

/**
 * The SQL condition choosing the version a binding names among a definition table's rows
 * of one id: the latest version, the latest one carrying the version tag, or the one
 * deployed in a deployment that also held the caller (decision 0290).
 */
public final class BoundVersions {

	public static final String PROCESS = "PROCESS";

	public static final String DECISION = "DECISION";

	public static final String FORM = "FORM";

	private BoundVersions() {
	}

	/**
	 * @param keyColumn the table's key column
	 * @param kind the resource kind recorded in {@code engine_deployment_resource}
	 * @param callerDefinitionKey the process definition whose element binds
	 * @return a condition to append with {@code and}, and its arguments in order
	 */
	public static Condition condition(Binding binding, String keyColumn, String kind, String resourceId,
			long callerDefinitionKey) {
		List<Object> args = new ArrayList<>();
		String sql = switch (binding.type()) {
			case LATEST -> "true";
			case VERSION_TAG -> {
				args.add(binding.versionTag());
				yield "version_tag = ?";
			}
			case DEPLOYMENT -> {
				args.add(kind);
				args.add(resourceId);
				args.add(callerDefinitionKey);
				yield keyColumn + " in (select r.definition_key from engine_deployment_resource r"
						+ " where r.resource_kind = ? and r.resource_id = ? and r.deployment_key in"
						+ " (select c.deployment_key from engine_deployment_resource c where c.definition_key = ?))";
			}
		};
		return new Condition(sql, List.copyOf(args));
	}

	/** A SQL condition and its arguments. */
	public record Condition(String sql, List<Object> args) {

		public Object[] argsAfter(Object... leading) {
			List<Object> all = new ArrayList<>(List.of(leading));
			all.addAll(this.args);
			return all.toArray();
		}

	}

}
