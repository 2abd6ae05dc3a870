package fr.refactory.console.form;

import java.util.Arrays;

import org.springframework.context.MessageSourceResolvable;

/**
 * What is wrong with a field's value, as a message of the console's message bundles (ADR
 * 1500): the page shows it in the person's language; {@link #defaultMessage()} is the
 * English text, for logs and the audit.
 */
public record FieldProblem(String code, Object[] arguments, String defaultMessage) implements MessageSourceResolvable {

	public static FieldProblem of(String code, String defaultMessage, Object... arguments) {
		return new FieldProblem(code, arguments, defaultMessage);
	}

	@Override
	public String[] getCodes() {
		return new String[] { this.code };
	}

	@Override
	public Object[] getArguments() {
		return this.arguments.clone();
	}

	@Override
	public String getDefaultMessage() {
		return this.defaultMessage;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof FieldProblem problem && this.code.equals(problem.code)
				&& Arrays.equals(this.arguments, problem.arguments);
	}

	@Override
	public int hashCode() {
		return 31 * this.code.hashCode() + Arrays.hashCode(this.arguments);
	}

	@Override
	public String toString() {
		return this.defaultMessage;
	}

}
