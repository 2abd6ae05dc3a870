package fr.refactory.architecture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.Source;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The engine's one write path (architecture.md §4, issue 16, ADR 1110): only
 * {@code engine.state} holds JDBC access in the engine, and no class outside it writes an
 * engine table. Over any base package and with an allow-list of the classes not migrated
 * yet, so the rule can be shown failing on a fixture and the allow-list kept honest.
 */
final class EngineStateRules {

	/**
	 * SQL that changes an engine table, as it appears in a class file's string constants.
	 */
	private static final Pattern ENGINE_TABLE_WRITE = Pattern
		.compile("(?i)(?<![a-z_])(insert\\s+into|update|delete\\s+from|truncate\\s+table)\\s+(engine_\\w+)");

	private static final Set<String> JDBC_ACCESS = Set.of(JdbcTemplate.class.getName(), JdbcOperations.class.getName(),
			JdbcClient.class.getName(), NamedParameterJdbcTemplate.class.getName(),
			NamedParameterJdbcOperations.class.getName(), DataSource.class.getName());

	private EngineStateRules() {
	}

	/**
	 * The rule over every class of the base package but the allow-listed ones (fully
	 * qualified names).
	 */
	static ArchRule forBasePackage(String basePackage, Set<String> allowed) {
		return CompositeArchRule.of(noJdbcOutsideState(basePackage, allowed))
			.and(noEngineTableWritesOutsideState(basePackage, allowed))
			.as("only " + basePackage + ".engine.state writes engine state");
	}

	/**
	 * The allow-listed classes that no longer offend (or no longer exist): each must
	 * leave the list, so the list only shrinks to what is still to be migrated.
	 */
	static Set<String> staleAllowances(JavaClasses classes, String basePackage, Set<String> allowed) {
		Set<String> stale = new TreeSet<>(allowed);
		for (JavaClass javaClass : classes) {
			if (allowed.contains(javaClass.getName()) && offends(javaClass, basePackage)) {
				stale.remove(javaClass.getName());
			}
		}
		return stale;
	}

	private static boolean offends(JavaClass javaClass, String basePackage) {
		boolean outsideState = !within(javaClass, basePackage + ".engine.state");
		boolean inEngine = within(javaClass, basePackage + ".engine");
		return outsideState
				&& (inEngine && !jdbcAccessOf(javaClass).isEmpty() || !engineTablesWrittenBy(javaClass).isEmpty());
	}

	private static boolean within(JavaClass javaClass, String packageName) {
		return javaClass.getPackageName().equals(packageName)
				|| javaClass.getPackageName().startsWith(packageName + ".");
	}

	private static ArchRule noJdbcOutsideState(String basePackage, Set<String> allowed) {
		return noClasses().that()
			.resideInAPackage(basePackage + ".engine..")
			.and()
			.resideOutsideOfPackage(basePackage + ".engine.state..")
			.and(notIn(allowed))
			.should(useJdbcAccess())
			.as("engine classes outside engine.state hold no JdbcTemplate, JdbcClient, NamedParameterJdbcTemplate"
					+ " or DataSource")
			.allowEmptyShould(true);
	}

	private static ArchRule noEngineTableWritesOutsideState(String basePackage, Set<String> allowed) {
		return noClasses().that()
			.resideInAPackage(basePackage + "..")
			.and()
			.resideOutsideOfPackage(basePackage + ".engine.state..")
			.and(notIn(allowed))
			.should(writeEngineTables())
			.as("no class outside engine.state writes an engine table")
			.allowEmptyShould(true);
	}

	private static DescribedPredicate<JavaClass> notIn(Set<String> allowed) {
		return DescribedPredicate.describe("are not allow-listed",
				(javaClass) -> !allowed.contains(javaClass.getName()));
	}

	/**
	 * One event per class (not per call), so a report names each offending class once.
	 */
	private static ArchCondition<JavaClass> useJdbcAccess() {
		return new ArchCondition<>("use JDBC access") {
			@Override
			public void check(JavaClass javaClass, ConditionEvents events) {
				Set<String> used = jdbcAccessOf(javaClass);
				if (!used.isEmpty()) {
					events.add(SimpleConditionEvent.satisfied(javaClass, javaClass.getName() + " uses " + used));
				}
			}
		};
	}

	private static ArchCondition<JavaClass> writeEngineTables() {
		return new ArchCondition<>("write an engine table") {
			@Override
			public void check(JavaClass javaClass, ConditionEvents events) {
				Set<String> tables = engineTablesWrittenBy(javaClass);
				if (!tables.isEmpty()) {
					events.add(SimpleConditionEvent.satisfied(javaClass,
							javaClass.getName() + " writes the engine tables " + tables));
				}
			}
		};
	}

	private static Set<String> jdbcAccessOf(JavaClass javaClass) {
		Set<String> used = new TreeSet<>();
		for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
			if (JDBC_ACCESS.contains(dependency.getTargetClass().getName())) {
				used.add(dependency.getTargetClass().getSimpleName());
			}
		}
		return used;
	}

	private static Set<String> engineTablesWrittenBy(JavaClass javaClass) {
		Set<String> tables = new TreeSet<>();
		Matcher write = ENGINE_TABLE_WRITE.matcher(constantsOf(javaClass));
		while (write.find()) {
			tables.add(write.group(2).toLowerCase(Locale.ROOT));
		}
		return tables;
	}

	/**
	 * The class file's text (its string constants are stored as modified UTF-8, readable
	 * as such for SQL).
	 */
	private static String constantsOf(JavaClass javaClass) {
		Source source = javaClass.getSource().orElse(null);
		if (source == null) {
			return "";
		}
		try (InputStream in = source.getUri().toURL().openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
