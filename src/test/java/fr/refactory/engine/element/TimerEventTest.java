package fr.refactory.engine.element;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import fr.refactory.engine.EngineClock;
import fr.refactory.engine.clock.ControlledClock;
import fr.refactory.engine.timer.TimerChecker;
import fr.refactory.test.EngineTestSupport;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Timer intermediate catch events and timer start events, driven by the engine clock. */
class TimerEventTest extends EngineTestSupport {

	private final EngineClock clock = new EngineClock(baseUrl());

	@Autowired
	private ControlledClock engineClock;

	@Autowired
	private TimerChecker timerChecker;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	private String waitingProcess(
			java.util.function.Consumer<io.camunda.zeebe.model.bpmn.builder.IntermediateCatchEventBuilder> timer) {
		String processId = uniqueId("timer-catch");
		var builder = Bpmn.createExecutableProcess(processId).startEvent("start").intermediateCatchEvent("wait");
		timer.accept(builder);
		deploy(builder.endEvent("end").done());
		return processId;
	}

	@Test
	void shouldWaitForATimeDurationAndContinueOnceTheEngineClockPassesIt() {
		String processId = waitingProcess((e) -> e.timerWithDuration("PT10M"));
		long instance = start(processId);
		assertThat(history(instance)).containsExactly("start:COMPLETED", "wait:ACTIVE");

		this.clock.add(Duration.ofMinutes(5));
		assertThat(history(instance)).containsExactly("start:COMPLETED", "wait:ACTIVE");

		this.clock.add(Duration.ofMinutes(6));
		assertThat(history(instance)).containsExactly("start:COMPLETED", "wait:COMPLETED", "end:COMPLETED");
		assertThat(state(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
	}

	@Test
	void shouldEvaluateFeelTimerExpressionsWithTheInstanceVariables() {
		String byDuration = waitingProcess(
				(e) -> e.timerWithDurationExpression("if urgent then \"PT1H\" else duration(\"P2D\")"));
		String byDate = waitingProcess(
				(e) -> e.timerWithDateExpression("date and time(promisedAt) + duration(\"P1D\")"));
		long urgent = start(byDuration, Map.of("urgent", true));
		long relaxed = start(byDuration, Map.of("urgent", false));
		long dated = start(byDate, Map.of("promisedAt", Instant.now().plus(Duration.ofHours(2)).toString()));

		this.clock.add(Duration.ofMinutes(61));
		assertThat(state(urgent)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(state(relaxed)).isEqualTo(ProcessInstanceState.ACTIVE);
		assertThat(state(dated)).isEqualTo(ProcessInstanceState.ACTIVE);

		this.clock.add(Duration.ofHours(26));
		assertThat(state(dated)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(state(relaxed)).isEqualTo(ProcessInstanceState.ACTIVE);

		this.clock.add(Duration.ofHours(22));
		assertThat(state(relaxed)).isEqualTo(ProcessInstanceState.COMPLETED);
	}

	@Test
	void shouldWaitForAnIsoDateAndAcceptCalendarDurations() {
		String byDate = waitingProcess((e) -> e.timerWithDate(Instant.now().plus(Duration.ofHours(3)).toString()));
		String byMonths = waitingProcess((e) -> e.timerWithDuration("P1M"));
		long dated = start(byDate);
		long monthly = start(byMonths);

		this.clock.add(Duration.ofHours(4));
		assertThat(state(dated)).isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(state(monthly)).isEqualTo(ProcessInstanceState.ACTIVE);

		this.clock.add(Duration.ofDays(32));
		assertThat(state(monthly)).isEqualTo(ProcessInstanceState.COMPLETED);
	}

	@Test
	void shouldRaiseAnIncidentWhenTheTimerExpressionIsNotATimer() {
		String processId = waitingProcess((e) -> e.timerWithDurationExpression("delay"));
		long instance = start(processId, Map.of("delay", "soon"));

		assertThat(incidents(instance)).singleElement().satisfies((incident) -> {
			assertThat(incident.getErrorType().name()).isEqualTo("EXTRACT_VALUE_ERROR");
			assertThat(incident.getElementId()).isEqualTo("wait");
		});
		assertThat(history(instance)).containsExactly("start:COMPLETED", "wait:ACTIVE");
	}

	@Test
	void shouldStartAnInstanceWhenATimerStartDateIsReached() {
		String processId = uniqueId("timer-start-date");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("at")
			.timerWithDate(Instant.now().plus(Duration.ofHours(1)).toString())
			.userTask("handle", (t) -> t.zeebeUserTask())
			.done());
		assertThat(instancesOf(processId)).isZero();

		this.clock.add(Duration.ofMinutes(61));
		assertThat(instancesOf(processId)).isEqualTo(1);
		long instance = this.client.newProcessInstanceSearchRequest()
			.filter((f) -> f.processDefinitionId(processId))
			.send()
			.join()
			.items()
			.get(0)
			.getProcessInstanceKey();
		assertThat(history(instance)).containsExactly("at:COMPLETED", "handle:ACTIVE");

		this.clock.add(Duration.ofDays(1));
		assertThat(instancesOf(processId)).isEqualTo(1);
	}

	@Test
	void shouldStartAnInstancePerRepetitionOfATimerStartCycle() {
		String processId = uniqueId("timer-start-cycle");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("every")
			.timerWithCycle("R2/PT10M")
			.endEvent()
			.done());

		this.clock.add(Duration.ofMinutes(11));
		assertThat(instancesOf(processId)).isEqualTo(1);
		this.clock.add(Duration.ofMinutes(10));
		assertThat(instancesOf(processId)).isEqualTo(2);
		this.clock.add(Duration.ofMinutes(30));
		assertThat(instancesOf(processId)).isEqualTo(2);
	}

	@Test
	void shouldStartACycleAtItsStartDateWhoseZoneIdHasASlash() {
		ZonedDateTime begin = this.engineClock.instant()
			.plus(Duration.ofHours(2))
			.atZone(ZoneId.of("Europe/Berlin"))
			.truncatedTo(ChronoUnit.SECONDS);
		String cycle = "R2/" + DateTimeFormatter.ISO_ZONED_DATE_TIME.format(begin) + "/P1D";
		assertThat(cycle).as("the docs' form, e.g. R/2022-01-01T10:00:00+02:00[Europe/Berlin]/P1D")
			.contains("[Europe/Berlin]");
		String processId = uniqueId("timer-start-zoned");
		deploy(Bpmn.createExecutableProcess(processId).startEvent("daily").timerWithCycle(cycle).endEvent().done());

		this.clock.add(Duration.ofHours(1));
		assertThat(instancesOf(processId)).as("before the start date").isZero();
		this.clock.add(Duration.ofHours(2));
		assertThat(instancesOf(processId)).as("at the start date").isEqualTo(1);
		this.clock.add(Duration.ofDays(1));
		assertThat(instancesOf(processId)).as("one interval later").isEqualTo(2);
		this.clock.add(Duration.ofDays(1));
		assertThat(instancesOf(processId)).as("two repetitions only").isEqualTo(2);
	}

	@Test
	void shouldStartAnInstanceAtEveryCronOccurrence() {
		String processId = uniqueId("timer-start-cron");
		deploy(Bpmn.createExecutableProcess(processId)
			.startEvent("hourly")
			.timerWithCycle("0 0 * * * *")
			.endEvent()
			.done());

		this.clock.add(Duration.ofMinutes(61));
		assertThat(instancesOf(processId)).isEqualTo(1);
		this.clock.add(Duration.ofMinutes(60));
		assertThat(instancesOf(processId)).isEqualTo(2);
	}

	@Test
	void shouldReplaceTheStartTimerOfTheEarlierVersionWhenANewVersionIsDeployed() {
		String processId = uniqueId("timer-start-replaced");
		deploy(Bpmn.createExecutableProcess(processId).startEvent("every").timerWithCycle("R/PT10M").endEvent().done());
		deploy(Bpmn.createExecutableProcess(processId).startEvent("manual").endEvent("done").done());

		this.clock.add(Duration.ofMinutes(11));
		assertThat(instancesOf(processId)).isZero();
	}

	@Test
	void shouldFireEachDueTimerOnceWhenSeveralCheckersRunAtTheSameTime() throws Exception {
		String processId = waitingProcess((e) -> e.timerWithDuration("PT5M"));
		List<Long> instances = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			instances.add(start(processId));
		}
		this.engineClock.add(Duration.ofMinutes(6));

		ExecutorService checkers = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> runs = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				runs.add(checkers.submit(this.timerChecker::checkNow));
			}
			for (Future<?> run : runs) {
				run.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			checkers.shutdownNow();
		}

		for (long instance : instances) {
			assertThat(history(instance)).containsExactly("start:COMPLETED", "wait:COMPLETED", "end:COMPLETED");
		}
	}

	private long instancesOf(String processId) {
		return this.client.newProcessInstanceSearchRequest()
			.filter((f) -> f.processDefinitionId(processId))
			.send()
			.join()
			.page()
			.totalItems();
	}

	@Test
	void shouldWriteTheEventSequenceOfATimerCatchEvent() {
		// given
		String id = uniqueId("timer-events");
		deploy(Bpmn.createExecutableProcess(id)
			.startEvent("start")
			.sequenceFlowId("toWait")
			.intermediateCatchEvent("wait")
			.timerWithDuration("PT1H")
			.sequenceFlowId("toEnd")
			.endEvent("end")
			.done());
		long key = start(id);

		// when
		this.clock.add(Duration.ofHours(2));

		// then
		assertThat(events(key)).containsExactly(id + ":ELEMENT_ACTIVATING", id + ":ELEMENT_ACTIVATED",
				"start:ELEMENT_ACTIVATING", "start:ELEMENT_ACTIVATED", "start:ELEMENT_COMPLETING",
				"start:ELEMENT_COMPLETED", "toWait:SEQUENCE_FLOW_TAKEN", "wait:ELEMENT_ACTIVATING",
				"TIMER wait:CREATED", "wait:ELEMENT_ACTIVATED", "TIMER wait:TRIGGERED", "wait:ELEMENT_COMPLETING",
				"wait:ELEMENT_COMPLETED", "toEnd:SEQUENCE_FLOW_TAKEN", "end:ELEMENT_ACTIVATING",
				"end:ELEMENT_ACTIVATED", "end:ELEMENT_COMPLETING", "end:ELEMENT_COMPLETED", id + ":ELEMENT_COMPLETING",
				id + ":ELEMENT_COMPLETED");
	}

}
