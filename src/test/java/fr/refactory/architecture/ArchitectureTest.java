package fr.refactory.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArchitectureTest {

	@Test
	void shouldKeepEveryModuleWithinTheDependenciesArchitectureAllows() {
		JavaClasses production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("fr.refactory");

		assertThat(production).as("production classes found").isNotEmpty();
		ModuleRules.forBasePackage("fr.refactory").check(production);
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
	 * The write-path rule, with today's violations frozen (src/test/resources/archunit-store): a new class writing
	 * engine state outside engine.state fails, and a class moved into a store leaves the store's list.
	 */
	@Test
	void shouldWriteEngineStateOnlyFromEngineState() {
		JavaClasses production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("fr.refactory");

		FreezingArchRule.freeze(EngineStateRules.forBasePackage("fr.refactory")).check(production);
	}

	@Test
	void shouldFailWhenAnEngineClassOutsideStateHoldsAJdbcTemplateAndWritesAnEngineTable() {
		JavaClasses fixture = new ClassFileImporter().importPackages("archfixture");

		EvaluationResult result = EngineStateRules.forBasePackage("archfixture").evaluate(fixture);

		assertThat(result.getFailureReport().getDetails())
			.anySatisfy((line) -> assertThat(line).contains("archfixture.engine.job.LeakyJobWriter")
				.contains("JdbcTemplate"))
			.anySatisfy((line) -> assertThat(line)
				.contains("archfixture.engine.job.LeakyJobWriter writes the engine tables [engine_job]"))
			.noneSatisfy((line) -> assertThat(line).contains("FixtureJobStore"));
	}

}
