package fr.refactory.processes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The sources the injection check compares a process test's variables with, read from the product's files. */
class VariableSourcesTest {

	private final VariableSources sources = VariableSources.read();

	@Test
	void aUserTaskMaySetOnlyTheFieldsOfItsForm() {
		assertThat(this.sources.userTaskFields("hv-lockout", "task-lock-out-hv-system"))
			.contains("safetyPerimeterSet")
			.doesNotContain("subjectKey", "lockoutOfficerId");
	}

	@Test
	void aProcessThatOthersCallStartsWithWhatItsCallersHold() {
		assertThat(this.sources.startVariables("quality-gate")).contains("subjectType", "subjectKey", "reworkCount");
		assertThat(this.sources.startVariables("vehicle-intake")).contains("vin").doesNotContain("reworkCount");
	}

	@Test
	void publishedMessagesCarryTheKeysOfTheirContext() {
		assertThat(VariableSources.contextKeys("={batteryId: batteryPackId, nested: {inner: 1}, origin: \"X\"}"))
			.containsExactly("batteryId", "nested", "origin");
		assertThat(this.sources.messagePayload("CoreAnnounced")).contains("coreSerial");
	}

}
