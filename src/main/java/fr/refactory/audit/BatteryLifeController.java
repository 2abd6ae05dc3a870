package fr.refactory.audit;

import java.util.List;

import fr.refactory.records.Batteries;
import fr.refactory.records.Battery;
import fr.refactory.records.BatteryPassports;
import fr.refactory.records.PassportAccess;
import fr.refactory.records.PassportView;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Auditor question Q4, "show the full life of battery B" (domain brief §6.2): the
 * batteries it was made from, every vehicle any of them was in, its state-of-health
 * readings and passport versions, with the query behind the vehicles.
 */
@Controller
class BatteryLifeController {

	private final Batteries batteries;

	private final BatteryPassports passports;

	BatteryLifeController(Batteries batteries, BatteryPassports passports) {
		this.batteries = batteries;
		this.passports = passports;
	}

	@GetMapping("/audit/batteries/{batteryId}")
	String life(@PathVariable String batteryId, Model model) {
		PassportView passport = this.passports.view(batteryId, PassportAccess.AUTHORITIES)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No battery " + batteryId));
		List<Battery> lineage = this.batteries.lineage(batteryId);
		model.addAttribute("passport", passport);
		model.addAttribute("lineage", lineage);
		model.addAttribute("vehicles", this.passports.vehiclesOf(batteryId));
		model.addAttribute("successors", this.passports.successors(batteryId));
		model.addAttribute("query", BatteryPassports.VEHICLES_QUERY.strip());
		return "audit/battery";
	}

	/**
	 * Auditor question Q12: every battery that left as second life, its SoH at decision
	 * time and its new passport.
	 */
	@GetMapping("/audit/second-life")
	String secondLife(Model model) {
		model.addAttribute("batteries", this.passports.secondLife());
		model.addAttribute("query", BatteryPassports.SECOND_LIFE_QUERY.strip());
		return "audit/second-life";
	}

}
