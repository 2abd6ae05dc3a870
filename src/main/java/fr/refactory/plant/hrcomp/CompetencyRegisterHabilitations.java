package fr.refactory.plant.hrcomp;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import fr.refactory.system.habilitation.HabilitationRegister;
import fr.refactory.system.habilitation.HabilitationTitle;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The console's habilitation register answered by the plant's competency register
 * (HR-COMP, simulated or over HTTP) instead of configuration, when
 * {@code refactory.habilitations.source=competency-register}: the user name is the person
 * id, and every title the register knows today is returned, valid or not (the decision
 * table judges).
 */
@Component
@Primary
@ConditionalOnProperty(name = "refactory.habilitations.source", havingValue = "competency-register")
class CompetencyRegisterHabilitations implements HabilitationRegister {

	private final CompetencyRegister register;

	private final Clock clock;

	CompetencyRegisterHabilitations(CompetencyRegister register, ObjectProvider<Clock> clock) {
		this.register = register;
		this.clock = clock.getIfUnique(Clock::systemUTC);
	}

	@Override
	public List<HabilitationTitle> titlesOf(String username) {
		return this.register.habilitationsOf(username, LocalDate.now(this.clock)).asTitles();
	}

}
