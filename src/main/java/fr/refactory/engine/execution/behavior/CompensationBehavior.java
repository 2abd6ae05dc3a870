package fr.refactory.engine.execution.behavior;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.ElementContext;
import fr.refactory.engine.execution.ScopeRef;
import fr.refactory.engine.model.CompensationDefinition;
import fr.refactory.engine.model.ElementType;
import fr.refactory.engine.model.ExecutableProcess;
import fr.refactory.engine.state.CompensationStore;
import fr.refactory.engine.state.CompensationStore.CompensationSubscription;
import fr.refactory.engine.state.ElementInstance;
import fr.refactory.engine.state.RuntimeStore;
import fr.refactory.engine.state.VariableStore;

import org.springframework.stereotype.Component;

/**
 * Compensation (decision 0292). Each completion of an activity with a compensation
 * boundary event leaves a compensation subscription in the scope it completed in. A
 * compensation throw or end event triggers the untriggered subscriptions of its scope
 * (inside an event subprocess: of the scope around it) and of the subprocesses that
 * completed there, or only those of its {@code activityRef}, runs their handlers all at
 * once and completes when the last of them has completed (at once when there is nothing
 * to compensate).
 */
@Component
@ConditionalOnEmbeddedEngine
public class CompensationBehavior {

	private final CompensationStore subscriptions;

	CompensationBehavior(CompensationStore subscriptions) {
		this.subscriptions = subscriptions;
	}

	/**
	 * The activity instance has completed: remember it for each of its compensation
	 * handlers.
	 */
	public void activityCompleted(ElementContext activity) {
		for (String handlerId : activity.process()
			.compensationHandlersOf(activity.element().id(), activity.instance().type())) {
			this.subscriptions.subscribe(activity.instance(), handlerId);
		}
	}

	/**
	 * Invokes the handlers the throw event compensates.
	 * @return true when there was nothing to compensate, so the thrower completes now
	 */
	public boolean throwCompensation(ElementContext thrower, CompensationDefinition definition) {
		ExecutableProcess process = thrower.process();
		RuntimeStore store = thrower.executor().store();
		long scopeKey = compensationScope(thrower, store);
		List<CompensationSubscription> triggered = this.subscriptions.untriggeredWithin(scopeKey,
				definition.activityRef(), process.compensableActivities());
		for (CompensationSubscription subscription : triggered) {
			boolean activityScopeActive = store.elementInstance(subscription.flowScopeKey())
				.map(ElementInstance::isActive)
				.orElse(false);
			long hostKey = activityScopeActive ? subscription.flowScopeKey() : scopeKey;
			ScopeRef host = new ScopeRef(process, thrower.instance().processInstanceKey(), hostKey);
			ElementInstance handler = thrower.executor()
				.createAndActivate(thrower.execution(), host, process.element(subscription.handlerId()));
			VariableStore variables = thrower.executor().variables();
			variablesOfCompletedScopes(variables, subscription.flowScopeKey(), hostKey)
				.forEach((name, value) -> variables.setLocal(handler.key(), handler.processInstanceKey(), name, value));
			this.subscriptions.trigger(subscription, thrower.instance().key(), handler.key());
		}
		return triggered.isEmpty();
	}

	/**
	 * The local variables of the completed scopes between the compensated activity and
	 * the handler's host, inner ones hiding outer ones: what the activity saw that its
	 * completed subprocess no longer holds (an input element).
	 */
	private static Map<String, Object> variablesOfCompletedScopes(VariableStore variables, long activityScopeKey,
			long hostKey) {
		List<Long> chain = variables.scopeChain(activityScopeKey);
		int host = chain.indexOf(hostKey);
		Map<String, Object> result = new LinkedHashMap<>();
		for (int i = host - 1; i >= 0; i--) {
			result.putAll(variables.local(chain.get(i)));
		}
		return result;
	}

	/**
	 * An event subprocess compensates the scope it belongs to; any other thrower its own
	 * flow scope.
	 */
	private static long compensationScope(ElementContext thrower, RuntimeStore store) {
		long flowScopeKey = thrower.instance().flowScopeKey();
		ElementInstance flowScope = store.elementInstance(flowScopeKey).orElseThrow();
		return flowScope.type() == ElementType.EVENT_SUB_PROCESS ? flowScope.flowScopeKey() : flowScopeKey;
	}

	/**
	 * The element instance has completed: if it ran as a compensation handler, its throw
	 * event may now complete.
	 */
	public void handlerCompleted(ElementContext handler) {
		if (!handler.element().incoming().isEmpty()
				|| !handler.process().isCompensationHandler(handler.element().id())) {
			return;
		}
		this.subscriptions.handlerCompleted(handler.instance().key())
			.filter((thrower) -> !this.subscriptions.awaitsHandlers(thrower))
			.ifPresent((thrower) -> handler.executor().queueComplete(handler.execution(), thrower, null));
	}

}
