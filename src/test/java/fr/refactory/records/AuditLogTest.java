package fr.refactory.records;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import fr.refactory.test.RefactoryIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The audit log is append-only and hash-chained. Tampering needs the database superuser
 * to switch the append-only trigger off, which the tests do inside a transaction they
 * roll back, so the shared chain stays intact for every other test.
 */
class AuditLogTest extends RefactoryIntegrationTest {

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	private final String vin = TestKeys.vin();

	@Test
	void shouldChainEachEntryToThePreviousOne() {
		AuditEntry first = append("TASK_COMPLETED", Map.of("form", Map.of("odometerKm", 120_000)));
		AuditEntry second = append("DECISION_EVALUATED", Map.of("decisionId", "intake-route", "route", "RENEW"));

		assertThat(second.previousHash()).isEqualTo(first.hash());
		assertThat(second.sequenceNumber()).isGreaterThan(first.sequenceNumber());
		assertThat(first.hash()).matches("[0-9a-f]{64}");
		assertThat(this.auditLog.about(this.vin)).containsExactly(first, second);
		AuditVerification verification = this.auditLog.verify();
		assertThat(verification.intact()).as(verification.reason()).isTrue();
		assertThat(verification.headHash()).isEqualTo(lastHash());
	}

	@Test
	void shouldWriteDataAsCanonicalJsonWhateverTheKeyOrder() {
		Map<String, Object> one = new LinkedHashMap<>();
		one.put("b", 2);
		one.put("a", Map.of("y", true, "x", List.of(3, 1)));
		Map<String, Object> other = new LinkedHashMap<>();
		other.put("a", Map.of("x", List.of(3, 1), "y", true));
		other.put("b", 2);

		assertThat(append("STATUS_CHANGED", one).data()).isEqualTo(append("STATUS_CHANGED", other).data())
			.isEqualTo("{\"a\":{\"x\":[3,1],\"y\":true},\"b\":2}");
	}

	@Test
	void shouldRejectUpdatesAndDeletesOfStoredEntries() {
		AuditEntry entry = append("STATUS_CHANGED", Map.of("status", "REGISTERED"));

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.jdbc.update("update audit_entry set actor = 'mallory' where sequence_number = ?",
					entry.sequenceNumber()))
			.havingRootCause()
			.withMessageContaining("append-only: UPDATE");
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(
					() -> this.jdbc.update("delete from audit_entry where sequence_number = ?", entry.sequenceNumber()))
			.havingRootCause()
			.withMessageContaining("append-only: DELETE");
		assertThat(this.auditLog.about(this.vin)).containsExactly(entry);
	}

	@ParameterizedTest
	@ValueSource(strings = { "recorded_at = recorded_at + interval '1 microsecond'", "actor = 'mallory'",
			"action = 'NOTHING_HAPPENED'", "subject_type = 'PART'", "subject_key = 'VF1MA000000000000'",
			"process_instance_key = 4242", "idempotency_key = 'forged'", "data = '{\"route\":\"DISMANTLE\"}'",
			"previous_hash = repeat('f', 64)", "hash = repeat('e', 64)" })
	void shouldNameTheChangedEntryAsFirstBroken(String change) {
		append("TASK_COMPLETED", Map.of("step", 1));
		AuditEntry tampered = append("DECISION_EVALUATED", Map.of("route", "RENEW"));
		append("STATUS_CHANGED", Map.of("step", 3));

		AuditVerification verification = verifyAfter(
				"update audit_entry set " + change + " where sequence_number = " + tampered.sequenceNumber());

		assertThat(verification.intact()).isFalse();
		assertThat(verification.firstBrokenSequence()).isEqualTo(tampered.sequenceNumber());
		assertThat(verification.reason()).startsWith("entry " + tampered.sequenceNumber() + ":");
		assertThat(this.auditLog.verify().intact()).as("the rolled-back change left the chain intact").isTrue();
	}

	@Test
	void shouldNameTheEntryAfterARemovedOne() {
		append("TASK_COMPLETED", Map.of("step", 1));
		AuditEntry removed = append("DECISION_EVALUATED", Map.of("route", "RENEW"));
		AuditEntry next = append("STATUS_CHANGED", Map.of("step", 3));

		AuditVerification verification = verifyAfter(
				"delete from audit_entry where sequence_number = " + removed.sequenceNumber());

		assertThat(verification.firstBrokenSequence()).isEqualTo(next.sequenceNumber());
		assertThat(verification.reason()).contains("previous hash");
	}

	@Test
	void shouldNameTheEntryThatFollowsARenumberedOne() {
		append("TASK_COMPLETED", Map.of("step", 1));
		AuditEntry moved = append("DECISION_EVALUATED", Map.of("route", "RENEW"));
		AuditEntry next = append("STATUS_CHANGED", Map.of("step", 3));

		AuditVerification verification = verifyAfter("update audit_entry set sequence_number = sequence_number + "
				+ "1000000000 where sequence_number = " + moved.sequenceNumber());

		assertThat(verification.firstBrokenSequence()).isEqualTo(next.sequenceNumber());
	}

	@Test
	void shouldKeepTheChainIntactUnderConcurrentAppends() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<AuditEntry>> appends = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				int step = i;
				appends.add(pool.submit(() -> append("STATUS_CHANGED", Map.of("step", step))));
			}
			for (Future<AuditEntry> append : appends) {
				append.get();
			}
		}
		finally {
			pool.shutdown();
		}

		AuditVerification verification = this.auditLog.verify();
		assertThat(verification.intact()).as(verification.reason()).isTrue();
		assertThat(this.auditLog.about(this.vin)).hasSize(40);
	}

	private AuditEntry append(String action, Map<String, ?> data) {
		return this.auditLog.append(new AuditEvent("worker:test", action, "VEHICLE", this.vin, 1L, null, data));
	}

	/**
	 * Makes the change as the superuser with the append-only trigger off, verifies, and
	 * rolls everything back.
	 */
	private AuditVerification verifyAfter(String tampering) {
		AtomicReference<AuditVerification> verification = new AtomicReference<>();
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			this.jdbc.execute("alter table audit_entry disable trigger audit_entry_append_only");
			assertThat(this.jdbc.update(tampering)).isEqualTo(1);
			verification.set(this.auditLog.verify());
			status.setRollbackOnly();
		});
		return verification.get();
	}

	private String lastHash() {
		return this.jdbc.queryForObject("select hash from audit_entry order by sequence_number desc limit 1",
				String.class);
	}

}
