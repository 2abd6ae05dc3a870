package fr.refactory.system.habilitation;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The habilitation register read from {@code refactory.habilitations.people}. An adapter to the plant's competency
 * register would be a {@code @Primary} {@link HabilitationRegister} next to it.
 */
@Component
class ConfiguredHabilitationRegister implements HabilitationRegister {

	private final HabilitationProperties properties;

	ConfiguredHabilitationRegister(HabilitationProperties properties) {
		this.properties = properties;
	}

	@Override
	public List<HabilitationTitle> titlesOf(String username) {
		return this.properties.people().getOrDefault(username, List.of());
	}

}
