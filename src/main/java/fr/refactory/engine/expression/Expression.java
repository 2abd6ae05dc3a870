package fr.refactory.engine.expression;

import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * An attribute value parsed at deployment: either a FEEL expression (source started with
 * {@code =}) or a static string.
 *
 * @param source the attribute as written in the model
 * @param parsed the parsed FEEL expression, or null for a static value
 */
public record Expression(String source, ParsedExpression parsed) {

	public boolean isStatic() {
		return this.parsed == null;
	}

	@Override
	public String toString() {
		return this.source;
	}

}
