package fr.refactory.console.operations;

/** An element of the instance's model a token can be moved to. */
record TargetElement(String id, String name) {

	public String label() {
		return this.name == null || this.name.isBlank() ? this.id : this.name + " (" + this.id + ")";
	}

}
