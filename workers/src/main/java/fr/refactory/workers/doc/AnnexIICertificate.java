package fr.refactory.workers.doc;

import java.util.Map;

import fr.refactory.system.pdf.SimplePdf;

/**
 * The conversion certificate as the model of Annex II of the arrêté of 13 March 2020 lays it out (brief §3.3, ADR
 * 0910): the installer, the kit and its approval, the kit's component identification numbers, the vehicle as its
 * registration certificate names it (letters in brackets), its masses after the conversion, date and signature. The
 * labels are the arrêté's, in French, as the certificate is a French administrative document.
 */
final class AnnexIICertificate {

	/** Registration field P.3 after a conversion to battery-electric. */
	static final String ELECTRIC = "EL";

	private AnnexIICertificate() {
	}

	static byte[] pdf(String number, Map<String, Object> fields) {
		@SuppressWarnings("unchecked")
		Map<String, Object> components = (Map<String, Object>) fields.get("componentIds");
		return new SimplePdf("Certificat de transformation - arrêté du 13 mars 2020, annexe II")
			.field("Numéro du certificat", number)
			.text("1. Installateur")
			.field("Nom ou raison sociale de l'installateur", fields.get("installerName"))
			.field("Adresse de l'installateur", fields.get("installerAddress"))
			.text("2. Dispositif de conversion")
			.field("Constructeur du dispositif de conversion", fields.get("kitManufacturer"))
			.field("Type du dispositif de conversion", fields.get("kitType"))
			.field("Numéro d'agrément du dispositif", fields.get("approvalNumber"))
			.field("Puissance maximale nette du moteur électrique (kW) (P.2)", fields.get("motorPowerKw"))
			.text("3. Numéros d'identification des composants")
			.field("Batterie de traction", components.get("battery"))
			.field("Moteur électrique", components.get("motor"))
			.field("Onduleur", components.get("inverter"))
			.field("Chargeur", components.get("charger"))
			.text("4. Véhicule transformé")
			.field("Marque (D.1)", fields.get("vehicleMake"))
			.field("Type, variante, version (D.2)", fields.get("vehicleType"))
			.field("Code national d'identification du type (D.2.1)", fields.get("cnit"))
			.field("Catégorie (J)", fields.get("category"))
			.field("Année de première immatriculation (B)", fields.get("firstRegistrationYear"))
			.field("Numéro d'identification du véhicule (E)", fields.get("vin"))
			.field("Source d'énergie après transformation (P.3)", fields.get("energyAfterConversion"))
			.field("Masse en ordre de marche avant transformation (kg)", fields.get("originalMassInRunningOrderKg"))
			.field("Masse en ordre de marche après transformation (kg) (G)", fields.get("massInRunningOrderKg"))
			.field("Masse en charge maximale techniquement admissible (kg) (F.1)",
					fields.get("maxPermissibleLadenMassKg"))
			.text("5. Attestation")
			.text("L'installateur soussigné certifie que le véhicule ci-dessus a été transformé conformément à la "
					+ "notice d'installation du constructeur du dispositif agréé.")
			.field("Date", fields.get("date"))
			.field("Signataire pour l'installateur", fields.get("signer"))
			.render();
	}

}
