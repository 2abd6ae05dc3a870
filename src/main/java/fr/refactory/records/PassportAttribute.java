package fr.refactory.records;

/**
 * The attributes of a battery passport, each with the access level that may read it (ADR
 * 0901). Static attributes describe the battery as made; dynamic ones change over its
 * life and come from the passport's versions.
 */
public enum PassportAttribute {

	BATTERY_ID(PassportAccess.PUBLIC, false),

	PASSPORT_ID(PassportAccess.PUBLIC, false),

	MANUFACTURER(PassportAccess.PUBLIC, false),

	MANUFACTURING_DATE(PassportAccess.PUBLIC, false),

	MODEL_REFERENCE(PassportAccess.PUBLIC, false),

	CHEMISTRY(PassportAccess.PUBLIC, false),

	RATED_CAPACITY_KWH(PassportAccess.PUBLIC, false),

	NOMINAL_VOLTAGE_V(PassportAccess.PUBLIC, false),

	MASS_KG(PassportAccess.PUBLIC, false),

	MANUFACTURER_SERIAL(PassportAccess.LEGITIMATE_INTEREST, false),

	/** How the pack is built inside (dismantling information, Annex XIII part 2). */
	MODULE_COUNT(PassportAccess.LEGITIMATE_INTEREST, false),

	CELL_COUNT(PassportAccess.LEGITIMATE_INTEREST, false),

	/** ORIGINAL, REUSED, REPURPOSED, REMANUFACTURED or WASTE. */
	STATUS(PassportAccess.LEGITIMATE_INTEREST, true),

	SOH_PCT(PassportAccess.LEGITIMATE_INTEREST, true),

	CYCLE_COUNT(PassportAccess.LEGITIMATE_INTEREST, true),

	/** The original battery of a repurposed or remanufactured one. */
	PARENT_BATTERY_ID(PassportAccess.LEGITIMATE_INTEREST, false),

	/** The batteries repurposed or remanufactured from this one. */
	SUCCESSOR_BATTERY_IDS(PassportAccess.LEGITIMATE_INTEREST, true),

	/** Every state-of-health reading, with its method and equipment. */
	SOH_HISTORY(PassportAccess.LEGITIMATE_INTEREST, true),

	/** The passport's versions: who changed what, when. */
	VERSION_HISTORY(PassportAccess.LEGITIMATE_INTEREST, true),

	/**
	 * The vehicle the battery is in: it leads to a person, so only authorities see it.
	 */
	HOST_VIN(PassportAccess.AUTHORITIES, true);

	private final PassportAccess access;

	private final boolean dynamic;

	PassportAttribute(PassportAccess access, boolean dynamic) {
		this.access = access;
		this.dynamic = dynamic;
	}

	public PassportAccess access() {
		return this.access;
	}

	public boolean dynamic() {
		return this.dynamic;
	}

}
