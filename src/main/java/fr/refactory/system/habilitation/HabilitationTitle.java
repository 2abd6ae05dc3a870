package fr.refactory.system.habilitation;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * One electrical habilitation title (NF C18-550) as the employer issued it: one title may
 * carry several symbols (e.g. "B1L BCL").
 *
 * @param symbols B0L, B1L, B2L, BCL, BRL, B1XL or B2XL
 * @param expiresOn last day the title is valid
 * @param lastRefresherOn date of the last refresher training (domain brief §4 D5: valid
 * for three years)
 * @param renewedEvery when given, the employer renews the title and its refresher
 * training every period from these dates on, so the title never lapses (development users
 * and the simulated plant's staff, ADR 0471); {@code null}: the dates are as recorded and
 * the title lapses when they pass
 */
public record HabilitationTitle(List<String> symbols, LocalDate expiresOn, LocalDate lastRefresherOn,
		Period renewedEvery) {

	@ConstructorBinding
	public HabilitationTitle {
		symbols = symbols == null ? List.of() : List.copyOf(symbols);
		if (renewedEvery != null && (renewedEvery.isZero() || renewedEvery.isNegative())) {
			throw new IllegalArgumentException("A title is renewed every positive period, not " + renewedEvery);
		}
	}

	public HabilitationTitle(List<String> symbols, LocalDate expiresOn, LocalDate lastRefresherOn) {
		this(symbols, expiresOn, lastRefresherOn, null);
	}

	/**
	 * The title as it stands on a date: a renewed title carries the dates of its last
	 * renewal on or before it.
	 */
	public HabilitationTitle asOf(LocalDate on) {
		if (this.renewedEvery == null || this.expiresOn == null || this.lastRefresherOn == null) {
			return this;
		}
		int renewals = 0;
		while (!on.isBefore(this.lastRefresherOn.plus(this.renewedEvery.multipliedBy(renewals + 1)))) {
			renewals++;
		}
		Period shift = this.renewedEvery.multipliedBy(renewals);
		return new HabilitationTitle(this.symbols, this.expiresOn.plus(shift), this.lastRefresherOn.plus(shift),
				this.renewedEvery);
	}

}
