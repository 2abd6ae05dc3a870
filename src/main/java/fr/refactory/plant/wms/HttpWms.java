package fr.refactory.plant.wms;

import fr.refactory.plant.IdempotencyKey;
import fr.refactory.plant.http.PlantHttpClient;

import static fr.refactory.plant.http.PlantHttpClient.segment;

/** The WMS over HTTP; see {@link PlantHttpClient} for time-outs and error mapping. */
public class HttpWms implements Wms {

	private final PlantHttpClient http;

	public HttpWms(PlantHttpClient http) {
		this.http = http;
	}

	@Override
	public YardLocation assignYardLocation(IdempotencyKey key, YardRequest request) {
		return this.http.post("yard-assignments", key, request, YardLocation.class);
	}

	@Override
	public PartAvailability availabilityOf(String partNumber, int quantity) {
		return this.http.get("parts/" + segment(partNumber) + "/availability?quantity=" + quantity,
				PartAvailability.class);
	}

	@Override
	public PartsReservation reserveParts(IdempotencyKey key, PartsRequest request) {
		return this.http.post("reservations", key, request, PartsReservation.class);
	}

	@Override
	public PickedParts pickParts(IdempotencyKey key, PartsRequest request) {
		return this.http.post("picks", key, request, PickedParts.class);
	}

	@Override
	public StockLocation putAway(IdempotencyKey key, StockMove move) {
		return this.http.post("put-aways", key, move, StockLocation.class);
	}

	@Override
	public HarvestedPart createHarvestedPart(IdempotencyKey key, HarvestRequest request) {
		return this.http.post("harvested-parts", key, request, HarvestedPart.class);
	}

	@Override
	public PartDemand demandFor(String partNumber) {
		return this.http.get("parts/" + segment(partNumber) + "/demand", PartDemand.class);
	}

	@Override
	public IssuedParts issuedTo(String workOrderId) {
		return this.http.get("work-orders/" + segment(workOrderId) + "/issued-parts", IssuedParts.class);
	}

}
