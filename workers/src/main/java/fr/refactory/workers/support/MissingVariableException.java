package fr.refactory.workers.support;

/** The job lacks a variable the worker needs: a modelling error, so the job goes to an incident without retrying. */
public class MissingVariableException extends RuntimeException {

	public MissingVariableException(String message) {
		super(message);
	}

}
