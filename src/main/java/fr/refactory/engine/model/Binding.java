package fr.refactory.engine.model;

import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;

/**
 * Which version of a linked process, decision or form an element uses
 * ({@code bindingType}, {@code versionTag} of {@code zeebe:calledElement},
 * {@code zeebe:calledDecision}, {@code zeebe:formDefinition}).
 */
public record Binding(Type type, String versionTag) {

	public static final Binding LATEST = new Binding(Type.LATEST, null);

	/**
	 * Zeebe's validation already requires a version tag with
	 * {@code bindingType="versionTag"}.
	 */
	public static Binding of(ZeebeBindingType type, String versionTag) {
		if (type == null || type == ZeebeBindingType.latest) {
			return LATEST;
		}
		return type == ZeebeBindingType.deployment ? new Binding(Type.DEPLOYMENT, null)
				: new Binding(Type.VERSION_TAG, versionTag);
	}

	/** {@code latest}: the newest version when the element activates. */
	public enum Type {

		LATEST, DEPLOYMENT, VERSION_TAG

	}

	/** How an incident names the binding, as the Zeebe attribute does. */
	public String describe() {
		return switch (this.type) {
			case LATEST -> "latest";
			case DEPLOYMENT -> "deployment";
			case VERSION_TAG -> "versionTag '" + this.versionTag + "'";
		};
	}

}
