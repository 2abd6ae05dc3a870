package fr.refactory.audit;

import java.security.Principal;

import fr.refactory.records.AuditLog;
import fr.refactory.records.Genealogy;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The genealogy of a vehicle, battery or part: what it was made from, where its parts
 * went, and which process instances touched it (domain brief §6.2).
 */
@Controller
class AssetController {

	private final Genealogy genealogy;

	private final AuditLog auditLog;

	private final ProcessHistory history;

	AssetController(Genealogy genealogy, AuditLog auditLog, ProcessHistory history) {
		this.genealogy = genealogy;
		this.auditLog = auditLog;
		this.history = history;
	}

	@GetMapping("/audit/assets/{assetKey}")
	String asset(@PathVariable String assetKey, Principal principal, Model model) {
		model.addAttribute("assetKey", assetKey);
		model.addAttribute("links", this.genealogy.linksOf(assetKey));
		model.addAttribute("instances", this.history.search(new InstanceQuery(null, null, assetKey, null, null, null)));
		model.addAttribute("entries", this.auditLog.about(assetKey));
		return "audit/asset";
	}

}
