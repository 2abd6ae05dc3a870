package fr.refactory.engine.expression;

/**
 * An expression that could not be evaluated at run time; becomes an incident of the
 * element that evaluated it.
 */
public class ExpressionFailure extends RuntimeException {

	public ExpressionFailure(String message) {
		super(message);
	}

}
