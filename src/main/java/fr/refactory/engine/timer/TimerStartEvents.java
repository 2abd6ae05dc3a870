package fr.refactory.engine.timer;

import java.time.Clock;
import java.util.Map;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.model.ExecutableElement;
import fr.refactory.engine.model.ExecutableProcess;
import fr.refactory.engine.model.TimerDefinition;
import fr.refactory.engine.state.TimerSchedule;
import fr.refactory.engine.state.TimerStore;

import org.springframework.stereotype.Component;

/**
 * Timer start events: deploying a new version of a process replaces the start timers of
 * its earlier versions with its own (expressions evaluated without variables, durations
 * counted from the deployment).
 */
@Component
@ConditionalOnEmbeddedEngine
public class TimerStartEvents {

	private final TimerStore timers;

	private final Clock clock;

	TimerStartEvents(TimerStore timers, Clock clock) {
		this.timers = timers;
		this.clock = clock;
	}

	/** Called in the deployment's transaction for a newly stored process version. */
	public void deployed(ExecutableProcess process) {
		this.timers.startTimersSuperseded(process.processId());
		for (ExecutableElement start : process.timerStartEvents()) {
			TimerSchedule schedule = TimerExpressions.schedule((TimerDefinition) start.eventDefinition(), Map.of(),
					this.clock.instant());
			this.timers.created(null, null, process.key(), process.processId(), start.id(), schedule);
		}
	}

}
