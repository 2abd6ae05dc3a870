package fr.refactory.plant.hrcomp;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.refactory.system.habilitation.HabilitationTitle;

/**
 * The habilitation titles a person holds on {@link #on()}, valid or not: whether a title
 * allows an operation is decision D5's check (decisions/hv-habilitation-required.dmn),
 * never this register's.
 */
public record Habilitations(String personId, LocalDate on, List<Habilitation> titles) {

	/**
	 * The titles as D5's check reads them: symbols sharing their expiry and refresher
	 * dates form one title.
	 */
	public List<HabilitationTitle> asTitles() {
		Map<List<LocalDate>, List<String>> symbolsByDates = new LinkedHashMap<>();
		for (Habilitation title : this.titles) {
			symbolsByDates
				.computeIfAbsent(Arrays.asList(title.expiresOn(), title.lastRefresherOn()),
						(dates) -> new ArrayList<>())
				.add(title.symbol());
		}
		return symbolsByDates.entrySet()
			.stream()
			.map((entry) -> new HabilitationTitle(entry.getValue(), entry.getKey().get(0), entry.getKey().get(1)))
			.toList();
	}

	/**
	 * @param symbol B0L, B1L, B2L, BCL, BRL, B1XL or B2XL
	 */
	public record Habilitation(String symbol, LocalDate issuedOn, LocalDate expiresOn, LocalDate lastRefresherOn) {
	}

}
