package fr.refactory.audit;

import java.util.Map;

import fr.refactory.records.AuditEvent;
import fr.refactory.records.AuditLog;
import fr.refactory.system.security.LoginLockedOut;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes each sign-in lockout in the audit log, under the user name or address it locked
 * (ADR 0505).
 */
@Component
class LoginLockoutAudit {

	static final String ACTION = "LOGIN_LOCKED_OUT";

	private final AuditLog auditLog;

	LoginLockoutAudit(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@EventListener
	void lockedOut(LoginLockedOut lockout) {
		this.auditLog.append(new AuditEvent("security", ACTION, lockout.kind().equals("user") ? "USER" : "ADDRESS",
				lockout.key(), null, null, Map.of("kind", lockout.kind(), "failures", lockout.failures(), "lockedUntil",
						lockout.lockedUntil().toString())));
	}

}
