package fr.refactory.system.habilitation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The habilitation register read from {@code refactory.habilitations.people}, each title
 * as it stands today (a title renewed every period carries its last renewal's dates). An
 * adapter to the plant's competency register would be a {@code @Primary}
 * {@link HabilitationRegister} next to it.
 */
@Component
class ConfiguredHabilitationRegister implements HabilitationRegister {

	private final HabilitationProperties properties;

	private final Clock clock;

	ConfiguredHabilitationRegister(HabilitationProperties properties, ObjectProvider<Clock> clock) {
		this.properties = properties;
		this.clock = clock.getIfUnique(Clock::systemUTC);
	}

	@Override
	public List<HabilitationTitle> titlesOf(String username) {
		LocalDate today = LocalDate.now(this.clock);
		return this.properties.people()
			.getOrDefault(username, List.of())
			.stream()
			.map((title) -> title.asOf(today))
			.toList();
	}

}
