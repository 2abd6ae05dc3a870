package fr.refactory.console.operations;

/** A token an operations engineer may move: an active element instance. */
record ActiveElement(long elementInstanceKey, String elementId, String name, boolean incident) {

	public String label() {
		return (this.name == null || this.name.isBlank() ? this.elementId : this.name + " (" + this.elementId + ")")
				+ (this.incident ? " — incident" : "");
	}

}
