package fr.refactory.processes;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every timer of the eight models and its unit (issue 21, ADR 0700): a timer the domain
 * brief counts in working days (§3.9 T2, T4, T7; §3.3 conversion target; §3.4 core
 * inspection; §3.5 quality escalation; §3.7 document reminders) reads a due date that a
 * {@code calendar.dueDate} task computed in working days, never a calendar duration.
 */
class TimerUnitsTest {

	/**
	 * "process#timer" → its value: an ISO duration as written, or "n WD" / "n WH" read
	 * through its due-date task.
	 */
	private static final Map<String, String> EXPECTED = new TreeMap<>(Map.ofEntries(
			Map.entry("vehicle-intake#timer-t1-registration-sla", "PT4H"),
			Map.entry("vehicle-intake#timer-t2-document-reminder", "2 WD"),
			Map.entry("vehicle-intake#timer-t2-document-escalation", "5 WD"),
			Map.entry("diagnosis#timer-t4-diagnosis-sla", "1 WD"), Map.entry("diagnosis#timer-t6-repair-stage", "P8D"),
			Map.entry("lcv-retrofit#timer-t7-kit-late", "2 WD"),
			Map.entry("lcv-retrofit#timer-t7-kit-very-late", "10 WD"),
			Map.entry("lcv-retrofit#timer-conversion-work-target", "5 WD"),
			Map.entry("lcv-retrofit#timer-t8-registration-reminder", "P21D"),
			Map.entry("lcv-retrofit#timer-t8-registration-escalation", "P30D"),
			Map.entry("lcv-retrofit#timer-t17-satisfaction-survey", "P6M"),
			Map.entry("remanufacture#timer-t12-core-reminder", "P30D"),
			Map.entry("remanufacture#timer-t12-core-credit-limit", "P180D"),
			Map.entry("remanufacture#timer-core-inspection-sla", "2 WD"),
			Map.entry("quality-gate#timer-t13-manual-checks-pending", "PT8H"),
			Map.entry("quality-gate#timer-t14-containment-start", "PT1H"),
			Map.entry("quality-gate#timer-escalation-pending", "2 WD"),
			Map.entry("battery-triage#timer-t11-triage-sla",
					"=if suspectedDamage = true or mode = \"SUSPECT_VEHICLE\" then \"PT4H\" else \"PT24H\""),
			Map.entry("battery-triage#timer-next-temperature-reading", "PT4H"),
			Map.entry("battery-triage#timer-wait-for-bms-bench", "PT4H"),
			Map.entry("battery-triage#timer-wait-for-capacity-bench", "PT4H"),
			Map.entry("battery-triage#timer-t11-bench-unavailable", "P2D"),
			Map.entry("battery-triage#timer-second-life-unassigned", "P90D"),
			Map.entry("dismantling#timer-first-document-reminder", "2 WD"),
			Map.entry("dismantling#timer-second-document-reminder", "5 WD"),
			Map.entry("dismantling#timer-documents-decision", "10 WD"),
			Map.entry("dismantling#timer-t15-cod-escalation", "P10D"),
			// each level's delay from decision escalation-ladder (ISO durations there,
			// ADR 0712)
			Map.entry("escalation-ladder#timer-level-delay", "=ladderLevel.delay"),
			// T9 (issue 22, ADR 0920): calendar dates the record task computes from the
			// authorisation's last valid day and the master data's lead time
			Map.entry("installer-authorisation#timer-t9-authorisation-warning",
					"=date and time(authorisationWarningAt)"),
			Map.entry("installer-authorisation#timer-t9-authorisation-expired",
					"=date and time(authorisationExpiresAt)")));

	/**
	 * The timers the brief gives in working days ("WD", §3.3, §3.4, §3.5, §3.7, §3.9).
	 */
	private static final Set<String> BRIEF_WORKING_DAYS = Set.of("vehicle-intake#timer-t2-document-reminder",
			"vehicle-intake#timer-t2-document-escalation", "diagnosis#timer-t4-diagnosis-sla",
			"lcv-retrofit#timer-t7-kit-late", "lcv-retrofit#timer-t7-kit-very-late",
			"lcv-retrofit#timer-conversion-work-target", "remanufacture#timer-core-inspection-sla",
			"quality-gate#timer-escalation-pending", "dismantling#timer-first-document-reminder",
			"dismantling#timer-second-document-reminder", "dismantling#timer-documents-decision");

	private static final Pattern DUE_DATE = Pattern.compile("^=date and time\\((\\w+)\\)$");

	@Test
	void shouldCountInWorkingDaysEveryTimerTheBriefGivesInWorkingDays() {
		Map<String, String> timers = timersOfTheModels();
		timers.forEach((timer, unit) -> System.out.printf("%-55s %s%n", timer, unit));

		for (String timer : BRIEF_WORKING_DAYS) {
			assertThat(timers.get(timer)).as("%s is in working days in the brief", timer).matches("\\d+ WD");
		}
		assertThat(timers).isEqualTo(EXPECTED);
	}

	private static Map<String, String> timersOfTheModels() {
		Map<String, String> timers = new TreeMap<>();
		ProcessModels.bpmnFiles().forEach((file) -> {
			BpmnModelInstance model = ProcessModels.read(file);
			Map<String, String> workingTimes = dueDateHeaders(model);
			for (TimerEventDefinition definition : model.getModelElementsByType(TimerEventDefinition.class)) {
				String value = value(definition);
				Matcher dueDate = DUE_DATE.matcher(value);
				String unit = dueDate.matches() ? workingTimes.getOrDefault(dueDate.group(1), value) : value;
				timers.put(ProcessModels.processId(file) + "#" + ((BaseElement) definition.getParentElement()).getId(),
						unit);
			}
		});
		return timers;
	}

	/**
	 * variable → working time, from the headers of the model's {@code calendar.dueDate}
	 * tasks.
	 */
	private static Map<String, String> dueDateHeaders(BpmnModelInstance model) {
		Map<String, String> workingTimes = new HashMap<>();
		for (ZeebeTaskDefinition task : model.getModelElementsByType(ZeebeTaskDefinition.class)) {
			if ("calendar.dueDate".equals(task.getType())) {
				for (ZeebeHeader header : task.getParentElement()
					.getChildElementsByType(io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders.class)
					.stream()
					.flatMap((headers) -> headers.getHeaders().stream())
					.toList()) {
					workingTimes.put(header.getKey(), header.getValue());
				}
			}
		}
		return workingTimes;
	}

	private static String value(TimerEventDefinition definition) {
		if (definition.getTimeDate() != null) {
			return definition.getTimeDate().getTextContent().strip();
		}
		if (definition.getTimeDuration() != null) {
			return definition.getTimeDuration().getTextContent().strip();
		}
		return definition.getTimeCycle().getTextContent().strip();
	}

}
