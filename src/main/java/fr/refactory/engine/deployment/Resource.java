package fr.refactory.engine.deployment;

/** One deployed file: its name (the extension decides its kind) and raw bytes. */
public record Resource(String name, byte[] content) {

	public boolean isBpmn() {
		return this.name.endsWith(".bpmn") || this.name.endsWith(".bpmn20.xml");
	}

	public boolean isDmn() {
		return this.name.endsWith(".dmn") || this.name.endsWith(".dmn11.xml");
	}

	public boolean isForm() {
		return this.name.endsWith(".form");
	}

}
