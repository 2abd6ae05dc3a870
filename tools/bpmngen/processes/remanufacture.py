from model import Process, Form, cb, tf, num, ta, yn, text, radio, select, dt, attachment, checklist, group
from processes.common import sla_escalation


def build():
    p = Process("remanufacture", "Remanufacture of a core (The Remakers)",
                "Domain brief §3.4. Started by CoreAnnounced (dealer standard-exchange return, retrofit removal 3.9, "
                "dismantling harvest 7.8); waits for CoreReceived (T12), inspects and grades the core (D8 -> D8b), "
                "posts the core credit, stores the core, waits for RemanOrderReleased, then disassembles, cleans, "
                "inspects each component (D9, multi-instance), reassembles, tests, passes the quality gate, labels "
                "and stocks the remanufactured part. Subject key: coreSerial.")
    p.start("start-core-announced", "Core announced", message="CoreAnnounced", key="=coreSerial")
    with p.sub("sub-await-core", "Await core", doc="4.1 with timers T12"):
        p.start("start-await-core", "Core expected")
        p.catch_message("msg-core-received", "Core received", "CoreReceived", "=coreSerial",
                        outputs=[(f"={k}", k) for k in ("partNumber", "exchangeSaleId", "receiptDate",
                                                        "daysSinceExchangeSale")])
        p.end("end-core-received", "Core received")
        p.chain("start-await-core", "msg-core-received", "end-core-received")
    p.boundary("sub-await-core", "timer-t12-core-reminder", "30 days", timer="P30D", interrupting=False,
               doc="T12 reminder")
    p.boundary("sub-await-core", "timer-t12-core-credit-limit", "180 days", timer="P180D",
               doc="T12: no credit after 180 days")
    sla_escalation(p, "task-remind-core-return", "Remind customer to return core", "customer-service", doc="T12")
    p.end("end-core-return-reminded", "Customer reminded")
    p.service("task-keep-core-deposit", "Keep core deposit", "erp.postCoreCredit", headers={"outcome": "DEPOSIT_KEPT"})
    p.end("end-core-not-returned", "Core not returned")
    insp = Form(
        "core-acceptance-inspection", "Core acceptance inspection",
        "Core **{{coreSerial}}** ({{partFamily}} {{partNumber}}, origin {{origin}}). Inputs of D8; at least two "
        "photos.",
        yn("likeForLike", "Reference matches the ordered / exchanged reference?"),
        yn("completeAndAssembled", "Complete and assembled?"),
        yn("disassembled", "Disassembled?"),
        yn("housingCracked", "Housing cracked?"),
        yn("fireOrWaterDamage", "Fire or water damage?"),
        select("corrosion", "Corrosion", ["NONE", "SURFACE", "HEAVY"]),
        yn("priorRepairOrWelding", "Prior repair or welding?"),
        yn("partNumberLegible", "Part number legible?"),
        num("missingOrBrokenNonWearParts", "Missing or broken non-wear parts", min=0, max=20, required=True),
        attachment("corePhotosRef", "Photos (at least 2)", required=True))
    p.user("task-inspect-core", "Inspect core", "core-inspectors", insp, doc="4.2")
    p.boundary("task-inspect-core", "timer-core-inspection-sla", "Not inspected after 2 WD", timer="P2D",
               interrupting=False, doc="Core inspection within 2 working days (A)")
    sla_escalation(p, "task-escalate-core-inspection", "Escalate core inspection delay", "reman-inspectors")
    p.end("end-core-inspection-escalated", "Inspection delay escalated")
    p.rule("task-grade-core", "Grade core and credit", "core-credit-timeliness", "coreCreditResult",
           outputs=[("=coreCreditResult.grade", "coreGrade"), ("=coreCreditResult.creditPct", "coreCreditPct"),
                    ("=coreCreditResult.reason", "coreCreditReason")],
           doc="4.3: D8b (core-credit-timeliness) requires D8 (core-acceptance) in the same DRD")
    p.service("task-post-core-credit", "Post core credit", "erp.postCoreCredit",
              outputs=[("=coreCreditAmountEur", "coreCreditAmountEur")], doc="4.4")
    p.xgw("gw-core-accepted", "Core accepted?")
    p.service("task-store-in-core-bank", "Store in core bank", "wms.putAway", headers={"location": "CORE_BANK"},
              doc="4.5")
    rej = Form(
        "rejected-core-decision", "Rejected core",
        "Core **{{coreSerial}}** was rejected ({{coreCreditReason}}). Agree with the customer what happens to it.",
        radio("rejectedCoreDecision", "Decision", [("RETURN_TO_CUSTOMER", "Return to customer at their cost"),
                                                   ("MATERIAL_RECYCLING", "Material recycling (customer consent)")]),
        ta("rejectedCoreComment", "Comment", required=True, minLength=5))
    p.user("task-decide-rejected-core", "Decide on rejected core", "customer-service", rej, doc="4.5 failure path")
    p.service("task-move-rejected-core", "Move rejected core", "wms.moveToLocation",
              inputs=[('=if rejectedCoreDecision = "RETURN_TO_CUSTOMER" then "CORE_RETURN" else "MATERIAL_RECYCLING"',
                       "location")], doc="4.5")
    p.end("end-core-rejected", "Core rejected")
    p.catch_message("msg-reman-order-released", "Reman order released", "RemanOrderReleased", "=coreSerial",
                    outputs=[("=workOrderId", "workOrderId"), ("=targetReference", "targetReference"),
                             ("=components", "components")], doc="4.6")
    dis = Form(
        "core-disassembly", "Disassemble core",
        "Disassemble core **{{coreSerial}}** for work order {{workOrderId}}.",
        ta("subComponentsList", "Sub-components (reference, quantity, serial; one per line)", required=True,
           minLength=3, maxLength=4000),
        ta("disassemblyAnomalies", "Anomalies"))
    p.user("task-disassemble-core", "Disassemble core", "reman-operators", dis, doc="4.7")
    clean = Form(
        "core-cleaning", "Clean components",
        "Clean the components of core **{{coreSerial}}**.",
        tf("cleaningProgramId", "Cleaning programme id", required=True, pattern="^[A-Z0-9-]{2,20}$"),
        radio("cleaningResult", "Result", ["OK", "NOK"]),
        ta("cleaningComment", "Comment", required=True, hide='=cleaningResult != "NOK"'))
    p.user("task-clean-components", "Clean components", "reman-operators", clean, doc="4.8")
    local = ("componentClass", "measuredWearPct", "crackDetected", "windingInsulationMOhm", "safetyCritical",
             "reconditionable", "componentDisposition", "componentPicked")
    with p.sub("sub-component-disposition", "Inspect and dispose components",
               multi=dict(collection="=components", element="component", output_collection="componentResults",
                          output_element="={reference: component.reference, disposition: componentDisposition}"),
               inputs=[("=null", k) for k in local], doc="4.9-4.12 per component"):
        p.start("start-component", "Component")
        ci = Form(
            "component-inspection", "Component inspection and measurement",
            "Component **{{component.reference}}** of core {{coreSerial}}. Wear is measured wear / allowed wear x 100 "
            "(100 = at tolerance). For electronic boards enter 0 when the functional test passes, 200 when it fails.",
            select("componentClass", "Component class", ["WEAR_PART", "STRUCTURAL", "ELECTRICAL", "ELECTRONIC"]),
            num("measuredWearPct", "Wear (% of allowed wear)", min=0, max=300, decimals=1, required=True),
            yn("crackDetected", "Crack detected?"),
            num("windingInsulationMOhm", "Winding insulation (MΩ)", min=0, max=10000, decimals=1, required=True,
                hide='=componentClass != "ELECTRICAL"'),
            yn("safetyCritical", "Safety-critical component?"),
            yn("reconditionable", "Recondition procedure available (repair size, rewind, board repair)?"))
        p.user("task-inspect-component", "Inspect and measure component", "reman-inspectors", ci, doc="4.9")
        p.service("task-record-measurements", "Record measurements", "mes.recordMeasurements", doc="4.9")
        p.rule("task-decide-component-disposition", "Decide component disposition", "reman-component-disposition",
               "componentResult", inputs=[("=measuredWearPct", "wearPct")],
               outputs=[("=componentResult.disposition", "componentDisposition")], doc="4.10, decision D9")
        p.xgw("gw-component-disposition", "Disposition?")
        rec = Form(
            "component-reconditioning", "Recondition component",
            "Recondition component **{{component.reference}}** (machining to repair size, rewinding or board repair).",
            tf("reconditionOperation", "Operation", required=True, minLength=3, maxLength=80),
            radio("reconditionResult", "Result", ["OK", "NOK"]),
            ta("reconditionComment", "Comment"))
        p.user("task-recondition-component", "Recondition component", "reman-operators", rec, doc="4.12")
        p.xgw("gw-join-pick", "Pick new component")
        p.service("task-pick-new-component", "Pick new component", "wms.pickParts",
                  outputs=[("=componentPicked", "componentPicked"), ("=pickedLot", "pickedLot")], doc="4.11")
        p.xgw("gw-component-picked", "Picked?")
        p.service("task-hold-work-order", "Put work order on hold", "mes.setStatus", headers={"status": "ON_HOLD"})
        sla_escalation(p, "task-expedite-component", "Expedite missing component", "supply-planners")
        p.catch_message("msg-component-available", "Component available", "PartsAvailable",
                        '=workOrderId + "/" + component.reference')
        p.xgw("gw-join-component-done", "Component done")
        p.end("end-component-done", "Component done")
        p.chain("start-component", "task-inspect-component", "task-record-measurements",
                "task-decide-component-disposition", "gw-component-disposition")
        p.flow("gw-component-disposition", "gw-join-component-done", "reuse as is", default=True)
        p.flow("gw-component-disposition", "task-recondition-component", "recondition",
               '=componentDisposition = "RECONDITION"')
        p.flow("gw-component-disposition", "gw-join-pick", "replace / scrap",
               '=componentDisposition = "REPLACE_NEW" or componentDisposition = "SCRAP_RECYCLE"')
        p.chain("task-recondition-component", "gw-join-component-done")
        p.chain("gw-join-pick", "task-pick-new-component", "gw-component-picked")
        p.flow("gw-component-picked", "gw-join-component-done", "picked", "=componentPicked = true")
        p.flow("gw-component-picked", "task-hold-work-order", "not available", default=True)
        p.chain("task-hold-work-order", "task-expedite-component", "msg-component-available", "gw-join-pick")
        p.chain("gw-join-component-done", "end-component-done")
    p.xgw("gw-join-reassembly", "Reassemble")
    rea = Form(
        "reassembly", "Reassemble part",
        "Reassemble remanufactured part from core **{{coreSerial}}** (work order {{workOrderId}}).",
        ta("torqueRecords", "Torque records (joint, Nm; one per line)", required=True, minLength=3),
        tf("newSerial", "New serial (label printed)", required=True, pattern="^[A-Z0-9-]{4,30}$"),
        ta("reassemblyComment", "Comment"))
    p.user("task-reassemble-part", "Reassemble part", "reman-operators", rea, doc="4.13")
    p.service("task-run-part-test", "Run end-of-line part test", "eol.runPartTest",
              outputs=[("=partTestResult", "partTestResult")], doc="4.14")
    p.call("call-quality-gate", "Quality gate", "quality-gate",
           inputs=[('="PART_REMAN"', "subjectType"), ("=coreSerial", "subjectKey"),
                   ('="PART_REMAN_" + (if partFamily = null then "OTHER" else partFamily)', "controlPlanId"),
                   ("=if reworkCount = null then 0 else reworkCount", "reworkCount")],
           outputs=[("=qualityVerdict", "qualityVerdict"), ("=reworkCount", "reworkCount")], doc="4.15")
    p.xgw("gw-quality-verdict", "Verdict?")
    p.service("task-print-reman-label", "Print remanufactured label", "mes.printRemanLabel",
              outputs=[("=remanSerial", "remanSerial")], doc="4.16: 'remanufactured by The Remakers'")
    p.service("task-create-warranty-record", "Create warranty record", "erp.createWarrantyRecord", doc="4.16")
    p.service("task-put-away-finished-part", "Put away finished part", "wms.putAway",
              headers={"location": "FINISHED_GOODS"}, doc="4.17")
    p.service("task-post-reman-cost", "Post remanufacturing cost", "erp.postRemanCost", doc="4.17")
    p.end("end-part-remanufactured", "Part remanufactured")
    p.end("end-core-scrapped", "Core scrapped")

    p.chain("start-core-announced", "sub-await-core", "task-inspect-core", "task-grade-core", "task-post-core-credit",
            "gw-core-accepted")
    p.chain("timer-t12-core-reminder", "task-remind-core-return", "end-core-return-reminded")
    p.chain("timer-t12-core-credit-limit", "task-keep-core-deposit", "end-core-not-returned")
    p.chain("timer-core-inspection-sla", "task-escalate-core-inspection", "end-core-inspection-escalated")
    p.flow("gw-core-accepted", "task-store-in-core-bank", "accepted", '=coreGrade != "REJECT"')
    p.flow("gw-core-accepted", "task-decide-rejected-core", "rejected", default=True)
    p.chain("task-decide-rejected-core", "task-move-rejected-core", "end-core-rejected")
    p.chain("task-store-in-core-bank", "msg-reman-order-released", "task-disassemble-core", "task-clean-components",
            "sub-component-disposition", "gw-join-reassembly", "task-reassemble-part", "task-run-part-test",
            "call-quality-gate", "gw-quality-verdict")
    p.flow("gw-quality-verdict", "task-print-reman-label", "PASS / CONCESSION", default=True)
    p.flow("gw-quality-verdict", "gw-join-reassembly", "REWORK", '=qualityVerdict = "REWORK"')
    p.flow("gw-quality-verdict", "end-core-scrapped", "SCRAP / return",
           '=qualityVerdict = "SCRAP" or qualityVerdict = "RETURN_TO_SUPPLIER"')
    p.chain("task-print-reman-label", "task-create-warranty-record", "task-put-away-finished-part",
            "task-post-reman-cost", "end-part-remanufactured")
    return p
