package fr.refactory.test;

/** BPMN files an attacker or a careless tool could upload (issue 19). */
public final class HostileModels {

	private HostileModels() {
	}

	/**
	 * A process whose start event carries an extension nested {@code depth} elements
	 * deep.
	 */
	public static String nestedBpmn(String processId, int depth) {
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
				+ "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:x=\"urn:x\""
				+ " id=\"d\" targetNamespace=\"urn:t\"><bpmn:process id=\"" + processId + "\" isExecutable=\"true\">"
				+ "<bpmn:startEvent id=\"start\"><bpmn:extensionElements>");
		xml.append("<x:n>".repeat(depth)).append("</x:n>".repeat(depth));
		return xml.append("</bpmn:extensionElements></bpmn:startEvent></bpmn:process></bpmn:definitions>").toString();
	}

	/**
	 * A process that waits on an intermediate timer with the static duration
	 * {@code duration}.
	 */
	public static String timerBpmn(String processId, String duration) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
				+ "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" id=\"d\""
				+ " targetNamespace=\"urn:t\"><bpmn:process id=\"" + processId + "\" isExecutable=\"true\">"
				+ "<bpmn:startEvent id=\"start\"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>"
				+ "<bpmn:sequenceFlow id=\"f1\" sourceRef=\"start\" targetRef=\"wait\"/>"
				+ "<bpmn:intermediateCatchEvent id=\"wait\"><bpmn:incoming>f1</bpmn:incoming>"
				+ "<bpmn:outgoing>f2</bpmn:outgoing><bpmn:timerEventDefinition><bpmn:timeDuration>" + duration
				+ "</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"
				+ "<bpmn:sequenceFlow id=\"f2\" sourceRef=\"wait\" targetRef=\"end\"/>"
				+ "<bpmn:endEvent id=\"end\"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent></bpmn:process>"
				+ "</bpmn:definitions>";
	}

}
