package fr.refactory.plant.mes;

public record GenealogyAck(String genealogyId, String parentKey, String childKey) {
}
