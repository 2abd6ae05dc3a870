package fr.refactory.workers.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a {@code @JobWorker} method offers a process owner: the one declaration its element template
 * ({@code processes/element-templates/}) is generated from (ADR 0800). Workers receive every variable in scope; the
 * inputs listed are those the worker reads, the outputs those it completes the job with.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface JobContract {

	/** Shown in Modeler's template list, e.g. "MES: register vehicle". */
	String name();

	String description();

	Var[] inputs() default {};

	Var[] outputs() default {};

	Header[] headers() default {};

	/** BPMN error codes the worker throws; the model catches them with an error boundary event. */
	String[] errors() default {};

	/** The BPMN element the template makes of a task: a service task, or a send task for message publishing. */
	String elementType() default "bpmn:ServiceTask";

	/** Retries the task should give the job; 0 leaves the engine's default. */
	int retries() default 0;

	/** A process variable read or written by the worker. */
	@Retention(RetentionPolicy.RUNTIME)
	@Target({})
	@interface Var {

		String name();

		Type type() default Type.STRING;

		String description();

		/** The worker fails the job (incident) without it. */
		boolean required() default false;

	}

	/** A task header: static configuration the model sets on the task. */
	@Retention(RetentionPolicy.RUNTIME)
	@Target({})
	@interface Header {

		String key();

		String description();

		/** The values the worker knows; empty when any text is accepted. */
		String[] values() default {};

		boolean required() default false;

	}

	/** FEEL types of process variables. */
	enum Type {

		STRING, NUMBER, BOOLEAN, DATE, LIST, CONTEXT

	}

}
