package fr.refactory.workers.reg;

import java.util.List;
import java.util.Map;

import fr.refactory.records.AuditLog;
import fr.refactory.test.RefactoryIntegrationTest;
import fr.refactory.workers.support.TestJob;
import fr.refactory.workers.support.TestVins;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationWorkersTest extends RefactoryIntegrationTest {

	@Autowired
	RegistrationWorkers workers;

	@Autowired
	AuditLog audit;

	@Test
	void administrativeStatusKeepsWhatTheProcessKnows() {
		Map<String, Object> status = this.workers.checkAdministrativeStatus(TestJob.of("reg.checkAdministrativeStatus",
				Map.of("vin", TestVins.master(), "veProcedure", "VGE", "oppositionFlags", List.of("GAGE"))));

		assertThat(status).containsEntry("veProcedure", "VGE").containsEntry("oppositionFlags", List.of("GAGE"))
			.containsKey("csaDate");
	}

	@Test
	void takeOverAndCodNumbersAreTheSameWhenTheJobIsDeliveredTwice() {
		String vin = TestVins.master();
		TestJob takeOver = TestJob.of("reg.declareTakeOverForDestruction", Map.of("vin", vin));
		TestJob cod = TestJob.of("reg.issueCoD", Map.of("vin", vin));

		assertThat(this.workers.declareTakeOverForDestruction(takeOver))
			.isEqualTo(this.workers.declareTakeOverForDestruction(takeOver.again()));
		assertThat(this.workers.issueCoD(cod).get("codNumber"))
			.isEqualTo(this.workers.issueCoD(cod.again()).get("codNumber"));
		assertThat(this.audit.about(vin)).extracting((e) -> e.action())
			.containsExactly("TAKE_OVER_DECLARED", "COD_ISSUED");
	}

}
