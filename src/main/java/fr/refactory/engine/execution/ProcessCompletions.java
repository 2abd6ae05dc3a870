package fr.refactory.engine.execution;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;

import org.springframework.stereotype.Component;

/** Callers waiting for a process instance to complete ({@code awaitCompletion}), woken after the commit. */
@Component
@ConditionalOnEmbeddedEngine
public class ProcessCompletions {

	private final Map<Long, Set<LongConsumer>> waiting = new ConcurrentHashMap<>();

	public void await(long processInstanceKey, LongConsumer onCompleted) {
		this.waiting.computeIfAbsent(processInstanceKey, (key) -> ConcurrentHashMap.newKeySet()).add(onCompleted);
	}

	public void forget(long processInstanceKey, LongConsumer onCompleted) {
		Set<LongConsumer> set = this.waiting.get(processInstanceKey);
		if (set != null) {
			set.remove(onCompleted);
			if (set.isEmpty()) {
				this.waiting.remove(processInstanceKey);
			}
		}
	}

	public void completed(long processInstanceKey) {
		Set<LongConsumer> set = this.waiting.remove(processInstanceKey);
		if (set != null) {
			set.forEach((consumer) -> consumer.accept(processInstanceKey));
		}
	}

}
