package fr.refactory.workers.wms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.refactory.plant.wms.HarvestRequest;
import fr.refactory.plant.wms.HarvestedPart;
import fr.refactory.plant.wms.PartAvailability;
import fr.refactory.plant.wms.PartDemand;
import fr.refactory.plant.wms.PartLine;
import fr.refactory.plant.wms.PartsRequest;
import fr.refactory.plant.wms.PartsReservation;
import fr.refactory.plant.wms.PickedParts;
import fr.refactory.plant.wms.StockLocation;
import fr.refactory.plant.wms.StockMove;
import fr.refactory.plant.wms.Wms;
import fr.refactory.plant.wms.YardLocation;
import fr.refactory.plant.wms.YardRequest;
import fr.refactory.records.Part;
import fr.refactory.records.Parts;
import fr.refactory.workers.support.JobOutcome;
import fr.refactory.workers.support.Vars;
import fr.refactory.workers.support.WorkerRecords;
import fr.refactory.workers.support.JobContract;
import fr.refactory.workers.support.JobContract.Header;
import fr.refactory.workers.support.JobContract.Var;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;

import org.springframework.stereotype.Component;

import static fr.refactory.workers.support.JobContract.Type.BOOLEAN;
import static fr.refactory.workers.support.JobContract.Type.CONTEXT;
import static fr.refactory.workers.support.JobContract.Type.LIST;
import static fr.refactory.workers.support.JobContract.Type.NUMBER;

/** The WMS workers ({@code wms.*}): yard, locations, parts availability, reservations, picking, harvested parts. */
@Component
public class WmsWorkers {

	/**
	 * Parts worth harvesting on a dismantled vehicle (7.6), by family: D10's {@code partFamily} values (the table is
	 * the only source of the values; {@code PartFamilyValuesTest} holds this list to it). Which family is
	 * remanufactured is D10's rule, whether a line runs for the reference is the WMS's answer (ADR 0315).
	 */
	static final List<String> HARVEST_FAMILIES = List.of("ENGINE", "GEARBOX", "TURBO", "STARTER_ALTERNATOR", "ECU",
			"BODY_PANEL", "LIGHTING");

	private final Wms wms;

	private final Parts parts;

	private final WorkerRecords records;

	WmsWorkers(Wms wms, Parts parts, WorkerRecords records) {
		this.wms = wms;
		this.parts = parts;
		this.records = records;
	}

	/** 1.8: a yard location; an HV-suspect vehicle gets a quarantine bay (input {@code quarantine}). */
	@JobWorker(type = "wms.assignYardLocation")
	@JobContract(name = "WMS: assign yard location",
			description = "1.8: a yard location; an HV-suspect vehicle gets a quarantine bay (input quarantine).",
			inputs = { @Var(name = "vin", description = "Vehicle identification number", required = true),
					@Var(name = "quarantine", type = BOOLEAN, description = "Quarantine") },
			outputs = { @Var(name = "yardLocation", description = "Yard location") },
			errors = { "VIN_INVALID" })
	public Map<String, Object> assignYardLocation(ActivatedJob job) {
		Vars vars = Vars.of(job);
		String vin = vars.requireText("vin");
		YardLocation location = JobOutcome.call(job,
				() -> this.wms.assignYardLocation(JobOutcome.key(job), new YardRequest(vin, vars.flag("quarantine"))));
		this.records.audit(job, "YARD_LOCATION_ASSIGNED", "VEHICLE", vin,
				WorkerRecords.data("location", location.locationCode(), "quarantine", location.quarantine()));
		return Map.of("yardLocation", location.locationCode());
	}

	/** Moves the subject to the area of the header or input {@code location}. */
	@JobWorker(type = "wms.moveToLocation")
	@JobContract(name = "WMS: move to location",
			description = "Moves the subject to the area of the header or input location.",
			inputs = { @Var(name = "location", description = "Location") },
			outputs = { @Var(name = "quarantineLocation", description = "Quarantine location"),
					@Var(name = "yardLocation", description = "Yard location") },
			headers = { @Header(key = "location", description = "Location", values = { "CORE_RECEIPT", "HV_QUARANTINE", "IDENTITY_HOLD", "MATERIAL_RECYCLING", "RETURN_DEPARTURE" }, required = true) },
			errors = { "VIN_INVALID" })
	public Map<String, Object> moveToLocation(ActivatedJob job) {
		Vars vars = Vars.of(job);
		String area = vars.requireHeader("location");
		StockLocation location = move(job, vars, area);
		return Map.of("location", location.locationCode(), "yardLocation", location.locationCode(),
				"quarantineLocation", location.locationCode());
	}

	/** Puts the subject away in the area of the header {@code location} (core bank, exchange stock, ...). */
	@JobWorker(type = "wms.putAway")
	@JobContract(name = "WMS: put away",
			description = "Puts the subject away in the area of the header location (core bank, exchange stock, ...).",
			outputs = { @Var(name = "stockLocation", description = "Stock location") },
			headers = { @Header(key = "location", description = "Location", values = { "CORE_BANK", "EXCHANGE_STOCK", "FINISHED_GOODS", "REUSE_STOCK" }, required = true) })
	public Map<String, Object> putAway(ActivatedJob job) {
		Vars vars = Vars.of(job);
		StockLocation location = move(job, vars, vars.requireHeader("location"));
		return Map.of("stockLocation", location.locationCode());
	}

	/** 5.6d: the scrapped item goes to the scrap area. */
	@JobWorker(type = "wms.moveToScrap")
	@JobContract(name = "WMS: move to scrap",
			description = "5.6d: the scrapped item goes to the scrap area.",
			inputs = { @Var(name = "remanSerial", description = "Reman serial"),
					@Var(name = "partId", description = "Part id"),
					@Var(name = "coreSerial", description = "Core serial"),
					@Var(name = "batteryId", description = "Battery id"),
					@Var(name = "subjectKey", description = "Subject of the job; without it the worker takes vin, batteryId, coreSerial or partId"),
					@Var(name = "vin", description = "Vehicle identification number") })
	public Map<String, Object> moveToScrap(ActivatedJob job) {
		StockLocation location = move(job, Vars.of(job), "SCRAP");
		return Map.of("scrapLocation", location.locationCode());
	}

	private StockLocation move(ActivatedJob job, Vars vars, String area) {
		String subjectKey = subjectKeyOfMove(vars);
		StockLocation location = JobOutcome.call(job,
				() -> this.wms.putAway(JobOutcome.key(job), new StockMove(subjectKey, area)));
		this.records.audit(job, "MOVED", subjectTypeOfMove(vars), subjectKey,
				WorkerRecords.data("area", location.area(), "location", location.locationCode()));
		return location;
	}

	/** The asset a move is about: a harvested part, a remanufactured part, a core, a battery, else the vehicle. */
	private static String subjectKeyOfMove(Vars vars) {
		String key = vars.text("remanSerial", "partId", "coreSerial", "batteryId", "subjectKey", "vin");
		if (key == null) {
			return vars.subject().key();
		}
		return key;
	}

	private static String subjectTypeOfMove(Vars vars) {
		if (vars.text("remanSerial", "partId", "coreSerial") != null) {
			return "PART";
		}
		return (vars.text("batteryId") != null) ? "BATTERY" : "VEHICLE";
	}

	/**
	 * 2.8: availability of each line of {@code partsList} ({@code partNumber}, {@code quantity}) in
	 * {@code partsAvailabilityLines}, and D3's summary in {@code partsAvailability}: OBSOLETE when a part is
	 * discontinued, else BACKORDER when one is short, else ALL_AVAILABLE.
	 */
	@JobWorker(type = "wms.checkPartsAvailability")
	@JobContract(name = "WMS: check parts availability",
			description = "2.8: availability of each line of partsList (partNumber, quantity) in partsAvailabilityLines, and D3's summary in partsAvailability: OBSOLETE when a part is discontinued, else BACKORDER when one is short, else ALL_AVAILABLE.",
			outputs = { @Var(name = "partsAvailability", type = CONTEXT, description = "Parts availability"),
					@Var(name = "partsAvailabilityLines", type = LIST, description = "Parts availability lines"),
					@Var(name = "partsList", type = LIST, description = "Parts list") })
	public Map<String, Object> checkPartsAvailability(ActivatedJob job) {
		Vars vars = Vars.of(job);
		List<PartLine> lines = partLines(vars);
		List<Map<String, Object>> availability = new ArrayList<>();
		String summary = "ALL_AVAILABLE";
		for (PartLine line : lines) {
			PartAvailability answer = JobOutcome.call(job,
					() -> this.wms.availabilityOf(line.partNumber(), line.quantity()));
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("partNumber", answer.partNumber());
			row.put("requested", answer.requested());
			row.put("inStock", answer.inStock());
			row.put("available", answer.available());
			row.put("expectedOn", answer.expectedOn() == null ? null : answer.expectedOn().toString());
			row.put("obsolete", answer.obsolete());
			availability.add(row);
			if (answer.obsolete()) {
				summary = "OBSOLETE";
			}
			else if (!answer.available() && !"OBSOLETE".equals(summary)) {
				summary = "BACKORDER";
			}
		}
		List<Map<String, Object>> partsList = lines.stream()
			.map((line) -> Map.<String, Object>of("partNumber", line.partNumber(), "quantity", line.quantity()))
			.toList();
		return Map.of("partsList", partsList, "partsAvailabilityLines", availability, "partsAvailability", summary);
	}

	/** 2.9: reserves the parts of the work order; critical parts are reserved when nothing is back-ordered. */
	@JobWorker(type = "wms.reserveParts")
	@JobContract(name = "WMS: reserve parts",
			description = "2.9: reserves the parts of the work order; critical parts are reserved when nothing is back-ordered.",
			inputs = { @Var(name = "workOrderId", description = "MES work order of the subject", required = true),
					@Var(name = "vin", description = "Vehicle identification number") },
			outputs = { @Var(name = "criticalPartsReserved", type = BOOLEAN, description = "Critical parts reserved"),
					@Var(name = "reservationIds", type = LIST, description = "Reservation ids") })
	public Map<String, Object> reserveParts(ActivatedJob job) {
		Vars vars = Vars.of(job);
		String workOrderId = vars.requireText("workOrderId");
		PartsReservation reservation = JobOutcome.call(job,
				() -> this.wms.reserveParts(JobOutcome.key(job), new PartsRequest(workOrderId, partLines(vars))));
		this.records.audit(job, "PARTS_RESERVED", "VEHICLE", vars.textOr(workOrderId, "vin"),
				WorkerRecords.data("reservationId", reservation.reservationId(), "workOrderId", workOrderId, "backOrdered",
						reservation.backOrdered().stream().map(PartLine::partNumber).toList()));
		return Map.of("reservationIds", List.of(reservation.reservationId()), "criticalPartsReserved",
				reservation.backOrdered().isEmpty());
	}

	/** 4.11: picks the new component; its lot is CONSUMED_IN the core being remanufactured. */
	@JobWorker(type = "wms.pickParts")
	@JobContract(name = "WMS: pick parts",
			description = "4.11: picks the new component; its lot is CONSUMED_IN the core being remanufactured.",
			inputs = { @Var(name = "component", type = CONTEXT, description = "Component"),
					@Var(name = "partNumber", description = "Part number, when harvestedPart does not give it"),
					@Var(name = "coreSerial", description = "Core serial"),
					@Var(name = "workOrderId", description = "MES work order of the subject") },
			outputs = { @Var(name = "componentPicked", type = BOOLEAN, description = "Component picked"),
					@Var(name = "pickedLot", description = "Picked lot") })
	public Map<String, Object> pickParts(ActivatedJob job) {
		Vars vars = Vars.of(job);
		Map<String, Object> component = vars.map("component");
		// the component's own reference first: partNumber in remanufacture is the core's, not the new component's
		Object reference = component.get("reference");
		String partNumber = (reference != null) ? reference.toString() : vars.requireText("partNumber");
		String workOrderId = vars.textOr("REMAN-" + vars.textOr("UNKNOWN", "coreSerial"), "workOrderId");
		PickedParts picked = JobOutcome.call(job, () -> this.wms.pickParts(JobOutcome.key(job),
				new PartsRequest(workOrderId, List.of(new PartLine(partNumber, 1)))));
		String lot = picked.lines().isEmpty() ? null : picked.lines().get(0).lot();
		String coreSerial = vars.text("coreSerial");
		if (lot != null && coreSerial != null) {
			this.records.link(job, "LOT", lot, "CONSUMED_IN", "PART", coreSerial);
		}
		if (coreSerial != null) {
			this.records.audit(job, "PARTS_PICKED", "PART", coreSerial,
					WorkerRecords.data("pickId", picked.pickId(), "partNumber", partNumber, "lot", String.valueOf(lot)));
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("componentPicked", lot != null);
		result.put("pickedLot", lot);
		return result;
	}

	/**
	 * 7.7 / 3.9: registers a harvested part with the WMS and in the records; the part is HARVESTED_FROM its donor
	 * vehicle. Whether The Remakers run a programme for its family and the days of cover go to D10.
	 */
	@JobWorker(type = "wms.createHarvestedPart")
	@JobContract(name = "WMS: create harvested part",
			description = "7.7 / 3.9: registers a harvested part with the WMS and in the records; the part is HARVESTED_FROM its donor vehicle. Whether The Remakers run a programme for its family and the days of cover go to D10.",
			inputs = { @Var(name = "harvestedPart", type = CONTEXT, description = "Harvested part"),
					@Var(name = "donorVin", description = "VIN of the vehicle the part was taken from (else vin; one is required)"),
					@Var(name = "vin", description = "Vehicle identification number"),
					@Var(name = "partNumber", description = "Part number, when harvestedPart does not give it"),
					@Var(name = "partFamily", description = "Part family"),
					@Var(name = "origin", description = "Origin") },
			outputs = { @Var(name = "daysOfCover", type = NUMBER, description = "Days of cover"),
					@Var(name = "partId", description = "Part id"),
					@Var(name = "remanProgramExists", type = BOOLEAN, description = "Reman program exists") })
	public Map<String, Object> createHarvestedPart(ActivatedJob job) {
		Vars vars = Vars.of(job);
		Map<String, Object> harvested = vars.map("harvestedPart");
		String donorVin = vars.requireText("donorVin", "vin");
		String partNumber = text(harvested.get("partNumber"));
		if (partNumber == null) {
			partNumber = vars.requireText("partNumber");
		}
		String family = text(harvested.getOrDefault("partFamily", vars.text("partFamily")));
		String serial = text(harvested.get("serialNumber"));
		String origin = vars.textOr("DISMANTLING", "origin");
		String number = partNumber;
		HarvestedPart part = JobOutcome.call(job, () -> this.wms.createHarvestedPart(JobOutcome.key(job),
				new HarvestRequest(donorVin, number, family, serial)));
		PartDemand demand = JobOutcome.call(job, () -> this.wms.demandFor(number));
		String grade = text(harvested.get("conditionGrade"));
		this.parts.record(new Part(null, number, family, serial, donorVin, null, origin,
				(grade != null && Set.of("A", "B", "C", "D").contains(grade)) ? grade : null, null, null, null,
				JobOutcome.key(job).value(), null, null));
		this.records.link(job, "PART", part.partId(), "HARVESTED_FROM", "VEHICLE", donorVin);
		this.records.audit(job, "PART_HARVESTED", "PART", part.partId(),
				WorkerRecords.data("donorVin", donorVin, "partNumber", number, "serialNumber", serial, "origin", origin,
						"label", part.labelText(), "massKg", part.massKg()));
		return Map.of("partId", part.partId(), "remanProgramExists", demand.remanProgramExists(), "daysOfCover",
				demand.daysOfCover());
	}

	/** 7.6: the harvest candidates of the vehicle with their open demand, for D10 per part. */
	@JobWorker(type = "wms.getDemandForReference")
	@JobContract(name = "WMS: get demand for reference",
			description = "7.6: the harvest candidates of the vehicle with their open demand, for D10 per part.",
			inputs = { @Var(name = "modelFamily", description = "Model family"),
					@Var(name = "partsList", type = LIST, description = "Parts list") },
			outputs = { @Var(name = "harvestCandidates", type = LIST, description = "Harvest candidates") })
	public Map<String, Object> getDemandForReference(ActivatedJob job) {
		Vars vars = Vars.of(job);
		// a reference the operator can type into the removal form: upper-case letters, digits and hyphens (ADR 0450)
		String model = vars.textOr("VEHICLE", "modelFamily").toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
		List<Map<String, Object>> candidates = new ArrayList<>();
		for (String family : HARVEST_FAMILIES) {
			String partNumber = model + "-" + family.replace('_', '-');
			PartDemand demand = JobOutcome.call(job, () -> this.wms.demandFor(partNumber));
			Map<String, Object> candidate = new LinkedHashMap<>();
			candidate.put("partNumber", partNumber);
			candidate.put("partFamily", family);
			candidate.put("openDemand", demand.openDemand());
			candidate.put("daysOfCover", demand.daysOfCover());
			candidate.put("remanProgramExists", demand.remanProgramExists());
			candidates.add(candidate);
		}
		return Map.of("harvestCandidates", candidates);
	}

	private static List<PartLine> partLines(Vars vars) {
		List<PartLine> lines = new ArrayList<>();
		for (Object item : vars.list("partsList")) {
			if (item instanceof Map<?, ?> map && map.get("partNumber") != null) {
				Object quantity = map.get("quantity");
				lines.add(new PartLine(map.get("partNumber").toString(),
						(quantity instanceof Number n) ? n.intValue() : 1));
			}
			else if (item instanceof String partNumber) {
				lines.add(new PartLine(partNumber, 1));
			}
		}
		return lines;
	}

	private static String text(Object value) {
		return (value == null || value.toString().isBlank()) ? null : value.toString();
	}

}
