package fr.refactory.engine.model;

import fr.refactory.engine.expression.Expression;

/**
 * {@code multiInstanceLoopCharacteristics} with {@code zeebe:loopCharacteristics}, parsed
 * at deployment.
 *
 * @param inputElement the local variable of each inner instance holding its item (null:
 * none)
 * @param outputCollection the variable collecting the outputs (null: none)
 * @param outputElement evaluated in each completing inner instance (null: none)
 * @param outputElementVariable the variable that {@code outputElement} only reads,
 * created as a null local of each inner instance so that its result lands there (null
 * when the expression is more than a variable or a path)
 * @param completionCondition evaluated after each inner instance completes (null: none)
 * @param inner the inner activity
 */
public record MultiInstanceLoop(boolean sequential, Expression inputCollection, String inputElement,
		String outputCollection, Expression outputElement, String outputElementVariable, Expression completionCondition,
		ExecutableElement inner) {

}
