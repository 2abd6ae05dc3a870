package fr.refactory.audit;

import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

import fr.refactory.records.AuditEntry;
import fr.refactory.records.AuditLog;
import fr.refactory.records.AuditQuery;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The audit log: filter, verify the hash chain, export as CSV or JSON. Nothing here
 * writes.
 */
@Controller
class AuditLogController {

	private static final int LIMIT = 1000;

	private final AuditLog auditLog;

	AuditLogController(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@GetMapping("/audit/log")
	String log(@RequestParam(required = false) String actor, @RequestParam(required = false) String subject,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "false") boolean verify, Principal principal, Model model) {
		model.addAttribute("entries", this.auditLog.search(query(actor, subject, from, to)));
		model.addAttribute("verification", verify ? this.auditLog.verify() : null);
		model.addAttribute("actor", actor);
		model.addAttribute("subject", subject);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		return "audit/log";
	}

	@GetMapping(path = "/audit/log.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<List<AuditEntry>> exportJson(@RequestParam(required = false) String actor,
			@RequestParam(required = false) String subject,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=audit-log.json")
			.body(this.auditLog.search(query(actor, subject, from, to)));
	}

	@GetMapping(path = "/audit/log.csv", produces = "text/csv")
	@ResponseBody
	ResponseEntity<String> exportCsv(@RequestParam(required = false) String actor,
			@RequestParam(required = false) String subject,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		String header = "sequence,recordedAt,actor,action,subjectType,subjectKey,processInstanceKey,data,previousHash,hash";
		String rows = this.auditLog.search(query(actor, subject, from, to))
			.stream()
			.map(AuditLogController::csvLine)
			.collect(Collectors.joining("\n"));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=audit-log.csv")
			.contentType(new MediaType("text", "csv"))
			.body(header + "\n" + rows + "\n");
	}

	private static AuditQuery query(String actor, String subject, LocalDate from, LocalDate to) {
		return new AuditQuery(actor, subject, from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC),
				to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC), LIMIT);
	}

	private static String csvLine(AuditEntry entry) {
		return String.join(",", Long.toString(entry.sequenceNumber()), entry.recordedAt().toString(),
				csv(entry.actor()), csv(entry.action()), csv(entry.subjectType()), csv(entry.subjectKey()),
				entry.processInstanceKey() == null ? "" : entry.processInstanceKey().toString(), csv(entry.data()),
				entry.previousHash(), entry.hash());
	}

	/**
	 * RFC 4180 quoting; a leading formula character is neutralised so a spreadsheet does
	 * not run it.
	 */
	static String csv(String value) {
		if (value == null) {
			return "";
		}
		String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
		return "\"" + safe.replace("\"", "\"\"") + "\"";
	}

}
