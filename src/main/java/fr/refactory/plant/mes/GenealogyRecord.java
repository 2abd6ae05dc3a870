package fr.refactory.plant.mes;

/**
 * @param parentKey the assembly, e.g. a VIN
 * @param childKey the component, e.g. a battery id or motor serial
 * @param relation e.g. INSTALLED_IN
 */
public record GenealogyRecord(String parentKey, String childKey, String relation) {
}
