package fr.refactory.engine.management;

import java.util.concurrent.atomic.AtomicLong;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;

import org.springframework.stereotype.Component;

/**
 * The id of the last completed cluster change (a purge), reported by {@code /v2/topology}
 * as {@code lastCompletedChangeId}. Purges are synchronous, so a change is completed when
 * its id is handed out.
 */
@Component
@ConditionalOnEmbeddedEngine
public class ClusterChanges {

	private final AtomicLong lastCompleted = new AtomicLong();

	public long lastCompleted() {
		return this.lastCompleted.get();
	}

	public long complete() {
		return this.lastCompleted.incrementAndGet();
	}

}
