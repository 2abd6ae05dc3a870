package fr.refactory.workers.support;

import java.time.Duration;
import java.util.Map;

import io.camunda.client.exception.JobError;

/**
 * The job lacks a variable or header the worker needs: a modelling error, so the job fails with no retry left and goes
 * to an incident (retrying would read the same variables).
 */
public class MissingVariableException extends JobError {

	public MissingVariableException(String message) {
		super(message, Map.of(), 0, Duration.ZERO, null);
	}

}
