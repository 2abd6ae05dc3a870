package fr.refactory.console.passport;

import java.util.Set;
import java.util.stream.Collectors;

import fr.refactory.records.BatteryPassports;
import fr.refactory.records.PassportAccess;
import fr.refactory.records.PassportAttribute;
import fr.refactory.records.PassportView;
import fr.refactory.system.security.Roles;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The read-only battery passport page a battery label's QR code points to
 * ({@code /passport/{batteryId}}): public attributes without sign-in, the rest by role
 * (ADR 0901). Only GET is mapped: nothing here changes or deletes a passport.
 */
@Controller
class PassportPageController {

	private static final Set<String> LEGITIMATE_INTEREST = Set.of(Roles.BATTERY_TECHNICIAN, Roles.QUALITY_INSPECTOR);

	private static final Set<String> AUTHORITIES = Set.of(Roles.AUDITOR, Roles.ADMIN);

	private final BatteryPassports passports;

	PassportPageController(BatteryPassports passports) {
		this.passports = passports;
	}

	@GetMapping("/passport/{batteryId}")
	String passport(@PathVariable String batteryId, Authentication authentication, Model model) {
		PassportView view = this.passports.view(batteryId, accessOf(authentication))
			.orElseThrow(
					() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No battery passport for " + batteryId));
		model.addAttribute("passport", view);
		model.addAttribute("attributes", PassportAttribute.values());
		model.addAttribute("signedIn", isSignedIn(authentication));
		model.addAttribute("publicUrl", publicUrl(batteryId));
		return "passport/passport";
	}

	/**
	 * The QR code printed on the battery's label and shown on its page: it points at the
	 * public page (ADR 0905). Only registered batteries get one, so a label cannot be
	 * printed for a passport that does not exist.
	 */
	@GetMapping(path = "/passport/{batteryId}/qr", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> qrCode(@PathVariable String batteryId) {
		this.passports.view(batteryId, PassportAccess.PUBLIC)
			.orElseThrow(
					() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No battery passport for " + batteryId));
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(QrCode.png(publicUrl(batteryId)));
	}

	private static String publicUrl(String batteryId) {
		return ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/passport/{batteryId}")
			.buildAndExpand(batteryId)
			.encode()
			.toUriString();
	}

	static PassportAccess accessOf(Authentication authentication) {
		if (!isSignedIn(authentication)) {
			return PassportAccess.PUBLIC;
		}
		Set<String> roles = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.map((authority) -> authority.replaceFirst("^ROLE_", ""))
			.collect(Collectors.toSet());
		if (roles.stream().anyMatch(AUTHORITIES::contains)) {
			return PassportAccess.AUTHORITIES;
		}
		if (roles.stream().anyMatch(LEGITIMATE_INTEREST::contains)) {
			return PassportAccess.LEGITIMATE_INTEREST;
		}
		return PassportAccess.PUBLIC;
	}

	private static boolean isSignedIn(Authentication authentication) {
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

}
