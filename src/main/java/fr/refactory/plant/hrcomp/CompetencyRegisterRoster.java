package fr.refactory.plant.hrcomp;

import java.time.LocalDate;
import java.util.List;

import fr.refactory.system.roster.RosterEntry;
import fr.refactory.system.roster.ShiftRoster;

import org.springframework.stereotype.Component;

/**
 * The shift roster answered by the plant's competency register (HR-COMP, simulated or
 * over HTTP), ADR 0710.
 */
@Component
class CompetencyRegisterRoster implements ShiftRoster {

	private final CompetencyRegister register;

	CompetencyRegisterRoster(CompetencyRegister register) {
		this.register = register;
	}

	@Override
	public List<RosterEntry> rosterOn(LocalDate date) {
		return this.register.shiftRoster(date);
	}

}
