package fr.refactory.workers.quality;

import java.time.LocalDate;
import java.util.List;

import fr.refactory.records.NonConformities;
import fr.refactory.records.NonConformity;
import fr.refactory.workers.support.Vars;
import fr.refactory.workers.support.WorkerRecords;
import io.camunda.client.api.response.ActivatedJob;

import org.springframework.stereotype.Component;

/**
 * The disposition of a quality gate pass's nonconformities (AS-62, ADR 0461), given by the step that carries the
 * verdict out: the rework order (REWORK), the scrap (SCRAP), the quality record of an item released under a customer
 * concession (CONCESSION, with the customer's authorisation reference).
 */
@Component
public class GateDispositions {

	public static final String CONCESSION = "CONCESSION";

	private final NonConformities nonConformities;

	private final WorkerRecords records;

	GateDispositions(NonConformities nonConformities, WorkerRecords records) {
		this.nonConformities = nonConformities;
		this.records = records;
	}

	/** Disposes the subject's gate nonconformities still without a disposition; none twice on a retried job. */
	public List<NonConformity> dispose(ActivatedJob job, String disposition) {
		Vars vars = Vars.of(job);
		Vars.Subject subject = vars.subject();
		boolean concession = CONCESSION.equals(disposition);
		List<NonConformity> disposed = this.nonConformities.disposeOpen(subject.key(), QualityWorkers.GATE,
				disposition, LocalDate.now(this.records.clock()), approvedBy(vars, concession),
				concession ? vars.text("customerAuthorisationRef", "concessionId") : null);
		if (!disposed.isEmpty()) {
			this.records.audit(job, "NONCONFORMITIES_DISPOSED", subject.type(), subject.key(),
					WorkerRecords.data("disposition", disposition, "defectCodes",
							disposed.stream().map(NonConformity::defectCode).toList()));
		}
		return disposed;
	}

	/** The customer for a concession; the quality engineers who decided an escalation; else the verdict table. */
	private static String approvedBy(Vars vars, boolean concession) {
		if (concession) {
			return vars.textOr("customer", "customerApprover");
		}
		return (vars.text("escalationDecision") != null) ? "quality-engineers" : "quality-verdict";
	}

}
