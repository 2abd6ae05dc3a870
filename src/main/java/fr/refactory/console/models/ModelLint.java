package fr.refactory.console.models;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import fr.refactory.records.PlantCalendar;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The plant's own modelling rules (ADR 1400), run by the models page before a deployment
 * and by a test on every model in {@code processes/}: one rule set, one message per
 * finding, named after its rule.
 */
public final class ModelLint {

	public static final String USER_TASK_ASSIGNMENT = "user-task-candidate-group-and-form";

	public static final String KNOWN_JOB_TYPE = "known-job-type";

	public static final String TIMER_UNIT = "timer-unit";

	static final String CALENDAR_JOB_TYPE = "calendar.dueDate";

	private final Set<String> knownJobTypes;

	/**
	 * @param knownJobTypes the types of the registered workers ({@code @JobWorker}) and
	 * of the element templates
	 */
	public ModelLint(Set<String> knownJobTypes) {
		this.knownJobTypes = Set.copyOf(knownJobTypes);
	}

	public List<Finding> lint(BpmnModelInstance model) {
		List<Finding> findings = new ArrayList<>();
		model.getModelElementsByType(UserTask.class).forEach((task) -> userTask(task, findings));
		model.getModelElementsByType(ZeebeTaskDefinition.class).forEach((definition) -> jobType(definition, findings));
		model.getModelElementsByType(TimerEventDefinition.class).forEach((timer) -> timer(timer, findings));
		return findings;
	}

	private static void userTask(UserTask task, List<Finding> findings) {
		ZeebeAssignmentDefinition assignment = task.getSingleExtensionElement(ZeebeAssignmentDefinition.class);
		if (assignment == null || blank(assignment.getCandidateGroups())) {
			findings.add(new Finding(USER_TASK_ASSIGNMENT, task.getId(), "User task '" + name(task)
					+ "' has no candidate group: name the operators' group that may claim it"));
		}
		ZeebeFormDefinition form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
		if (form == null
				|| (blank(form.getFormId()) && blank(form.getFormKey()) && blank(form.getExternalReference()))) {
			findings.add(new Finding(USER_TASK_ASSIGNMENT, task.getId(),
					"User task '" + name(task) + "' has no form: link the Camunda Form the operator fills in"));
		}
	}

	private void jobType(ZeebeTaskDefinition definition, List<Finding> findings) {
		String type = definition.getType();
		BaseElement element = owner(definition);
		if (blank(type) || type.startsWith("=")) {
			return;
		}
		if (!this.knownJobTypes.contains(type)) {
			findings.add(new Finding(KNOWN_JOB_TYPE, idOf(element), "Job type '" + type + "' of '" + name(element)
					+ "' is unknown: no worker of this application and no element template declares it"));
		}
		if (CALENDAR_JOB_TYPE.equals(type) && element != null) {
			calendarHeaders(element, findings);
		}
	}

	private static void calendarHeaders(BaseElement element, List<Finding> findings) {
		element.getExtensionElements()
			.getElementsQuery()
			.list()
			.stream()
			.flatMap((extension) -> extension.getChildElementsByType(ZeebeHeader.class).stream())
			.filter((header) -> !PlantCalendar.WORKING_TIME.matcher(String.valueOf(header.getValue())).matches())
			.forEach((header) -> findings.add(new Finding(TIMER_UNIT, element.getId(),
					"Header '" + header.getKey() + "' of '" + name(element) + "' is '" + header.getValue()
							+ "': the plant calendar knows working days and hours, e.g. '2 WD' or '8 WH'")));
	}

	private static void timer(TimerEventDefinition timer, List<Finding> findings) {
		BaseElement event = owner(timer);
		check(timer.getTimeDuration(), "duration", event, findings);
		check(timer.getTimeCycle(), "cycle", event, findings);
		check(timer.getTimeDate(), "date", event, findings);
	}

	private static void check(ModelElementInstance expression, String kind, BaseElement event, List<Finding> findings) {
		if (expression == null) {
			return;
		}
		String text = expression.getTextContent().trim();
		if (text.startsWith("=") || isIso(kind, text)) {
			return;
		}
		findings.add(new Finding(TIMER_UNIT, idOf(event),
				"Timer '" + name(event) + "' has the " + kind + " '" + text + "': write an ISO-8601 " + kind
						+ " (e.g. PT4H, P2D) or a FEEL expression; working days come from a " + CALENDAR_JOB_TYPE
						+ " task (e.g. 2 WD)"));
	}

	private static boolean isIso(String kind, String text) {
		try {
			switch (kind) {
				case "date" -> OffsetDateTime.parse(text);
				case "cycle" -> {
					String[] parts = text.split("/");
					if (parts.length < 2 || !parts[0].matches("R\\d*")) {
						return false;
					}
					return isIso("duration", parts[parts.length - 1]);
				}
				default -> duration(text);
			}
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	private static void duration(String text) {
		int time = text.indexOf('T');
		if (time < 0) {
			Period.parse(text);
		}
		else if (time == 1) {
			Duration.parse(text);
		}
		else {
			Period.parse(text.substring(0, time));
			Duration.parse("P" + text.substring(time));
		}
	}

	private static BaseElement owner(ModelElementInstance element) {
		ModelElementInstance parent = element.getParentElement();
		while (parent != null && !(parent instanceof BaseElement)) {
			parent = parent.getParentElement();
		}
		return (BaseElement) parent;
	}

	private static String idOf(BaseElement element) {
		return element == null ? "" : element.getId();
	}

	private static String name(BaseElement element) {
		if (element == null) {
			return "";
		}
		String name = element.getAttributeValue("name");
		return blank(name) ? element.getId() : name;
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	/** One broken rule: the rule's name, the element's id and what to change. */
	public record Finding(String rule, String element, String message) {
	}

}
