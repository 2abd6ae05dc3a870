package fr.refactory.records;

import java.time.Instant;
import java.util.List;

/**
 * What a kit manufacturer reports yearly to the DGEC about its retrofit kits (arrêté of
 * 13 March 2020, brief §3.3; ADR 0911), from the Refactory's records: the conversions it
 * certified with the manufacturer's kits, the installers whose authorisation it found
 * valid, and the authorisation checks it made with their results.
 *
 * @param authorisedInstallers the installers an authorisation check of the year found
 * valid
 * @param surveysSent satisfaction surveys sent in the year after a conversion (T17);
 * their answers are the kit manufacturer's to collect
 */
public record DgecReport(String kitManufacturer, int year, List<Conversion> conversions,
		List<String> authorisedInstallers, int authorisationChecks, int authorisationChecksFailed, int surveysSent) {

	/** One conversion certificate of the year. */
	public record Conversion(String certificateNumber, String vin, Instant issuedAt, String installerName,
			String kitType, String approvalNumber, Instant copySentAt) {
	}

	public int conversionCount() {
		return this.conversions.size();
	}

}
