package fr.refactory.engine;

/** Small DMN documents for tests. */
public final class Dmn {

	private Dmn() {
	}

	public static String literal(String decisionId, String feel) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="drd-%1$s" name="DRD %1$s"
				    namespace="http://camunda.org/schema/1.0/dmn">
				  <decision id="%1$s" name="Decision %1$s">
				    <literalExpression><text>%2$s</text></literalExpression>
				  </decision>
				</definitions>
				""".formatted(decisionId, feel);
	}

	/**
	 * A FIRST hit-policy table: input {@code amount}, output {@code risk}; rules: > 100
	 * high, otherwise low.
	 */
	public static String riskTable(String decisionId) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="drd-%1$s" name="DRD %1$s"
				    namespace="http://camunda.org/schema/1.0/dmn">
				  <decision id="%1$s" name="Risk %1$s">
				    <decisionTable id="table-%1$s" hitPolicy="FIRST">
				      <input id="inAmount" label="Amount">
				        <inputExpression id="inAmountExpr" typeRef="number"><text>amount</text></inputExpression>
				      </input>
				      <output id="outRisk" label="Risk" name="risk" typeRef="string"/>
				      <rule id="ruleHigh">
				        <inputEntry id="ie1"><text>&gt; 100</text></inputEntry>
				        <outputEntry id="oe1"><text>"high"</text></outputEntry>
				      </rule>
				      <rule id="ruleLow">
				        <inputEntry id="ie2"><text>-</text></inputEntry>
				        <outputEntry id="oe2"><text>"low"</text></outputEntry>
				      </rule>
				    </decisionTable>
				  </decision>
				</definitions>
				""".formatted(decisionId);
	}

	/**
	 * A FIRST hit-policy table comparing the date variable {@code deadline} with FEEL's
	 * {@code today()}: before today "overdue", otherwise "in time".
	 */
	public static String deadlineTable(String decisionId) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="drd-%1$s" name="DRD %1$s"
				    namespace="http://camunda.org/schema/1.0/dmn">
				  <decision id="%1$s" name="Deadline %1$s">
				    <decisionTable id="table-%1$s" hitPolicy="FIRST">
				      <input id="inDeadline" label="Deadline">
				        <inputExpression id="inDeadlineExpr" typeRef="date"><text>date(deadline)</text></inputExpression>
				      </input>
				      <output id="outVerdict" label="Verdict" name="verdict" typeRef="string"/>
				      <rule id="ruleOverdue">
				        <inputEntry id="ie1"><text>&lt; today()</text></inputEntry>
				        <outputEntry id="oe1"><text>"overdue"</text></outputEntry>
				      </rule>
				      <rule id="ruleInTime">
				        <inputEntry id="ie2"><text>-</text></inputEntry>
				        <outputEntry id="oe2"><text>"in time"</text></outputEntry>
				      </rule>
				    </decisionTable>
				  </decision>
				</definitions>
				"""
			.formatted(decisionId);
	}

}
