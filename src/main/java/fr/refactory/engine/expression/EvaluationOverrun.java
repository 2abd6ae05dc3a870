package fr.refactory.engine.expression;

/**
 * An evaluation went beyond its time budget or a size limit; ends the evaluation at once.
 */
public class EvaluationOverrun extends RuntimeException {

	public EvaluationOverrun(String message) {
		super(message, null, false, false);
	}

}
