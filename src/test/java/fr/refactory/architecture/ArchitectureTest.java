package fr.refactory.architecture;

import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import fr.refactory.engine.ConditionalOnEmbeddedEngine;
import fr.refactory.engine.Rejection;
import fr.refactory.engine.deployment.BpmnTransformer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

class ArchitectureTest {

	/**
	 * The production classes, imported once for the rules that check them: an import of
	 * the whole code base took 6-15 s each, and the rules only read it (ADR 1202).
	 */
	private static JavaClasses production;

	@BeforeAll
	static void importProductionOnce() {
		production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("fr.refactory");
	}

	@Test
	void shouldKeepEveryModuleWithinTheDependenciesArchitectureAllows() {
		assertThat(production()).as("production classes found").isNotEmpty();
		ModuleRules.forBasePackage("fr.refactory").check(production());
	}

	@Test
	void shouldFailWhenAModuleImportsOneItMayNotUse() {
		JavaClasses fixture = new ClassFileImporter().importPackages("archfixture");

		EvaluationResult result = ModuleRules.forBasePackage("archfixture").evaluate(fixture);

		assertThat(result.hasViolation()).isTrue();
		assertThat(result.getFailureReport().getDetails())
			.anySatisfy((line) -> assertThat(line).contains("archfixture.plant.LeakyPlantPort")
				.contains("archfixture.engine.EngineInternals"));
	}

	@Test
	void shouldAcceptAFixtureThatKeepsToTheRules() {
		JavaClasses fixture = new ClassFileImporter().importPackages("archfixture.engine");

		assertThat(ModuleRules.forBasePackage("archfixture").evaluate(fixture).hasViolation()).isFalse();
	}

	/**
	 * The engine classes that still hold JDBC access or write an engine table outside
	 * engine.state, each named with the store its writes are to move into (ADR 1110).
	 * Empty since issue 16's migration ended (ADR 1112); kept so a class that cannot be
	 * migrated at once is named here rather than excluded silently. The list only
	 * shrinks: a new offender fails the rule, and a listed class that no longer offends
	 * fails {@link #shouldListOnlyClassesThatStillWriteEngineStateOutsideEngineState}
	 * until it leaves.
	 */
	static final Set<String> NOT_YET_MIGRATED = Set.of();

	@Test
	void shouldWriteEngineStateOnlyFromEngineState() {
		EngineStateRules.forBasePackage("fr.refactory", NOT_YET_MIGRATED).check(production());
	}

	@Test
	void shouldListOnlyClassesThatStillWriteEngineStateOutsideEngineState() {
		assertThat(EngineStateRules.staleAllowances(production(), "fr.refactory", NOT_YET_MIGRATED))
			.as("allow-listed classes that no longer write engine state outside engine.state: remove them from"
					+ " NOT_YET_MIGRATED")
			.isEmpty();
	}

	/**
	 * engine.state holds the values of its rows itself (TimerSchedule, DecisionOutcome;
	 * ADR 1112), so it imports none of the engine packages that use the stores. The named
	 * exceptions still put it in package cycles (ADR 1112): the root package's Rejection
	 * and ConditionalOnEmbeddedEngine, and the BPMN parser behind the executable-process
	 * cache.
	 */
	@Test
	void shouldKeepEngineStateFromImportingTheEnginePackagesThatUseIt() {
		noClasses().that()
			.resideInAPackage("fr.refactory.engine.state..")
			.should()
			.dependOnClassesThat(resideInAPackage("fr.refactory.engine..")
				.and(not(resideInAnyPackage("fr.refactory.engine.state..", "fr.refactory.engine.model..")))
				.and(not(belongToAnyOf(Rejection.class, ConditionalOnEmbeddedEngine.class, BpmnTransformer.class))))
			.check(production());
	}

	@Test
	void shouldFailWhenAnEngineClassOutsideStateHoldsAJdbcTemplateAndWritesAnEngineTable() {
		JavaClasses fixture = new ClassFileImporter().importPackages("archfixture");

		EvaluationResult result = EngineStateRules.forBasePackage("archfixture", Set.of()).evaluate(fixture);

		assertThat(result.getFailureReport().getDetails())
			.anySatisfy((line) -> assertThat(line).contains("archfixture.engine.job.LeakyJobWriter")
				.contains("JdbcTemplate"))
			.anySatisfy((line) -> assertThat(line)
				.contains("archfixture.engine.job.LeakyJobWriter writes the engine tables [engine_job]"))
			.anySatisfy((line) -> assertThat(line).contains("archfixture.engine.job.LeakyJobReader uses [DataSource]"))
			.noneSatisfy((line) -> assertThat(line).contains("FixtureJobStore"))
			.noneSatisfy((line) -> assertThat(line).contains("FixtureJobQueries"));
		assertThat(EngineStateRules.staleAllowances(fixture, "archfixture", Set.of())).isEmpty();
	}

	@Test
	void shouldAcceptAnAllowListedOffenderAndReportAnAllowListedClassThatNoLongerOffends() {
		JavaClasses fixture = new ClassFileImporter().importPackages("archfixture");
		Set<String> allowed = Set.of("archfixture.engine.job.LeakyJobWriter", "archfixture.engine.job.LeakyJobReader",
				"archfixture.engine.EngineInternals", "archfixture.engine.job.RemovedLongAgo");

		EvaluationResult result = EngineStateRules.forBasePackage("archfixture", allowed).evaluate(fixture);

		assertThat(result.hasViolation()).isFalse();
		assertThat(EngineStateRules.staleAllowances(fixture, "archfixture", allowed))
			.containsExactly("archfixture.engine.EngineInternals", "archfixture.engine.job.RemovedLongAgo");
	}

	private static JavaClasses production() {
		return production;
	}

}
