package fr.refactory.plant.reg;

public record CodRequest(String vin) {
}
