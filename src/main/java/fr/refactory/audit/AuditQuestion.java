package fr.refactory.audit;

import java.util.List;
import java.util.Set;

/**
 * One of the auditor's questions of domain brief §6.2 (ADR 0913): what the auditor
 * enters, and where the answer comes from.
 *
 * @param id q1 … q14, the key of its messages ({@code question.q1.*})
 * @param parameter what the auditor enters (key, day, year, days), or null
 * @param required whether the answer needs the parameter
 * @param sources the tables of the answer, in order
 * @param page an existing page that answers the question instead ({@code {key}} is
 * replaced by what the auditor entered), or null
 */
record AuditQuestion(String id, String parameter, boolean required, List<Source> sources, String page) {

	static AuditQuestion of(String id, String parameter, boolean required, Source... sources) {
		return new AuditQuestion(id, parameter, required, List.of(sources), null);
	}

	static AuditQuestion page(String id, String parameter, String page) {
		return new AuditQuestion(id, parameter, parameter != null, List.of(), page);
	}

	/** Where one table of an answer comes from. */
	sealed interface Source permits Sql, Decisions, UserTasks, Variables {

		/**
		 * The table's id on the page and the key of its title
		 * ({@code question.table.<id>}).
		 */
		String id();

	}

	/** A query on the Refactory's records ({@code AuditQuestionQueries}). */
	record Sql(String id, String query) implements Source {
	}

	/**
	 * The decisions evaluated in the process instances that recorded something about the
	 * subject (found through the audit log), kept to the given decision ids.
	 */
	record Decisions(String id, Set<String> decisionIds) implements Source {
	}

	/** The user tasks of those instances, kept to the given element ids. */
	record UserTasks(String id, Set<String> elementIds) implements Source {
	}

	/**
	 * The values of the given variables in those instances (root scope): what operators
	 * entered in forms, e.g. a route override and its justification.
	 */
	record Variables(String id, Set<String> names) implements Source {
	}

}
