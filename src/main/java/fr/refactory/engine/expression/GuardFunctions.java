package fr.refactory.engine.expression;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.camunda.feel.context.JavaFunction;
import org.camunda.feel.context.JavaFunctionProvider;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValBoolean;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValList;
import org.camunda.feel.syntaxtree.ValNumber;
import org.camunda.feel.syntaxtree.ValString;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The functions {@link FeelGuards} weaves into expressions. Each checks the
 * {@link EvaluationBudget} of the evaluating thread. The regular expression functions
 * behave as FEEL's built-in ones, on an input that checks the deadline while the pattern
 * reads it. Registered for dmn-scala's FEEL engine through the FEEL service loader
 * ({@code META-INF/services}), hence public.
 */
public final class GuardFunctions extends JavaFunctionProvider {

	private final Map<String, List<JavaFunction>> functions = Map.of(FeelGuards.VALUE,
			List.of(function(List.of("value"), GuardFunctions::value)), FeelGuards.RANGE,
			List.of(function(List.of("start", "end"), GuardFunctions::range)), FeelGuards.ITERATION,
			List.of(function(List.of("list", "group", "position", "count"), GuardFunctions::iteration)),
			FeelGuards.ARGUMENT,
			List.of(function(List.of("value", "group", "position", "count", "kind"), GuardFunctions::argument)),
			FeelGuards.REGEX_FUNCTIONS.get("matches"),
			List.of(function(List.of("input", "pattern"), (args) -> matches(args.get(0), args.get(1), null)),
					function(List.of("input", "pattern", "flags"),
							(args) -> matches(args.get(0), args.get(1), args.get(2)))),
			FeelGuards.REGEX_FUNCTIONS.get("replace"),
			List.of(function(List.of("input", "pattern", "replacement"),
					(args) -> replace(args.get(0), args.get(1), args.get(2), null)),
					function(List.of("input", "pattern", "replacement", "flags"),
							(args) -> replace(args.get(0), args.get(1), args.get(2), args.get(3)))),
			FeelGuards.REGEX_FUNCTIONS.get("split"),
			List.of(function(List.of("string", "delimiter"), (args) -> split(args.get(0), args.get(1)))),
			FeelGuards.REGEX_FUNCTIONS.get("extract"),
			List.of(function(List.of("input", "pattern"), (args) -> extract(args.get(0), args.get(1)))));

	@Override
	public Optional<JavaFunction> resolveFunction(String name) {
		return resolveFunctions(name).stream().findFirst();
	}

	@Override
	public List<JavaFunction> resolveFunctions(String name) {
		return this.functions.getOrDefault(name, List.of());
	}

	@Override
	public Collection<String> getFunctionNames() {
		return this.functions.keySet();
	}

	private static JavaFunction function(List<String> params, Function<List<Val>, Val> body) {
		return new JavaFunction(params, body);
	}

	private static Val value(List<Val> args) {
		EvaluationBudget.current().checkValue(args.get(0));
		return args.get(0);
	}

	private static Val range(List<Val> args) {
		if (!(args.get(0) instanceof ValNumber start) || !(args.get(1) instanceof ValNumber end)) {
			return new ValError("Expected number but found '" + args.get(0) + "' and '" + args.get(1) + "'");
		}
		BigDecimal from = start.value().bigDecimal();
		BigDecimal to = end.value().bigDecimal();
		BigDecimal step = (from.compareTo(to) <= 0) ? BigDecimal.ONE : BigDecimal.ONE.negate();
		BigDecimal items = to.subtract(from).abs().add(BigDecimal.ONE);
		EvaluationBudget.current().checkItems(items.min(BigDecimal.valueOf(Long.MAX_VALUE)).longValue(), "a range");
		List<Val> values = new ArrayList<>();
		for (BigDecimal value = from; value.subtract(to).multiply(step).signum() <= 0; value = value.add(step)) {
			values.add(new ValNumber(scala.math.BigDecimal$.MODULE$.apply(value)));
		}
		return list(values);
	}

	private static Val iteration(List<Val> args) {
		if (args.get(0) instanceof ValList list) {
			EvaluationBudget.current()
				.checkIteration(intOf(args.get(1)), intOf(args.get(2)), intOf(args.get(3)), list.items().size());
		}
		return args.get(0);
	}

	private static Val argument(List<Val> args) {
		EvaluationBudget.current()
			.checkArgument(intOf(args.get(1)), intOf(args.get(2)), intOf(args.get(3)), intOf(args.get(4)), args.get(0));
		return args.get(0);
	}

	private static int intOf(Val number) {
		return ((ValNumber) number).value().intValue();
	}

	private static Val matches(Val input, Val pattern, Val flags) {
		return withPattern(input, pattern, flags, (matcher) -> new ValBoolean(matcher.find()));
	}

	private static Val replace(Val input, Val pattern, Val replacement, Val flags) {
		if (!(replacement instanceof ValString with)) {
			return illegalArguments("replace");
		}
		EvaluationBudget budget = EvaluationBudget.current();
		return withPattern(input, pattern, flags, (matcher) -> {
			StringBuilder result = new StringBuilder();
			while (matcher.find()) {
				matcher.appendReplacement(result, with.value());
				budget.checkStringLength(result.length());
			}
			matcher.appendTail(result);
			return new ValString(result.toString());
		});
	}

	private static Val split(Val input, Val delimiter) {
		if (!(input instanceof ValString text) || !(delimiter instanceof ValString regex)) {
			return illegalArguments("split");
		}
		Optional<Pattern> compiled = compile(regex.value(), null);
		if (compiled.isEmpty()) {
			return new ValError("Invalid pattern for delimiter '" + regex.value() + "'");
		}
		EvaluationBudget budget = EvaluationBudget.current();
		String[] parts = compiled.get().split(new DeadlineCharSequence(text.value(), budget), -1);
		budget.checkItems(parts.length, "a list");
		List<Val> values = new ArrayList<>();
		for (String part : parts) {
			values.add(new ValString(part));
		}
		return list(values);
	}

	private static Val extract(Val input, Val pattern) {
		EvaluationBudget budget = EvaluationBudget.current();
		return withPattern(input, pattern, null, (matcher) -> {
			List<Val> values = new ArrayList<>();
			while (matcher.find()) {
				values.add(new ValString(matcher.group()));
				budget.checkItems(values.size(), "a list");
			}
			return list(values);
		});
	}

	private static Val withPattern(Val input, Val pattern, Val flags, Function<Matcher, Val> use) {
		if (!(input instanceof ValString text) || !(pattern instanceof ValString regex)
				|| (flags != null && !(flags instanceof ValString))) {
			return illegalArguments("regular expression");
		}
		return compile(regex.value(), (flags == null) ? null : ((ValString) flags).value())
			.map((compiled) -> use
				.apply(compiled.matcher(new DeadlineCharSequence(text.value(), EvaluationBudget.current()))))
			.orElseGet(() -> new ValError("Invalid pattern '" + regex.value() + "'"));
	}

	private static Optional<Pattern> compile(String pattern, String flags) {
		try {
			return Optional.of(Pattern.compile(pattern, (flags == null) ? 0 : patternFlags(flags)));
		}
		catch (PatternSyntaxException ex) {
			return Optional.empty();
		}
	}

	private static int patternFlags(String flags) {
		int result = 0;
		result |= flags.contains("s") ? Pattern.DOTALL : 0;
		result |= flags.contains("m") ? Pattern.MULTILINE : 0;
		result |= flags.contains("i") ? Pattern.CASE_INSENSITIVE : 0;
		result |= flags.contains("x") ? Pattern.COMMENTS : 0;
		return result;
	}

	private static Val illegalArguments(String function) {
		return new ValError("Illegal arguments for the " + function + " function");
	}

	private static Val list(List<Val> values) {
		return new ValList(CollectionConverters.asScala(values).toList());
	}

}
