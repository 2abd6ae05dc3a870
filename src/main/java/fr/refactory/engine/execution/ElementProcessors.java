package fr.refactory.engine.execution;

import java.util.EnumMap;
import java.util.Map;

import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.execution.processor.BoundaryEventProcessor;
import fr.refactory.engine.execution.processor.BusinessRuleTaskProcessor;
import fr.refactory.engine.execution.processor.CallActivityProcessor;
import fr.refactory.engine.execution.processor.EndEventProcessor;
import fr.refactory.engine.execution.processor.EventBasedGatewayProcessor;
import fr.refactory.engine.execution.processor.ExclusiveGatewayProcessor;
import fr.refactory.engine.execution.processor.InclusiveGatewayProcessor;
import fr.refactory.engine.execution.processor.IntermediateCatchEventProcessor;
import fr.refactory.engine.execution.processor.IntermediateThrowEventProcessor;
import fr.refactory.engine.execution.processor.JobWorkerTaskProcessor;
import fr.refactory.engine.execution.processor.MessageCatchProcessor;
import fr.refactory.engine.execution.processor.MultiInstanceBodyProcessor;
import fr.refactory.engine.execution.processor.ParallelGatewayProcessor;
import fr.refactory.engine.execution.processor.ProcessProcessor;
import fr.refactory.engine.execution.processor.ScriptTaskProcessor;
import fr.refactory.engine.execution.processor.SubProcessProcessor;
import fr.refactory.engine.execution.processor.UndefinedTaskProcessor;
import fr.refactory.engine.execution.processor.UserTaskProcessor;
import fr.refactory.engine.model.ElementType;

import org.springframework.stereotype.Component;

/**
 * The one registry of element processors: the only place that dispatches on the element
 * type.
 */
@Component
@ConditionalOnEmbeddedEngine
public class ElementProcessors {

	private final Map<ElementType, ElementProcessor> processors = new EnumMap<>(ElementType.class);

	ElementProcessors(ProcessProcessor process, SubProcessProcessor subProcess, JobWorkerTaskProcessor jobTask,
			ScriptTaskProcessor script, UserTaskProcessor userTask, BusinessRuleTaskProcessor businessRule,
			CallActivityProcessor callActivity, MessageCatchProcessor messageCatch,
			IntermediateCatchEventProcessor intermediateCatch, IntermediateThrowEventProcessor intermediateThrow,
			EndEventProcessor endEvent, MultiInstanceBodyProcessor multiInstanceBody,
			EventBasedGatewayProcessor eventBasedGateway) {
		UndefinedTaskProcessor passThrough = new UndefinedTaskProcessor();
		this.processors.put(ElementType.PROCESS, process);
		this.processors.put(ElementType.SUB_PROCESS, subProcess);
		this.processors.put(ElementType.EVENT_SUB_PROCESS, subProcess);
		this.processors.put(ElementType.START_EVENT, passThrough);
		this.processors.put(ElementType.END_EVENT, endEvent);
		this.processors.put(ElementType.SERVICE_TASK, jobTask);
		this.processors.put(ElementType.SEND_TASK, jobTask);
		this.processors.put(ElementType.SCRIPT_TASK, script);
		this.processors.put(ElementType.USER_TASK, userTask);
		this.processors.put(ElementType.BUSINESS_RULE_TASK, businessRule);
		this.processors.put(ElementType.CALL_ACTIVITY, callActivity);
		this.processors.put(ElementType.MANUAL_TASK, passThrough);
		this.processors.put(ElementType.TASK, passThrough);
		this.processors.put(ElementType.EXCLUSIVE_GATEWAY, new ExclusiveGatewayProcessor());
		this.processors.put(ElementType.PARALLEL_GATEWAY, new ParallelGatewayProcessor());
		this.processors.put(ElementType.INCLUSIVE_GATEWAY, new InclusiveGatewayProcessor());
		this.processors.put(ElementType.EVENT_BASED_GATEWAY, eventBasedGateway);
		this.processors.put(ElementType.INTERMEDIATE_CATCH_EVENT, intermediateCatch);
		this.processors.put(ElementType.INTERMEDIATE_THROW_EVENT, intermediateThrow);
		this.processors.put(ElementType.RECEIVE_TASK, messageCatch);
		this.processors.put(ElementType.BOUNDARY_EVENT, new BoundaryEventProcessor());
		this.processors.put(ElementType.MULTI_INSTANCE_BODY, multiInstanceBody);
	}

	public ElementProcessor of(ElementType type) {
		return this.processors.get(type);
	}

}
