package fr.refactory.engine.expression;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.camunda.feel.syntaxtree.Addition;
import org.camunda.feel.syntaxtree.ConstNumber;
import org.camunda.feel.syntaxtree.ConstString;
import org.camunda.feel.syntaxtree.EveryItem;
import org.camunda.feel.syntaxtree.Exp;
import org.camunda.feel.syntaxtree.For;
import org.camunda.feel.syntaxtree.FunctionDefinition;
import org.camunda.feel.syntaxtree.FunctionInvocation;
import org.camunda.feel.syntaxtree.FunctionParameters;
import org.camunda.feel.syntaxtree.IterationContext;
import org.camunda.feel.syntaxtree.JavaFunctionInvocation;
import org.camunda.feel.syntaxtree.NamedFunctionParameters;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.PositionalFunctionParameters;
import org.camunda.feel.syntaxtree.SomeItem;
import org.camunda.feel.syntaxtree.Val;
import scala.Product;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Weaves the checks of {@link GuardFunctions} into a parsed FEEL expression, since
 * feel-scala has no budget of its own (docs/decisions/0260): a range is built by a
 * function that refuses one beyond the item limit, the iterators of
 * {@code for}/{@code some}/{@code every} are counted before their combinations are built,
 * each {@code for} step, function body, string addition and function argument passes a
 * check of the deadline and the sizes, and the regular expression functions run on an
 * input that checks the deadline. Also checks literal regular expressions at deployment.
 */
final class FeelGuards {

	static final String VALUE = "refactory guarded value";

	static final String RANGE = "refactory guarded range";

	static final String ITERATION = "refactory guarded iteration";

	static final String ARGUMENT = "refactory guarded argument";

	/**
	 * Kinds of function call, by what their result may multiply (see
	 * {@link EvaluationBudget#checkArgument}).
	 */
	static final int PLAIN_CALL = 0;

	static final int JOIN_CALL = 1;

	static final int SCALE_CALL = 2;

	private static final java.util.Set<String> SCALE_FUNCTIONS = java.util.Set.of("decimal", "round up", "round down",
			"round half up", "round half down", "floor", "ceiling");

	/**
	 * The FEEL functions taking a regular expression, with the position of the pattern
	 * among their arguments.
	 */
	static final Map<String, String> REGEX_FUNCTIONS = Map.of("matches", "refactory guarded matches", "replace",
			"refactory guarded replace", "split", "refactory guarded split", "extract", "refactory guarded extract");

	/**
	 * Named arguments whose position matters to a check: the list and the delimiter of
	 * {@code string join}, a scale.
	 */
	private static final Map<String, Integer> NAMED_POSITIONS = Map.of("list", 0, "n", 0, "delimiter", 1, "scale", 1);

	private static final Map<String, String> PATTERN_PARAMETER = Map.of("matches", "pattern", "replace", "pattern",
			"split", "delimiter", "extract", "pattern");

	private int groups;

	/**
	 * Rewritten nodes by identity, so shared parts (a DMN's required decisions) stay
	 * shared and are done once.
	 */
	private final Map<Object, Object> rewritten = new java.util.IdentityHashMap<>();

	private FeelGuards() {
	}

	static ParsedExpression guard(ParsedExpression parsed) {
		Exp guarded = (Exp) new FeelGuards().rewrite(parsed.expression());
		return new ParsedExpression(invoke(VALUE, guarded), parsed.text());
	}

	/**
	 * The same guards in every FEEL expression of a parsed DMN (dmn-scala's parsed model
	 * is made of case classes holding feel-scala syntax trees; dmn-scala finds the guard
	 * functions through the FEEL service loader).
	 */
	@SuppressWarnings("unchecked")
	static <T> T guardAll(T parsedModel) {
		return (T) new FeelGuards().rewrite(parsedModel);
	}

	/**
	 * @throws IllegalArgumentException naming the function and the reason when a literal
	 * pattern is invalid
	 */
	static void checkLiteralPatterns(Object parsed) {
		visit(parsed);
	}

	private Object rewrite(Object node) {
		if (node == null) {
			return null;
		}
		Object done = this.rewritten.get(node);
		if (done == null) {
			done = rewriteOnce(node);
			this.rewritten.put(node, done);
		}
		return done;
	}

	private Object rewriteOnce(Object node) {
		if (node instanceof scala.Some<?> some) {
			Object value = rewrite(some.value());
			return (value == some.value()) ? some : new scala.Some<>(value);
		}
		if (node instanceof scala.collection.immutable.List<?> list) {
			List<Object> items = new ArrayList<>();
			boolean changed = false;
			for (Object item : CollectionConverters.asJava(list)) {
				items.add(rewrite(item));
				changed |= items.get(items.size() - 1) != item;
			}
			return changed ? CollectionConverters.asScala(items).toList() : list;
		}
		if (node instanceof scala.collection.immutable.Map<?, ?> map) {
			Map<Object, Object> entries = new java.util.LinkedHashMap<>();
			CollectionConverters.asJava(map).forEach((key, value) -> entries.put(key, rewrite(value)));
			return scala.collection.immutable.Map$.MODULE$.from(CollectionConverters.asScala(entries));
		}
		if (node instanceof scala.collection.Iterable<?> iterable && !(node instanceof scala.collection.Map)) {
			return rewrite(iterable.toList());
		}
		if (node instanceof Product product && isSyntax(product)) {
			Object rebuilt = rebuild(product, fields(product, this::rewrite));
			return (rebuilt instanceof Exp exp) ? guardNode(exp) : rebuilt;
		}
		return node;
	}

	private Exp guardNode(Exp node) {
		if (node instanceof IterationContext range) {
			return invoke(RANGE, range.start(), range.end());
		}
		if (node instanceof For loop) {
			return new For(guardIterators(loop.iterators()), invoke(VALUE, loop.exp()));
		}
		if (node instanceof SomeItem some) {
			return new SomeItem(guardIterators(some.iterators()), some.condition());
		}
		if (node instanceof EveryItem every) {
			return new EveryItem(guardIterators(every.iterators()), every.condition());
		}
		if (node instanceof FunctionDefinition function && !(function.body() instanceof JavaFunctionInvocation)) {
			return new FunctionDefinition(function.parameters(), invoke(VALUE, function.body()));
		}
		if (node instanceof Addition) {
			return invoke(VALUE, node);
		}
		if (node instanceof FunctionInvocation call) {
			return new FunctionInvocation(REGEX_FUNCTIONS.getOrDefault(call.function(), call.function()),
					guardArguments(call.params(), this.groups++, kindOf(call.function())));
		}
		return node;
	}

	private scala.collection.immutable.List<Tuple2<String, Exp>> guardIterators(
			scala.collection.immutable.List<Tuple2<String, Exp>> iterators) {
		int group = this.groups++;
		int count = iterators.size();
		List<Tuple2<String, Exp>> guarded = new ArrayList<>();
		for (Tuple2<String, Exp> iterator : CollectionConverters.asJava(iterators)) {
			guarded.add(new Tuple2<>(iterator._1(),
					invoke(ITERATION, iterator._2(), number(group), number(guarded.size()), number(count))));
		}
		return CollectionConverters.asScala(guarded).toList();
	}

	private static int kindOf(String function) {
		if ("string join".equals(function)) {
			return JOIN_CALL;
		}
		return SCALE_FUNCTIONS.contains(function) ? SCALE_CALL : PLAIN_CALL;
	}

	/**
	 * Each argument is checked, with those before it, as what the call is given (its
	 * group).
	 */
	private static FunctionParameters guardArguments(FunctionParameters parameters, int group, int kind) {
		if (parameters instanceof PositionalFunctionParameters positional) {
			List<Exp> guarded = new ArrayList<>();
			int count = positional.params().size();
			CollectionConverters.asJava(positional.params())
				.forEach((param) -> guarded.add(argument(param, group, guarded.size(), count, kind)));
			return new PositionalFunctionParameters(CollectionConverters.asScala(guarded).toList());
		}
		Map<String, Exp> named = new java.util.LinkedHashMap<>(
				CollectionConverters.asJava(((NamedFunctionParameters) parameters).params()));
		List<String> names = new ArrayList<>(named.keySet());
		names.sort(java.util.Comparator.comparing((name) -> NAMED_POSITIONS.getOrDefault(name, names.size())));
		Map<String, Exp> guarded = new java.util.LinkedHashMap<>();
		names
			.forEach((name) -> guarded.put(name, argument(named.get(name), group, guarded.size(), names.size(), kind)));
		return new NamedFunctionParameters(
				scala.collection.immutable.Map$.MODULE$.from(CollectionConverters.asScala(guarded)));
	}

	private static Exp argument(Exp param, int group, int position, int count, int kind) {
		return invoke(ARGUMENT, param, number(group), number(position), number(count), number(kind));
	}

	private static Exp invoke(String function, Exp... arguments) {
		return new FunctionInvocation(function,
				new PositionalFunctionParameters(CollectionConverters.asScala(List.of(arguments)).toList()));
	}

	private static Exp number(int value) {
		return new ConstNumber(scala.math.BigDecimal$.MODULE$.apply(value));
	}

	private static void visit(Object node) {
		if (node instanceof scala.collection.Iterable<?> items) {
			CollectionConverters.asJava(items).forEach(FeelGuards::visit);
			return;
		}
		if (node instanceof FunctionInvocation call && PATTERN_PARAMETER.containsKey(call.function())) {
			literalPattern(call).ifPresent((pattern) -> compile(call.function(), pattern));
		}
		if (node instanceof Product product && isSyntax(product)) {
			fields(product, (field) -> {
				visit(field);
				return field;
			});
		}
	}

	private static java.util.Optional<String> literalPattern(FunctionInvocation call) {
		Exp pattern = null;
		if (call.params() instanceof PositionalFunctionParameters positional && positional.params().size() > 1) {
			pattern = positional.params().apply(1);
		}
		else if (call.params() instanceof NamedFunctionParameters named) {
			pattern = named.params().get(PATTERN_PARAMETER.get(call.function())).getOrElse(() -> null);
		}
		return (pattern instanceof ConstString literal) ? java.util.Optional.of(literal.value())
				: java.util.Optional.empty();
	}

	private static void compile(String function, String pattern) {
		try {
			Pattern.compile(pattern);
		}
		catch (PatternSyntaxException ex) {
			throw new IllegalArgumentException("the pattern '" + pattern + "' of '" + function
					+ "' is not a valid regular expression: " + ex.getDescription() + " near index " + ex.getIndex());
		}
	}

	private static boolean isSyntax(Product product) {
		String packageName = product.getClass().getPackageName();
		return !(product instanceof Val) && (product instanceof Tuple2
				|| packageName.equals("org.camunda.feel.syntaxtree") || packageName.equals("org.camunda.dmn.parser"));
	}

	private static Object[] fields(Product product, java.util.function.UnaryOperator<Object> mapping) {
		Object[] fields = new Object[product.productArity()];
		for (int i = 0; i < fields.length; i++) {
			fields[i] = mapping.apply(product.productElement(i));
		}
		return fields;
	}

	/** A syntax node with new fields; the same node when none changed. */
	private static Object rebuild(Product product, Object[] fields) {
		boolean changed = false;
		for (int i = 0; i < fields.length; i++) {
			changed |= fields[i] != product.productElement(i);
		}
		if (!changed) {
			return product;
		}
		for (Constructor<?> constructor : product.getClass().getConstructors()) {
			if (constructor.getParameterCount() == fields.length && accepts(constructor, fields)) {
				try {
					return constructor.newInstance(fields);
				}
				catch (InstantiationException | IllegalAccessException | InvocationTargetException ex) {
					throw new IllegalStateException("Cannot rebuild FEEL syntax " + product.productPrefix(), ex);
				}
			}
		}
		throw new IllegalStateException("Cannot rebuild FEEL syntax " + product.productPrefix());
	}

	private static boolean accepts(Constructor<?> constructor, Object[] fields) {
		Class<?>[] types = constructor.getParameterTypes();
		for (int i = 0; i < types.length; i++) {
			if (fields[i] != null && !types[i].isPrimitive() && !types[i].isInstance(fields[i])) {
				return false;
			}
		}
		return true;
	}

}
