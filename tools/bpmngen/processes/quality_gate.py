from model import Process, Form, cb, tf, num, ta, yn, text, radio, select, dt, attachment
from processes.common import sla_escalation

SEVERITIES = ["NONE", "MINOR", "MAJOR", "CRITICAL"]


def build():
    p = Process("quality-gate", "Quality gate",
                "Domain brief §3.5, reusable sub-process called at the end of diagnosis/repair, LCV retrofit, "
                "remanufacture and battery triage. Inputs: subjectType (VEHICLE_RENEW, VEHICLE_BODYWORK, "
                "VEHICLE_RETROFIT, PART_REMAN, BATTERY), subjectKey, controlPlanId, reworkCount, workOrderId. "
                "Output: qualityVerdict (PASS, CONCESSION, REWORK, SCRAP, RETURN_TO_SUPPLIER), reworkCount, "
                "reworkOrderId, qualityRecordId.")
    p.start("start-quality-gate-requested", "Quality gate requested")
    p.rule("task-determine-required-checks", "Determine required checks", "required-checks", "requiredChecksResult",
           inputs=[("=if expertFollowUpRequired = null then false else expertFollowUpRequired", "expertFollowUpRequired"),
                   ('=if powertrain = null then "NONE" else powertrain', "powertrain")],
           outputs=[("=requiredChecksResult.checkCode", "requiredChecks"),
                    ("=requiredChecksResult[1].controlPlanVersion", "controlPlanVersion")],
           doc="5.1, decision D12 (COLLECT)")
    p.xgw("gw-join-collect-results", "Collect results")
    p.service("task-collect-automatic-results", "Collect automatic results", "eol.getResults",
              outputs=[("=automaticResults", "automaticResults"), ("=manualChecks", "manualChecks")],
              doc="5.2: bench results; returns the required checks that still need a manual result as manualChecks")
    p.service("task-collect-measurements", "Collect MES measurements", "mes.getMeasurements",
              outputs=[("=measurements", "measurements")], doc="5.2")
    p.service("task-verify-calibration", "Verify measuring equipment calibration", "mes.checkCalibration",
              outputs=[("=suspectMeasurement", "suspectMeasurement"), ("=suspectEquipmentIds", "suspectEquipmentIds")],
              doc="5.3: a result from out-of-calibration equipment is suspect")
    p.xgw("gw-manual-checks-needed", "Manual checks needed?")
    check_form = Form(
        "quality-manual-check", "Manual quality check",
        "Check **{{checkCode}}** on **{{subjectKey}}** (control plan {{controlPlanId}}). "
        "You must not check an item you worked on yourself (separation of duties).",
        tf("checkCode", "Check code", readonly=True),
        cb("safetyCharacteristic", "Safety / regulatory characteristic (from the control plan)",
           desc="Read-only information from the control plan"),
        radio("checkResult", "Result", ["OK", "NOK", "NA"]),
        num("measuredValue", "Measured value", decimals=3, min=-1000000, max=1000000),
        tf("measuredUnit", "Unit", maxLength=20),
        select("severity", "Severity", ["MINOR", "MAJOR", "CRITICAL"], hide='=checkResult != "NOK"'),
        tf("defectCode", "Defect code", required=True, pattern="^[A-Z0-9_-]{2,30}$", hide='=checkResult != "NOK"'),
        cb("noReworkInstruction", "No rework instruction exists for this defect in the control plan",
           hide='=checkResult != "NOK"', desc="Ticked: the item cannot be reworked; a concession or escalation follows"),
        attachment("checkPhotoRef", "Photo"),
        ta("checkComment", "Comment", required=True, minLength=5, hide='=checkResult = "OK"'))
    keys = ["checkResult", "measuredValue", "measuredUnit", "severity", "defectCode", "noReworkInstruction",
            "checkPhotoRef", "checkComment"]
    p.user("task-perform-manual-check", "Perform manual check", "quality-inspectors", check_form,
           inputs=[("=check.checkCode", "checkCode"), ("=check.safetyCharacteristic", "safetyCharacteristic")]
           + [("=null", k) for k in keys],
           multi=dict(collection="=manualChecks", element="check", output_collection="manualResults",
                      output_element="={" + ", ".join(["checkCode: checkCode"] + [f"{k}: {k}" for k in keys]) + "}"),
           doc="5.4, one task per manual check (multi-instance)")
    p.boundary("task-perform-manual-check", "timer-t13-manual-checks-pending", "Manual checks pending 8 h",
               timer="PT8H", interrupting=False, doc="T13")
    sla_escalation(p, "task-chase-manual-checks", "Chase pending manual checks", "quality-supervisors", doc="T13")
    p.end("end-manual-checks-chased", "Manual checks chased")
    p.xgw("gw-join-manual-checks", "Manual checks done")
    p.service("task-aggregate-results", "Aggregate gate results", "quality.aggregateResults",
              outputs=[(f"={k}", k) for k in ("maxSeverity", "safetyCharacteristicFailed", "reworkable",
                                                "concessionAvailable", "failedChecks")],
              doc="Aggregates automatic, MES and manual results into the inputs of D11")
    p.rule("task-decide-verdict", "Decide verdict", "quality-verdict", "verdictResult",
           inputs=[("=if reworkCount = null then 0 else reworkCount", "reworkCount"),
                   ("=if suspectMeasurement = null then false else suspectMeasurement", "suspectMeasurement")],
           outputs=[("=verdictResult.verdict", "qualityVerdict"), ("=verdictResult.containment", "containmentRequired")],
           doc="5.5, decision D11")
    p.xgw("gw-containment-required", "Containment required?")
    p.service("task-hold-suspect-items", "Hold suspect items", "mes.holdSuspectItems",
              outputs=[("=heldItems", "heldItems")],
              doc="5.6c: hold all items sharing the failed station / equipment / kit lot since the last good check")
    p.throw_signal("signal-quality-hold", "Quality hold raised", "QualityHold",
                   inputs=[("=subjectKey", "subjectKey"), ("=suspectEquipmentIds", "suspectEquipmentIds"),
                           ("=heldItems", "heldItems")])
    cont_form = Form(
        "containment-confirmation", "Containment of suspect items",
        "A safety characteristic failed or a measurement is suspect on **{{subjectKey}}**. MES has put the items "
        "sharing the station, equipment or kit lot on hold. Confirm the scope and decide item by item.",
        cb("containmentScopeConfirmed", "Containment scope confirmed", required=True),
        ta("itemsReleasedFromHold", "Items released from hold (one subject key per line)", maxLength=4000),
        ta("itemsKeptOnHold", "Items kept on hold (one subject key per line)", maxLength=4000),
        tf("eightDReference", "8D / root-cause reference", required=True, pattern="^8D-[0-9]{4}-[0-9]{3,6}$",
           desc="Format 8D-YYYY-NNN"))
    p.user("task-confirm-containment", "Confirm containment scope", "quality-engineers", cont_form, doc="5.6c")
    p.boundary("task-confirm-containment", "timer-t14-containment-start", "Containment not started after 1 h",
               timer="PT1H", interrupting=False, doc="T14; plant quality manager = quality-supervisors (ADR 0305)")
    sla_escalation(p, "task-escalate-containment-delay", "Escalate containment delay", "quality-supervisors")
    p.end("end-containment-delay-escalated", "Containment delay escalated")
    p.xgw("gw-join-containment", "Containment handled")
    p.xgw("gw-verdict", "Verdict?")
    p.xgw("gw-join-release", "Release")
    p.service("task-release-item", "Release item", "mes.setStatus", headers={"status": "RELEASED"}, doc="5.6a")
    p.service("task-generate-quality-record", "Generate quality release record", "doc.generateQualityRecord",
              outputs=[("=qualityRecordId", "qualityRecordId")], doc="5.6a")
    p.end("end-item-released", "Item released")
    p.xgw("gw-join-rework", "Rework")
    p.service("task-create-rework-order", "Create rework order", "mes.createReworkOrder",
              outputs=[("=reworkOrderId", "reworkOrderId"), ("=reworkOperations", "reworkOperations")], doc="5.6b")
    p.script("task-count-rework-loop", "Count rework loop",
             "=if reworkCount = null then 1 else reworkCount + 1", "reworkCount")
    p.end("end-rework-ordered", "Rework ordered")
    p.xgw("gw-join-scrap", "Scrap")
    p.service("task-scrap-item", "Scrap item", "mes.scrap", doc="5.6d")
    p.service("task-move-to-scrap", "Move to scrap area", "wms.moveToScrap", doc="5.6d")
    p.service("task-post-scrap-cost", "Post scrap cost", "erp.postScrapCost", doc="5.6d")
    p.end("end-item-scrapped", "Item scrapped")
    p.xgw("gw-join-concession", "Concession")
    conc_form = Form(
        "concession-record", "Customer concession",
        "The defect on **{{subjectKey}}** can only be accepted with a documented customer authorisation "
        "(IATF 16949 §8.7.1.5).",
        yn("concessionGranted", "Customer granted the concession?"),
        tf("concessionId", "Concession id", required=True, pattern="^CON-[0-9]{4}-[0-9]{3,6}$",
           hide="=concessionGranted != true"),
        tf("customerApprover", "Customer approver (name, function)", required=True, minLength=3, maxLength=120,
           hide="=concessionGranted != true"),
        dt("concessionValidUntil", "Concession valid until", subtype="date", hide="=concessionGranted != true"),
        attachment("customerAuthorisationRef", "Customer authorisation document", required=True),
        ta("concessionComment", "Comment"))
    p.user("task-record-concession", "Record customer concession", "quality-engineers", conc_form, doc="5.6e")
    p.xgw("gw-concession-granted", "Concession granted?")
    p.xgw("gw-join-escalation", "Escalation")
    esc_form = Form(
        "quality-escalation-decision", "Quality escalation",
        "The quality gate could not decide automatically for **{{subjectKey}}** (subject type {{subjectType}}, "
        "rework loops {{reworkCount}}). Failed checks: {{failedChecks}}.",
        radio("escalationDecision", "Decision",
              [("SCRAP", "Scrap"), ("CONCESSION", "Ask the customer for a concession"),
               ("ENGINEERING_REWORK", "Engineering rework"), ("RETURN_TO_SUPPLIER", "Return to supplier"),
               ("REMEASURE", "Re-measure with calibrated equipment (suspect results)")]),
        tf("rootCauseTicket", "Root-cause ticket", required=True, pattern="^8D-[0-9]{4}-[0-9]{3,6}$",
           desc="Format 8D-YYYY-NNN"),
        ta("escalationJustification", "Justification", required=True, minLength=10))
    p.user("task-decide-escalation", "Decide escalated verdict", "quality-engineers", esc_form,
           outputs=[('=if escalationDecision = "ENGINEERING_REWORK" then "REWORK" else escalationDecision',
                     "qualityVerdict"), ("=escalationDecision", "escalationDecision"),
                    ("=rootCauseTicket", "rootCauseTicket")],
           doc="5.6f")
    p.boundary("task-decide-escalation", "timer-escalation-pending", "Escalation pending 2 WD", timer="P2D",
               interrupting=False, doc="Escalation > 2 working days -> plant quality manager")
    sla_escalation(p, "task-escalate-to-quality-manager", "Escalate to plant quality manager", "quality-supervisors")
    p.end("end-escalation-reminded", "Plant quality manager informed")
    p.xgw("gw-escalation-decision", "Escalation decision?")
    p.end("end-returned-to-supplier", "Return to supplier decided")

    p.chain("start-quality-gate-requested", "task-determine-required-checks", "gw-join-collect-results",
            "task-collect-automatic-results",
            "task-collect-measurements", "task-verify-calibration", "gw-manual-checks-needed")
    p.flow("gw-manual-checks-needed", "task-perform-manual-check", "yes", "=manualChecks != null and count(manualChecks) > 0")
    p.flow("gw-manual-checks-needed", "gw-join-manual-checks", "no", default=True)
    p.chain("task-perform-manual-check", "gw-join-manual-checks", "task-aggregate-results", "task-decide-verdict",
            "gw-containment-required")
    p.chain("timer-t13-manual-checks-pending", "task-chase-manual-checks", "end-manual-checks-chased")
    p.flow("gw-containment-required", "task-hold-suspect-items", "yes", "=containmentRequired = true")
    p.flow("gw-containment-required", "gw-join-containment", "no", default=True)
    p.chain("task-hold-suspect-items", "signal-quality-hold", "task-confirm-containment", "gw-join-containment")
    p.chain("timer-t14-containment-start", "task-escalate-containment-delay", "end-containment-delay-escalated")
    p.flow("gw-join-containment", "gw-verdict")
    p.flow("gw-verdict", "gw-join-release", "PASS", '=qualityVerdict = "PASS"')
    p.flow("gw-verdict", "gw-join-rework", "REWORK", '=qualityVerdict = "REWORK"')
    p.flow("gw-verdict", "gw-join-scrap", "SCRAP", '=qualityVerdict = "SCRAP"')
    p.flow("gw-verdict", "gw-join-concession", "CONCESSION", '=qualityVerdict = "CONCESSION"')
    p.flow("gw-verdict", "gw-join-escalation", "ESCALATE", default=True)
    p.chain("gw-join-release", "task-release-item", "task-generate-quality-record", "end-item-released")
    p.chain("gw-join-rework", "task-create-rework-order", "task-count-rework-loop", "end-rework-ordered")
    p.chain("gw-join-scrap", "task-scrap-item", "task-move-to-scrap", "task-post-scrap-cost", "end-item-scrapped")
    p.chain("gw-join-concession", "task-record-concession", "gw-concession-granted")
    p.flow("gw-concession-granted", "gw-join-release", "granted", "=concessionGranted = true")
    p.flow("gw-concession-granted", "gw-join-escalation", "refused", default=True)
    p.chain("gw-join-escalation", "task-decide-escalation", "gw-escalation-decision")
    p.chain("timer-escalation-pending", "task-escalate-to-quality-manager", "end-escalation-reminded")
    p.flow("gw-escalation-decision", "gw-join-scrap", "scrap", '=escalationDecision = "SCRAP"')
    p.flow("gw-escalation-decision", "gw-join-concession", "concession", '=escalationDecision = "CONCESSION"')
    p.flow("gw-escalation-decision", "gw-join-rework", "engineering rework", '=escalationDecision = "ENGINEERING_REWORK"')
    p.flow("gw-escalation-decision", "gw-join-collect-results", "re-measure", '=escalationDecision = "REMEASURE"')
    p.flow("gw-escalation-decision", "end-returned-to-supplier", "return to supplier", default=True)
    return p
