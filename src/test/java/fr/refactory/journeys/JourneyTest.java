package fr.refactory.journeys;

import java.time.Duration;

import fr.refactory.processes.ProcessTestSupport;
import fr.refactory.test.InstanceWithVariable;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the operator journeys (issue 15): a process from its arrival to its end event,
 * where people claim and complete every user task through its form in Chromium
 * ({@link Operator}), the application's own workers run every automatic step against the
 * simulated plant systems, and the test supplies nothing but what a person types and what
 * a simulated plant system sends. Plant events go through {@code client} (CPT's), so the
 * variable-injection check of {@link ProcessTestSupport} holds the journey to the plant's
 * message contracts too.
 */
abstract class JourneyTest extends ProcessTestSupport {

	private static final Duration INSTANCE_APPEARS = Duration.ofSeconds(90);

	private static final Duration END_REACHED = Duration.ofSeconds(120);

	/**
	 * One Chromium for the journeys of a class, opened by the first and closed after the
	 * last.
	 */
	private static Operator tablet;

	/**
	 * Chromium for the journey; its screenshots go under
	 * target/screenshots/journeys/{journey}.
	 */
	protected Operator operators(String journey) {
		if (tablet == null) {
			tablet = Operator.open(baseUrl(), journey);
		}
		return tablet.forJourney(journey);
	}

	@AfterAll
	static void putTheTabletAway() {
		if (tablet != null) {
			tablet.close();
			tablet = null;
		}
	}

	/**
	 * The one instance of the process holding this text variable (started by the plant or
	 * the console), tracked.
	 */
	protected long instanceOf(String processId, String variable, String value) {
		return track(InstanceWithVariable.await(this.client, variable, value, processId, 0, INSTANCE_APPEARS));
	}

	/**
	 * The instance a call activity of the parent started for the process, waiting for it.
	 */
	protected long calledInstance(long parent, String processId) {
		return Awaitility.await("a " + processId + " called by " + parent)
			.atMost(INSTANCE_APPEARS)
			.until(() -> this.client.newProcessInstanceSearchRequest()
				.filter((f) -> f.parentProcessInstanceKey(parent).processDefinitionId(processId))
				.send()
				.join()
				.items(), (items) -> !items.isEmpty())
			.get(0)
			.getProcessInstanceKey();
	}

	/** Waits until the instance completed through this end event. */
	protected void awaitEnded(long instance, String endEventId) {
		Awaitility.await("instance " + instance + " ended at " + endEventId)
			.atMost(END_REACHED)
			.pollDelay(Duration.ZERO)
			.pollInterval(Operator.LOOK_AGAIN)
			.until(() -> this.client.newProcessInstanceGetRequest(instance).send().join().getState(),
					(state) -> state != ProcessInstanceState.ACTIVE);
		assertThat(this.client.newProcessInstanceGetRequest(instance).send().join().getState())
			.isEqualTo(ProcessInstanceState.COMPLETED);
		assertThat(this.client.newElementInstanceSearchRequest()
			.filter((f) -> f.processInstanceKey(instance).elementId(endEventId).state(ElementInstanceState.COMPLETED))
			.send()
			.join()
			.items()).as("end event %s of instance %s", endEventId, instance).isNotEmpty();
	}

}
