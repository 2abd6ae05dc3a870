package fr.refactory.workers.supplier;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.refactory.plant.supplier.CertificateCopy;
import fr.refactory.plant.supplier.CertificateCopyReceipt;
import fr.refactory.plant.supplier.KitOrder;
import fr.refactory.plant.supplier.KitOrderAck;
import fr.refactory.plant.supplier.SupplierPortal;
import fr.refactory.records.Certificates;
import fr.refactory.workers.support.JobOutcome;
import fr.refactory.workers.support.Vars;
import fr.refactory.workers.support.WorkerRecords;
import fr.refactory.workers.support.JobContract;
import fr.refactory.workers.support.JobContract.Var;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;

import org.springframework.stereotype.Component;

import static fr.refactory.workers.support.JobContract.Type.BOOLEAN;
import static fr.refactory.workers.support.JobContract.Type.CONTEXT;
import static fr.refactory.workers.support.JobContract.Type.DATE;
import static fr.refactory.workers.support.JobContract.Type.LIST;
import static fr.refactory.workers.support.JobContract.Type.NUMBER;

/**
 * The kit supplier workers ({@code supplier.*}). {@code orderKit} and {@code sendCertificateCopy} go through the
 * supplier portal; {@code getKitApproval} and {@code rejectKitDelivery} (ADR 0304, not in the §3.11 catalogue) have no
 * port yet: the approval comes from the Refactory's kit catalogue below, the rejection is recorded in the audit log.
 */
@Component
public class SupplierWorkers {

	/**
	 * The approved LCV kit (TOLV, Renault Master III, §3.3: a synchronous e-motor of about 60 kW, a 52 kWh pack for
	 * about 200 km, so 26 kWh per 100 km [R13]), with the warranty terms the customer information pack passes on; the
	 * pack's capacity and the consumption feed its Annex IV statement (ADR 0912).
	 */
	record KitApproval(String kitReference, String kitManufacturer, String approvalNumber, double kitMotorPowerKw,
			List<String> modelFamilies, List<String> operations, Warranty kitWarranty, Warranty batteryWarranty,
			double batteryKwh, double consumptionKwhPer100Km) {
	}

	/** @param kmLimit the mileage limit, {@code null} for unlimited */
	record Warranty(int months, Integer kmLimit) {

		Map<String, Object> asVariable() {
			Map<String, Object> terms = new LinkedHashMap<>();
			terms.put("months", this.months);
			terms.put("kmLimit", this.kmLimit);
			return terms;
		}

	}

	/** Warranty: kit 2 years unlimited km, battery 4 years / 150,000 km [R13]. */
	static final List<KitApproval> KIT_CATALOGUE = List.of(new KitApproval("TOLV-MASTER-E-60", "TOLV",
			"FR-RETRO-2024-0117", 60.0, List.of("MASTER_III"), List.of("REMOVE_ICE_DRIVETRAIN", "INSTALL_E_MOTOR",
					"INSTALL_INVERTER", "INSTALL_BATTERY_PACK", "INSTALL_CHARGER", "ROUTE_HV_HARNESS",
					"INSTALL_CONVERSION_PLATE"),
			new Warranty(24, null), new Warranty(48, 150_000), 52.0, 26.0));

	private final SupplierPortal portal;

	private final Certificates certificates;

	private final WorkerRecords records;

	SupplierWorkers(SupplierPortal portal, Certificates certificates, WorkerRecords records) {
		this.portal = portal;
		this.certificates = certificates;
		this.records = records;
	}

	/** 3.1: the approved kit for the vehicle's model, and whether the variant is in the approval's scope. */
	@JobWorker(type = "supplier.getKitApproval")
	@JobContract(name = "Supplier: get kit approval",
			description = "3.1: the approved kit for the vehicle's model, and whether the variant is in the approval's scope.",
			inputs = { @Var(name = "category", description = "Category") },
			outputs = { @Var(name = "approvalNumber", description = "Approval number"),
					@Var(name = "kitManufacturer", description = "Kit manufacturer"),
					@Var(name = "kitMotorPowerKw", type = NUMBER, description = "Kit motor power (kW)"),
					@Var(name = "kitOperations", type = LIST, description = "Kit operations"),
					@Var(name = "kitReference", description = "Kit reference"),
					@Var(name = "variantInApprovalScope", type = BOOLEAN, description = "Variant in approval scope"),
					@Var(name = "warrantyTerms", type = CONTEXT, description = "Warranty terms"),
					@Var(name = "kitBatteryKwh", type = NUMBER, description = "Kit traction battery capacity (kWh)"),
					@Var(name = "kitConsumptionKwhPer100Km", type = NUMBER, description = "Converted van's consumption (kWh per 100 km)") })
	public Map<String, Object> getKitApproval(ActivatedJob job) {
		Vars vars = Vars.of(job);
		String family = vars.textOr("", "modelFamily").toUpperCase(Locale.ROOT);
		KitApproval kit = KIT_CATALOGUE.stream()
			.filter((k) -> k.modelFamilies().contains(family))
			.findFirst()
			.orElse(KIT_CATALOGUE.get(0));
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("kitReference", kit.kitReference());
		result.put("kitManufacturer", kit.kitManufacturer());
		result.put("approvalNumber", kit.approvalNumber());
		result.put("kitMotorPowerKw", kit.kitMotorPowerKw());
		result.put("variantInApprovalScope", kit.modelFamilies().contains(family)
				&& List.of("N1", "N2", "M1").contains(vars.textOr("N1", "category")));
		result.put("kitOperations", kit.operations());
		result.put("warrantyTerms", Map.of("kit", kit.kitWarranty().asVariable(), "battery",
				kit.batteryWarranty().asVariable()));
		result.put("kitBatteryKwh", kit.batteryKwh());
		result.put("kitConsumptionKwhPer100Km", kit.consumptionKwhPer100Km());
		return result;
	}

	/** 3.4: orders the kit against the purchase order; the supplier answers with a promised date. */
	@JobWorker(type = "supplier.orderKit")
	@JobContract(name = "Supplier: order kit",
			description = "3.4: orders the kit against the purchase order; the supplier answers with a promised date.",
			inputs = { @Var(name = "vin", description = "Vehicle identification number", required = true),
					@Var(name = "plannedConversionDate", type = DATE, description = "Planned conversion date"),
					@Var(name = "purchaseOrderNumber", description = "Purchase order number", required = true),
					@Var(name = "kitReference", description = "Kit reference", required = true) },
			outputs = { @Var(name = "kitPromisedAt", type = DATE, description = "Kit promised at") })
	public Map<String, Object> orderKit(ActivatedJob job) {
		Vars vars = Vars.of(job);
		String vin = vars.requireText("vin");
		LocalDate planned = vars.date("plannedConversionDate");
		LocalDate due = (planned != null) ? planned.minusDays(7)
				: LocalDate.ofInstant(this.records.clock().instant(), ZoneOffset.UTC).plusDays(21);
		KitOrderAck ack = JobOutcome.call(job, () -> this.portal.orderKit(JobOutcome.key(job),
				new KitOrder(vars.requireText("purchaseOrderNumber"), vars.requireText("kitReference"), vin, due)));
		this.records.audit(job, "KIT_ORDERED", "VEHICLE", vin, WorkerRecords.data("supplierOrderId", ack.supplierOrderId(),
				"poNumber", ack.poNumber(), "promisedDate", ack.promisedDate().toString()));
		return Map.of("kitPromisedAt", ack.promisedDate().toString(), "supplierOrderId", ack.supplierOrderId());
	}

	/** 3.6: the delivery is refused (damaged kit); the re-order follows in the model. */
	@JobWorker(type = "supplier.rejectKitDelivery")
	@JobContract(name = "Supplier: reject kit delivery",
			description = "3.6: the delivery is refused (damaged kit); the re-order follows in the model.",
			inputs = { @Var(name = "vin", description = "Vehicle identification number", required = true) })
	public Map<String, Object> rejectKitDelivery(ActivatedJob job) {
		Vars vars = Vars.of(job);
		String vin = vars.requireText("vin");
		String rejectionId = JobOutcome.numberFor("KREJ", job);
		this.records.audit(job, "KIT_DELIVERY_REJECTED", "VEHICLE", vin, WorkerRecords.data("rejectionId", rejectionId,
				"poNumber", vars.textOr("", "purchaseOrderNumber"), "batteryPackId", vars.textOr("", "batteryPackId")));
		return Map.of("kitRejectionId", rejectionId);
	}

	/** 3.18: the kit manufacturer's copy of the conversion certificate, "without delay". */
	@JobWorker(type = "supplier.sendCertificateCopy")
	@JobContract(name = "Supplier: send certificate copy",
			description = "3.18: the kit manufacturer's copy of the conversion certificate, \"without delay\".",
			inputs = { @Var(name = "vin", description = "Vehicle identification number", required = true),
					@Var(name = "certificateId", description = "Certificate id", required = true),
					@Var(name = "certificateSha256", description = "Certificate SHA-256", required = true) })
	public Map<String, Object> sendCertificateCopy(ActivatedJob job) {
		Vars vars = Vars.of(job);
		String vin = vars.requireText("vin");
		CertificateCopyReceipt receipt = JobOutcome.call(job, () -> this.portal.sendCertificateCopy(
				JobOutcome.key(job), new CertificateCopy(vars.requireText("certificateId"), vin,
						vars.requireText("certificateSha256"))));
		this.certificates.recordCopySent("CONVERSION_CERTIFICATE", receipt.certificateNumber(), receipt.receivedAt(),
				receipt.receiptId(), JobOutcome.key(job, "copy-sent").value());
		this.records.audit(job, "CERTIFICATE_COPY_SENT", "VEHICLE", vin,
				WorkerRecords.data("receiptId", receipt.receiptId(), "certificate", receipt.certificateNumber()));
		return Map.of("certificateCopyReceiptId", receipt.receiptId());
	}

}
