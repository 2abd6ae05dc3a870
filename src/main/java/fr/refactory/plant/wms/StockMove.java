package fr.refactory.plant.wms;

/**
 * @param area e.g. CORE_BANK, EXCHANGE_STOCK, REUSE_STOCK, HV_QUARANTINE, SCRAP,
 * REJECT_AREA
 */
public record StockMove(String subjectKey, String area) {
}
