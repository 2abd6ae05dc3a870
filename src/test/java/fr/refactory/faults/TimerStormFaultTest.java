package fr.refactory.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A timer storm: 500 instances wait on the same date and time, so their timers fall due
 * at once. Every timer fires once and not before it is due, the step after it is done
 * once per instance; the lag (firing after the later of the due time and the instance's
 * arrival) is printed as p50/p99.
 */
@Tag("faults")
class TimerStormFaultTest {

	private static final String PROCESS_ID = "faults-timer-storm";

	private static final int INSTANCES = 500;

	/**
	 * Enough for the 500 instances to be created on a small shared machine before their
	 * timers fall due.
	 */
	private static final Duration UNTIL_DUE = Duration.ofSeconds(45);

	private static BpmnModelInstance waitingUntil(Instant due) {
		return Bpmn.createExecutableProcess(PROCESS_ID)
			.startEvent()
			.intermediateCatchEvent("wait", (e) -> e.timerWithDate(due.toString()))
			.serviceTask("after-timer", (t) -> t.zeebeJobType("faults.after"))
			.endEvent()
			.done();
	}

	@Test
	void shouldFireEveryTimerOfAStormOnceAndCompleteEveryInstance() throws Exception {
		Path data = ProductProcess.newDataDirectory("faults-timers-");
		try (ProductProcess product = ProductProcess.start("timer-storm", data)) {
			product.awaitHealthy();
			Instant due = Instant.now().plus(UNTIL_DUE).truncatedTo(ChronoUnit.SECONDS);
			try (Workload load = new Workload(product, waitingUntil(due), PROCESS_ID, Duration.ofSeconds(30),
					"faults.after")) {
				load.createInstances(INSTANCES, 16, Map.of()).get(3, TimeUnit.MINUTES);
				load.awaitAllFinished(Duration.ofMinutes(3));

				List<ElementInstance> fired = load.completedElements("wait");
				load.assertNothingLostOrDoneTwice("wait", "after-timer");
				assertThat(fired).allSatisfy(
						(timer) -> assertThat(timer.getEndDate().toInstant()).as("fired at or after its due time")
							.isAfterOrEqualTo(due));
				long dueAtOnce = fired.stream().filter((t) -> t.getStartDate().toInstant().isBefore(due)).count();
				List<Long> lags = new ArrayList<>();
				for (ElementInstance timer : fired) {
					Instant from = timer.getStartDate().toInstant().isAfter(due) ? timer.getStartDate().toInstant()
							: due;
					lags.add(Duration.between(from, timer.getEndDate().toInstant()).toMillis());
				}
				lags.sort(Long::compare);
				FaultFigures.print("timer storm",
						INSTANCES + " timers, " + dueAtOnce + " due at once, lag p50 "
								+ FaultFigures.percentile(lags, 50) + " ms, p99 " + FaultFigures.percentile(lags, 99)
								+ " ms, max " + lags.get(lags.size() - 1) + " ms, " + load.figures());
			}
		}
	}

}
