package fr.refactory.system.diagram;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Draws a BPMN model's diagram (its BPMN DI shapes and edges) as SVG, with the state of one process instance marked
 * by CSS classes ({@code completed}, {@code active}, {@code incident}); each shape carries its element id in
 * {@code data-element-id}. Read-only and library-free so that the console and the auditor views share it.
 */
public final class BpmnSvg {

	private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	private static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";

	private static final String DC = "http://www.omg.org/spec/DD/20100524/DC";

	private static final String DI = "http://www.omg.org/spec/DD/20100524/DI";

	private BpmnSvg() {
	}

	public static String render(String bpmnXml, DiagramState state) {
		return render(bpmnXml, state, HeatMap.NONE);
	}

	/** The diagram with a version's counts per element as badges and a shade by tokens (models page, ADR 1070). */
	public static String render(String bpmnXml, DiagramState state, HeatMap heat) {
		Document document = parse(bpmnXml);
		Map<String, Element> elements = elementsById(document);
		Bounds extent = new Bounds();
		StringBuilder body = new StringBuilder();
		NodeList edges = document.getElementsByTagNameNS(BPMNDI, "BPMNEdge");
		for (int i = 0; i < edges.getLength(); i++) {
			body.append(edge((Element) edges.item(i), state, extent));
		}
		NodeList shapes = document.getElementsByTagNameNS(BPMNDI, "BPMNShape");
		for (int i = 0; i < shapes.getLength(); i++) {
			Element shape = (Element) shapes.item(i);
			body.append(shape(shape, elements.get(shape.getAttribute("bpmnElement")), state, extent, heat));
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bpmn-diagram\" width=\"" + extent.width()
				+ "\" viewBox=\"" + extent.viewBox() + "\">" + body + "</svg>";
	}

	private static String shape(Element shape, Element element, DiagramState state, Bounds extent, HeatMap heat) {
		Element bounds = (Element) shape.getElementsByTagNameNS(DC, "Bounds").item(0);
		if (bounds == null || element == null) {
			return "";
		}
		double x = number(bounds, "x");
		double y = number(bounds, "y");
		double width = number(bounds, "width");
		double height = number(bounds, "height");
		extent.include(x, y, x + width, y + height + 20);
		String id = element.getAttribute("id");
		String kind = kindOf(element.getLocalName());
		String name = escape(element.getAttribute("name"));
		String figure = switch (kind) {
			case "event" -> circle(x, y, width, height, element);
			case "gateway" -> diamond(x, y, width, height);
			case "pool" -> "";
			default -> f("<rect x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" rx=\"10\"/>", x, y, width,
					height);
		};
		String label = kind.equals("task") || kind.equals("subprocess")
				? f("<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"middle\">%s</text>", x + width / 2,
						y + (kind.equals("subprocess") ? 16 : height / 2 + 4), name)
				: f("<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"middle\" class=\"outside\">%s</text>", 
						x + width / 2, y + height + 14, name);
		return "<g class=\"shape " + kind + state.classOf(id) + "\" data-element-id=\"" + escape(id) + "\"><title>"
				+ escape(id) + "</title>" + figure + label + heat(heat, id, x, y, width, height) + "</g>";
	}

	private static String heat(HeatMap heat, String id, double x, double y, double width, double height) {
		HeatMap.Counts counts = heat.counts().get(id);
		if (counts == null) {
			return "";
		}
		String shade = counts.tokens() == 0 ? ""
				: f("<rect class=\"heat-shade\" x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" rx=\"10\""
						+ " fill-opacity=\"%.2f\"/>", x, y, width, height,
						0.15 + 0.55 * counts.tokens() / heat.busiest());
		return "<g class=\"heat\" data-active=\"" + counts.active() + "\" data-incidents=\"" + counts.incidents()
				+ "\" data-completed=\"" + counts.completed() + "\">" + shade
				+ badge("heat-active", x - 6, y + height - 6, counts.active())
				+ badge("heat-incidents", x + width - 14, y + height - 6, counts.incidents())
				+ badge("heat-completed", x + width - 14, y - 8, counts.completed()) + "</g>";
	}

	private static String badge(String kind, double x, double y, long count) {
		return count == 0 ? "" : f("<g class=\"%s\"><rect x=\"%.0f\" y=\"%.0f\" width=\"22\" height=\"14\" rx=\"7\"/>"
				+ "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"middle\">%d</text></g>", kind, x, y, x + 11, y + 11, count);
	}

	private static String edge(Element edge, DiagramState state, Bounds extent) {
		NodeList waypoints = edge.getElementsByTagNameNS(DI, "waypoint");
		StringBuilder points = new StringBuilder();
		for (int i = 0; i < waypoints.getLength(); i++) {
			Element point = (Element) waypoints.item(i);
			double x = number(point, "x");
			double y = number(point, "y");
			extent.include(x, y, x, y);
			points.append(String.format(Locale.ROOT, "%.0f,%.0f ", x, y));
		}
		String id = edge.getAttribute("bpmnElement");
		return "<polyline class=\"flow" + state.classOf(id) + "\" data-element-id=\"" + escape(id) + "\" points=\""
				+ points.toString().trim() + "\"/>";
	}

	private static String circle(double x, double y, double width, double height, Element element) {
		boolean end = element.getLocalName().equals("endEvent");
		return f("<circle cx=\"%.0f\" cy=\"%.0f\" r=\"%.0f\"%s/>", x + width / 2, y + height / 2, width / 2,
				end ? " class=\"end\"" : "");
	}

	private static String diamond(double x, double y, double width, double height) {
		return String.format(Locale.ROOT, "<polygon points=\"%.0f,%.0f %.0f,%.0f %.0f,%.0f %.0f,%.0f\"/>",
				x + width / 2, y, x + width, y + height / 2, x + width / 2, y + height, x, y + height / 2);
	}

	private static String kindOf(String localName) {
		if (localName.endsWith("Event")) {
			return "event";
		}
		if (localName.endsWith("Gateway")) {
			return "gateway";
		}
		if (localName.equals("subProcess") || localName.equals("transaction")) {
			return "subprocess";
		}
		return localName.equals("participant") || localName.equals("lane") ? "pool" : "task";
	}

	private static Map<String, Element> elementsById(Document document) {
		Map<String, Element> byId = new HashMap<>();
		NodeList all = document.getElementsByTagNameNS(BPMN, "*");
		for (int i = 0; i < all.getLength(); i++) {
			Element element = (Element) all.item(i);
			if (element.hasAttribute("id")) {
				byId.put(element.getAttribute("id"), element);
			}
		}
		return byId;
	}

	private static Document parse(String xml) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalArgumentException("Expected a BPMN 2.0 XML model, but it could not be read: "
					+ ex.getMessage(), ex);
		}
	}

	private static double number(Element element, String attribute) {
		String value = element.getAttribute(attribute);
		return value.isEmpty() ? 0 : Double.parseDouble(value);
	}

	private static String f(String format, Object... arguments) {
		return String.format(Locale.ROOT, format, arguments);
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	/** The area the drawing covers, with a margin. */
	private static final class Bounds {

		private double minX = Double.MAX_VALUE;

		private double minY = Double.MAX_VALUE;

		private double maxX = -Double.MAX_VALUE;

		private double maxY = -Double.MAX_VALUE;

		void include(double x1, double y1, double x2, double y2) {
			this.minX = Math.min(this.minX, x1);
			this.minY = Math.min(this.minY, y1);
			this.maxX = Math.max(this.maxX, x2);
			this.maxY = Math.max(this.maxY, y2);
		}

		String width() {
			return this.minX > this.maxX ? "100" : f("%.0f", this.maxX - this.minX + 40);
		}

		String viewBox() {
			if (this.minX > this.maxX) {
				return "0 0 100 100";
			}
			return String.format(Locale.ROOT, "%.0f %.0f %.0f %.0f", this.minX - 20, this.minY - 20,
					this.maxX - this.minX + 40, this.maxY - this.minY + 40);
		}

	}

}
