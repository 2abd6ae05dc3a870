package fr.refactory.system.diagram;

import java.util.Set;

import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BpmnSvgTest {

	static final String MODEL = Bpmn.convertToString(Bpmn.createExecutableProcess("svg-test")
		.startEvent("start")
		.name("Vehicle arrived")
		.sequenceFlowId("flow-start-to-inspect")
		.userTask("task-inspect")
		.name("Inspect <gate>")
		.exclusiveGateway("gw-ok")
		.defaultFlow()
		.endEvent("end")
		.done());

	@Test
	void shouldDrawEveryShapeAndFlowWithItsElementId() {
		String svg = BpmnSvg.render(MODEL, DiagramState.NONE);

		assertThat(svg).startsWith("<svg").endsWith("</svg>");
		assertThat(svg).contains("data-element-id=\"start\"", "data-element-id=\"task-inspect\"",
				"data-element-id=\"gw-ok\"", "data-element-id=\"end\"");
		assertThat(svg).contains("<polyline class=\"flow\"").contains("<circle").contains("<polygon").contains("<rect");
		assertThat(svg).contains("Inspect &lt;gate&gt;").doesNotContain("Inspect <gate>");
	}

	@Test
	void shouldDrawAVersionsCountsAsBadgesAndShadeTheBusiestElementDarkest() {
		HeatMap heat = new HeatMap(java.util.Map.of("task-inspect", new HeatMap.Counts(8, 2, 30), "gw-ok",
				new HeatMap.Counts(2, 0, 0), "start", new HeatMap.Counts(0, 0, 40)));

		String svg = BpmnSvg.render(MODEL, DiagramState.NONE, heat);

		assertThat(svg).contains("<g class=\"heat\" data-active=\"8\" data-incidents=\"2\" data-completed=\"30\">")
			.contains("<g class=\"heat\" data-active=\"0\" data-incidents=\"0\" data-completed=\"40\"><g")
			.contains("fill-opacity=\"0.70\"")
			.contains("fill-opacity=\"0.26\"");
		assertThat(svg.split("class=\"heat-shade\"", -1)).as("no shade without tokens").hasSize(3);
		assertThat(svg).contains("class=\"heat-incidents\"");
		assertThat(BpmnSvg.render(MODEL, DiagramState.NONE)).doesNotContain("class=\"heat");
	}

	@Test
	void shouldMarkCompletedActiveAndIncidentElementsAndTakenFlows() {
		String firstFlow = "flow-start-to-inspect";
		DiagramState state = new DiagramState(Set.of("start"), Set.of("task-inspect"), Set.of("gw-ok"),
				Set.of(firstFlow));

		String svg = BpmnSvg.render(MODEL, state);

		assertThat(svg).contains("class=\"shape event completed\" data-element-id=\"start\"")
			.contains("class=\"shape task active\" data-element-id=\"task-inspect\"")
			.contains("class=\"shape gateway incident\" data-element-id=\"gw-ok\"")
			.contains("class=\"flow completed\" data-element-id=\"" + firstFlow + "\"")
			.contains("class=\"shape event\" data-element-id=\"end\"");
	}

	@Test
	void shouldRefuseWhatIsNotXml() {
		assertThatThrownBy(() -> BpmnSvg.render("not a model", DiagramState.NONE))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("Expected a BPMN 2.0 XML model");
	}

}
