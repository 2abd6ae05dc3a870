package fr.refactory.plant.hrcomp;

import java.time.LocalDate;
import java.util.List;

import fr.refactory.plant.http.PlantHttpClient;
import fr.refactory.system.roster.RosterEntry;

import static fr.refactory.plant.http.PlantHttpClient.segment;

/**
 * The competency register over HTTP; see {@link PlantHttpClient} for time-outs and error
 * mapping.
 */
public class HttpCompetencyRegister implements CompetencyRegister {

	private final PlantHttpClient http;

	public HttpCompetencyRegister(PlantHttpClient http) {
		this.http = http;
	}

	@Override
	public Habilitations habilitationsOf(String personId, LocalDate on) {
		return this.http.get("people/" + segment(personId) + "/habilitations?on=" + on, Habilitations.class);
	}

	@Override
	public List<RosterEntry> shiftRoster(LocalDate on) {
		return List.of(this.http.get("shifts/" + on + "/roster", RosterEntry[].class));
	}

	@Override
	public InstallerAuthorisation installerAuthorisation(String installerOrg, String vehicleType, LocalDate on) {
		return this.http.get("installers/" + segment(installerOrg) + "/authorisation?vehicleType="
				+ segment(vehicleType) + "&on=" + on, InstallerAuthorisation.class);
	}

}
