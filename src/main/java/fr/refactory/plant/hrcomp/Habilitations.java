package fr.refactory.plant.hrcomp;

import java.time.LocalDate;
import java.util.List;

/** The habilitations a person holds, with those valid on {@link #on()}. */
public record Habilitations(String personId, LocalDate on, List<Habilitation> titles) {

	/** Symbols valid on the asked date: issued, not expired, refresher less than three years old. */
	public List<String> validSymbols() {
		return this.titles.stream().filter((title) -> title.validOn(this.on)).map(Habilitation::symbol).toList();
	}

	/** @param symbol B0L, B1L, B2L, BCL, BRL, B1XL or B2XL */
	public record Habilitation(String symbol, LocalDate issuedOn, LocalDate expiresOn, LocalDate lastRefresherOn) {

		public boolean validOn(LocalDate date) {
			return !date.isBefore(this.issuedOn) && !date.isAfter(this.expiresOn)
					&& date.isBefore(this.lastRefresherOn.plusYears(3));
		}

	}

}
