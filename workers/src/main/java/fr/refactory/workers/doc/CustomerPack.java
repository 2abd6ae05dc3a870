package fr.refactory.workers.doc;

import java.util.Map;

import fr.refactory.system.pdf.SimplePdf;

/**
 * The customer information pack of a converted van (brief §3.3 step 3.19), in French for a French buyer: the Annex IV
 * statement with its inputs and method (ADR 0912), the warranty terms, and the HV safety notice.
 */
final class CustomerPack {

	private CustomerPack() {
	}

	@SuppressWarnings("unchecked")
	static byte[] pdf(String number, Map<String, Object> fields, GhgStatement ghg) {
		Map<String, Object> warranty = (Map<String, Object>) fields.get("warrantyTerms");
		return new SimplePdf("Dossier client du véhicule transformé")
			.field("Numéro du dossier", number)
			.field("Numéro d'identification du véhicule (E)", fields.get("vin"))
			.field("Certificat de transformation", fields.get("conversionCertificateNumber"))
			.text("1. Émissions de gaz à effet de serre évitées (arrêté du 13 mars 2020, annexe IV)")
			.field("Émissions évitées sur " + ghg.years() + " ans (kg CO2e)", ghg.avoidedKgCo2e())
			.field("Kilométrage annuel du véhicule retenu (km)", ghg.yearlyKm())
			.field("Émissions du véhicule thermique sur la période (kg CO2e)", ghg.dieselKgCo2e())
			.field("Émissions de l'électricité consommée sur la période (kg CO2e)", ghg.electricityKgCo2e())
			.field("Émissions de fabrication de la batterie du dispositif (kg CO2e)", ghg.batteryKgCo2e())
			.text("Méthode : kilométrage annuel du véhicule (compteur à la transformation divisé par son âge) sur la "
					+ "période, multiplié par la consommation de gazole et son facteur d'émission, moins l'électricité "
					+ "consommée par le véhicule transformé et la fabrication de sa batterie. Facteurs : ADEME Base "
					+ "Carbone (gazole, électricité France), IVL 2019 (batterie).")
			.text("2. Garanties")
			.field("Dispositif de conversion", terms((Map<String, Object>) warranty.get("kit")))
			.field("Batterie de traction", terms((Map<String, Object>) warranty.get("battery")))
			.text("3. Consignes de sécurité haute tension")
			.text("Ce véhicule comporte un circuit haute tension (câbles orange). Seul un professionnel habilité "
					+ "(NF C18-550) peut intervenir sur la batterie de traction, le moteur, l'onduleur ou les câbles "
					+ "orange. En cas de choc, d'odeur, de fumée ou de voyant de défaut, arrêtez le véhicule, coupez le "
					+ "contact, éloignez-vous et appelez les secours en signalant un véhicule électrique.")
			.field("Référence de la notice", fields.get("hvSafetyNotice"))
			.render();
	}

	private static String terms(Map<String, Object> terms) {
		if (terms == null) {
			return "";
		}
		Object km = terms.get("kmLimit");
		return terms.get("months") + " mois, " + ((km == null) ? "kilométrage illimité" : km + " km");
	}

}
