package fr.refactory.workers.erp;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.refactory.plant.erp.ErpDocument;
import fr.refactory.plant.mes.BookedOperations;
import fr.refactory.plant.wms.IssuedParts;

/**
 * What work orders cost: the hours the MES booked on them at their trades' rates, and the parts the WMS issued to them
 * at standard cost.
 */
record WorkOrderCost(List<String> workOrderIds, double hours, BigDecimal labourEur, BigDecimal partsEur) {

	static WorkOrderCost of(List<String> workOrderIds, List<BookedOperations> labour, List<IssuedParts> parts) {
		return new WorkOrderCost(List.copyOf(workOrderIds),
				labour.stream().mapToDouble(BookedOperations::hours).sum(),
				labour.stream().map(BookedOperations::labourCostEur).reduce(BigDecimal.ZERO, BigDecimal::add),
				parts.stream().map(IssuedParts::partsCostEur).reduce(BigDecimal.ZERO, BigDecimal::add));
	}

	BigDecimal totalEur() {
		return this.labourEur.add(this.partsEur);
	}

	/** The posting's details: the kind's own fields, then how the amount was made up. */
	Map<String, Object> details(Map<String, Object> own) {
		Map<String, Object> details = new LinkedHashMap<>(own);
		details.put("workOrderIds", this.workOrderIds);
		details.put("labourHours", this.hours);
		details.put("labourCostEur", this.labourEur);
		details.put("partsCostEur", this.partsEur);
		return details;
	}

	/** The job's result: the amount under {@code amountName}, its make-up and the ERP's document number. */
	Map<String, Object> outputs(String amountName, ErpDocument document) {
		Map<String, Object> outputs = new LinkedHashMap<>();
		outputs.put(amountName, totalEur().doubleValue());
		outputs.put("labourCostEur", this.labourEur.doubleValue());
		outputs.put("partsCostEur", this.partsEur.doubleValue());
		outputs.put("erpDocumentNumber", document.documentNumber());
		return outputs;
	}

}
