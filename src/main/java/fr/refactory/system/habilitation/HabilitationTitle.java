package fr.refactory.system.habilitation;

import java.time.LocalDate;
import java.util.List;

/**
 * One electrical habilitation title (NF C18-550) as the employer issued it: one title may carry several symbols
 * (e.g. "B1L BCL").
 *
 * @param symbols B0L, B1L, B2L, BCL, BRL, B1XL, B2XL
 * @param expiresOn last day the title is valid
 * @param lastRefresherOn date of the last refresher training (domain brief §4 D5: valid for three years)
 */
public record HabilitationTitle(List<String> symbols, LocalDate expiresOn, LocalDate lastRefresherOn) {

	public HabilitationTitle {
		symbols = symbols == null ? List.of() : List.copyOf(symbols);
	}

}
