package fr.refactory.engine.timer;

import java.util.List;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.clock.PeriodicCheck;
import fr.refactory.engine.timer.TimerStore.TimerRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Checks once a second (on the engine clock) for due timers and fires them; also run when the engine clock is moved.
 * A timer whose firing fails stays pending and is tried again on the next check; while the database is away the
 * checks pause (PeriodicCheck).
 */
@Component
@ConditionalOnEmbeddedEngine
public class TimerChecker extends PeriodicCheck {

	private static final Logger LOG = LoggerFactory.getLogger(TimerChecker.class);

	private static final int BATCH = 100;

	private final DueTimers dueTimers;

	TimerChecker(DueTimers dueTimers) {
		super("engine-timers");
		this.dueTimers = dueTimers;
	}

	/** Fires every timer due now (a re-armed cycle is never due again at once, so this ends). */
	@Override
	protected void check() {
		List<TimerRow> due = this.dueTimers.due(BATCH);
		while (!due.isEmpty()) {
			int fired = 0;
			for (TimerRow timer : due) {
				fired += fire(timer) ? 1 : 0;
			}
			if (fired == 0) {
				return;
			}
			due = this.dueTimers.due(BATCH);
		}
	}

	private boolean fire(TimerRow timer) {
		try {
			return this.dueTimers.fire(timer);
		}
		catch (DataAccessResourceFailureException | TransactionException ex) {
			// the database is gone, not this timer at fault: the whole check fails and pauses (PeriodicCheck)
			throw ex;
		}
		catch (RuntimeException ex) {
			LOG.warn("Firing timer {} of {} failed; it stays pending", timer.key(), timer.elementId(), ex);
			return false;
		}
	}

}
