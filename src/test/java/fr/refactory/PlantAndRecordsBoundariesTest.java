package fr.refactory;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module rules of {@code plant} and {@code records} (architecture §3): each depends
 * on {@code system} at most, never on the engine, the workers, the pages or a Camunda
 * class; other modules use their root packages only.
 */
@AnalyzeClasses(packages = "fr.refactory", importOptions = ImportOption.DoNotIncludeTests.class)
class PlantAndRecordsBoundariesTest {

	@ArchTest
	static final ArchRule plantDependsOnNoOtherModule = noClasses().that()
		.resideInAPackage("fr.refactory.plant..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("fr.refactory.engine..", "fr.refactory.workers..", "fr.refactory.console..",
				"fr.refactory.audit..", "fr.refactory.records..", "io.camunda..");

	@ArchTest
	static final ArchRule recordsDependOnNoOtherModule = noClasses().that()
		.resideInAPackage("fr.refactory.records..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("fr.refactory.engine..", "fr.refactory.workers..", "fr.refactory.console..",
				"fr.refactory.audit..", "fr.refactory.plant..", "io.camunda..");

	@ArchTest
	static final ArchRule recordsInternalsStayInside = noClasses().that()
		.resideOutsideOfPackage("fr.refactory.records..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("fr.refactory.records.jdbc..", "fr.refactory.records.audit..");

	@ArchTest
	static final ArchRule plantPlumbingStaysInside = noClasses().that()
		.resideOutsideOfPackage("fr.refactory.plant..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("fr.refactory.plant.http..", "fr.refactory.plant.simulation..");

}
