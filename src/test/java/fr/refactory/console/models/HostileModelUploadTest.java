package fr.refactory.console.models;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import fr.refactory.test.HostileModels;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.test.WebSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A process owner's upload that cannot be a sane model is reported on the page, never a 500 (issue 19). */
class HostileModelUploadTest extends RefactoryIntegrationTest {

	@Test
	void shouldReportAModelNestedTooDeepAsAProblem() {
		WebSession owner = WebSession.signedIn(baseUrl(), "process-owner");
		owner.get("/models");
		String processId = "deep-" + UUID.randomUUID().toString().substring(0, 8);

		HttpResponse<String> page = owner.postFile("/models/deploy", "files", "deep.bpmn",
				HostileModels.nestedBpmn(processId, 60_000).getBytes(StandardCharsets.UTF_8));

		assertThat(page.statusCode()).isEqualTo(422);
		assertThat(page.body()).contains("deep.bpmn").contains("depth").doesNotContain(processId + "</td>");
	}

	@Test
	void shouldReportAStaticTimerThatCanNeverBeScheduled() {
		WebSession owner = WebSession.signedIn(baseUrl(), "process-owner");
		owner.get("/models");
		String processId = "ptx-" + UUID.randomUUID().toString().substring(0, 8);

		HttpResponse<String> page = owner.postFile("/models/deploy", "files", "ptx.bpmn",
				HostileModels.timerBpmn(processId, "PTX-1").getBytes(StandardCharsets.UTF_8));

		assertThat(page.statusCode()).isEqualTo(422);
		assertThat(page.body()).contains("PTX-1");
	}

}
