package fr.refactory.system.habilitation;

import java.util.List;

/**
 * Where the console learns which electrical habilitations a person holds. The default
 * reads them from configuration ({@link HabilitationProperties}); an adapter to the
 * plant's competency register can replace it (docs/decisions/0400).
 */
public interface HabilitationRegister {

	/**
	 * Every title the person holds, valid or not: the decision table, not this register,
	 * judges validity.
	 */
	List<HabilitationTitle> titlesOf(String username);

}
