from model import Process, Form, cb, tf, num, ta, yn, text, radio, select, dt, attachment, checklist, group
from processes.common import sla_escalation, ROUTES, HV_POWERTRAIN

ZONES = [("bodyPanels", "Body panels"), ("glazing", "Glazing"), ("lights", "Lights"), ("tyres", "Tyres"),
         ("brakes", "Brakes"), ("suspension", "Suspension and steering"), ("underbody", "Underbody"),
         ("interior", "Interior"), ("electrical", "Electrical"), ("roadTest", "Road test")]

EXPERT_VISIT = Form(
    "expert-visit", "VE/VGE expert visit",
    "Vehicle **{{vin}}** is under the damaged-vehicle procedure (VE/VGE): an approved expert follows the repair. "
    "Record the expert's visit (milestone in the task name).",
    dt("expertVisitAt", "Visit"),
    tf("expertName", "Expert (name, approval number)", required=True, minLength=3, maxLength=120),
    yn("expertAgreesToContinue", "Expert agrees to continue the repair?"),
    ta("expertRemarks", "Expert remarks", required=True, minLength=3),
    attachment("expertVisitReportRef", "Visit report"))

REPAIR_OPERATION = Form(
    "repair-operation", "Repair operation",
    "Operation **{{operationCode}}** on **{{vin}}**: {{operationDescription}}. On an electrified vehicle you need "
    "at least B0L; stay away from orange HV parts.",
    tf("operationCode", "Operation", readonly=True),
    cb("operationDone", "Operation done", required=True),
    num("actualHours", "Actual hours", min=0, max=100, decimals=2, required=True),
    ta("partsUsed", "Parts used (reference x quantity, lot/serial; one per line)", maxLength=2000),
    ta("torqueValuesNm", "Torque values where required (Nm)", maxLength=1000),
    attachment("operationPhotoRef", "Photo"),
    ta("operationComment", "Comment"))


def build():
    p = Process("diagnosis", "Diagnosis and repair",
                "Domain brief §3.2. Establishes the technical state, the operations, parts, cost and lead time "
                "(D3), confirms or changes the route, releases the work order and then routes the vehicle: Renew and "
                "Bodywork repair work (multi-instance per operation, VE/VGE expert milestones, quality gate), "
                "LCV retrofit (call), dismantling (call) or return. Called by vehicle-intake with vin, route, flags.")
    p.start("start-diagnosis-requested", "Diagnosis requested",
            outputs=[("=if odometerToleranceKm = null then 1000 else odometerToleranceKm", "odometerToleranceKm")])
    with p.sub("sub-diagnosis", "Diagnose vehicle", doc="Steps 2.1-2.8, covered by SLA T4"):
        p.start("start-diagnose", "Diagnosis started")
        p.service("task-reserve-bench", "Reserve bench slot", "mes.reserveResource",
                  headers={"resourceType": "DIAGNOSTIC_BENCH"},
                  outputs=[("=benchId", "benchId"), ("=benchSlot", "benchSlot")], doc="2.1")
        connect = Form(
            "diagnostic-tool-connection", "Connect the diagnostic tool",
            "Vehicle **{{vin}}** on bench {{benchId}}. On an HV vehicle you need B0L; BRL for measurements on HV "
            "circuits.",
            tf("benchId", "Bench id", required=True, pattern="^[A-Z0-9-]{2,20}$"),
            yn("toolConnected", "Diagnostic tool connected?"),
            select("ignitionState", "Ignition state", ["OFF", "ACCESSORY", "ON", "ENGINE_RUNNING"]))
        p.user("task-connect-diagnostic-tool", "Connect diagnostic tool", "diagnostic-technicians", connect, doc="2.2")
        p.service("task-read-vehicle-data", "Read vehicle data", "diag.readVehicleData", retries=3,
                  outputs=[(f"={k}", k) for k in ("dtcList", "ecuSoftwareVersions", "ecuOdometerKm", "bmsSnapshot")],
                  doc="2.3; the worker throws BENCH_UNAVAILABLE when its last retry fails (ADR 0304)")
        p.boundary("task-read-vehicle-data", "error-bench-unavailable", "Bench unavailable", error="BENCH_UNAVAILABLE")
        manual = Form(
            "manual-diagnosis-entry", "Manual diagnosis entry",
            "The diagnostic bench could not read **{{vin}}**. Enter the readings from the hand-held tool.",
            num("ecuOdometerKm", "ECU odometer (km)", min=0, max=999999, required=True),
            ta("dtcCodes", "Fault codes (code, ECU, status; one per line)", maxLength=4000),
            num("bmsSohPct", "BMS state of health (%) (EV only)", min=0, max=100, decimals=1,
                hide='=not(list contains(["BEV", "PHEV", "HEV"], powertrain))'),
            ta("manualDiagnosisComment", "Comment", required=True, minLength=5))
        p.user("task-enter-diagnosis-manually", "Enter diagnosis manually", "diagnostic-technicians", manual,
               doc="2.3 failure path")
        p.xgw("gw-join-vehicle-data", "Vehicle data read")
        p.script("task-check-odometer-consistency", "Check odometer consistency",
                 "=if ecuOdometerKm = null or odometerKm = null then false "
                 "else abs(ecuOdometerKm - odometerKm) > odometerToleranceKm",
                 "odometerDiscrepancy", doc="2.4; tolerance odometerToleranceKm (1000 km, A) set at start (ADR 0303)")
        p.xgw("gw-odometer-discrepancy", "Odometer discrepancy?")
        odo = Form(
            "odometer-discrepancy-review", "Odometer discrepancy",
            "Declared odometer {{odometerKm}} km, ECU odometer {{ecuOdometerKm}} km for **{{vin}}**. "
            "A difference above the tolerance can mean fraud.",
            num("confirmedOdometerKm", "Confirmed odometer (km)", min=0, max=999999, required=True),
            select("odometerSource", "Source of the confirmed value", ["DECLARED", "ECU", "INSPECTION"]),
            yn("fraudSuspected", "Fraud suspected?"),
            ta("odometerComment", "Justification", required=True, minLength=10))
        p.user("task-review-odometer-discrepancy", "Review odometer discrepancy", "diagnostic-leads", odo, doc="2.4")
        p.xgw("gw-join-odometer", "Odometer checked")
        zone_fields = []
        for key, label in ZONES:
            fields = [radio(f"{key}Result", "Result", ["OK", "NOK", "NA"]),
                      ta(f"{key}NokPoints", "Points not OK", required=True, hide=f'={key}Result != "NOK"'),
                      select(f"{key}Severity", "Severity", ["MINOR", "MAJOR", "CRITICAL"],
                             hide=f'={key}Result != "NOK"')]
            if key == "tyres":
                fields += [num(f"treadDepth{w}Mm", f"Tread depth {w.replace('Front', 'front ').replace('Rear', 'rear ')} (mm)",
                               min=0, max=12, decimals=1, required=True)
                           for w in ("FrontLeft", "FrontRight", "RearLeft", "RearRight")]
            if key == "brakes":
                fields += [num("brakePadWearPct", "Pad wear (%)", min=0, max=100, required=True),
                           num("brakeDiscWearPct", "Disc wear (%)", min=0, max=100, required=True)]
            zone_fields.append(group(label, *fields))
        checklist_form = Form(
            "inspection-checklist", "Inspection checklist",
            "About 80 points grouped by zone for **{{vin}}**. Mark each zone OK, NOK or NA and list the points not OK "
            "with their severity.", *zone_fields, attachment("inspectionPhotosRef", "Photos"))
        p.user("task-inspect-vehicle", "Inspect vehicle (checklist)", "diagnostic-technicians", checklist_form,
               doc="2.5")
        p.xgw("gw-battery-check-needed", "EV or hybrid?")
        p.call("call-battery-check", "Check traction battery in vehicle", "battery-triage",
               inputs=[('="IN_VEHICLE"', "mode"),
                       ('=if tractionBatteryId = null then vin + "-HV" else tractionBatteryId', "batteryId"),
                       ("=vin", "hostVin")],
               outputs=[("=sohPct", "batterySohPct"), ("=safetyClass", "batterySafetyClass")], doc="2.6")
        p.xgw("gw-join-battery-check", "Battery checked")
        p.service("task-compute-labour", "Compute labour", "mes.computeLabour",
                  outputs=[("=operations", "operations"), ("=labourHours", "labourHours")], doc="2.7")
        p.service("task-check-parts-availability", "Check parts availability", "wms.checkPartsAvailability",
                  outputs=[("=partsList", "partsList"), ("=partsAvailability", "partsAvailability")], doc="2.7")
        p.service("task-estimate-cost", "Build cost estimate", "erp.costEstimate",
                  outputs=[(f"={k}", k) for k in ("estimatedRepairCostEur", "marketValueEur", "costRatio",
                                                  "estimatedRepairDays")], doc="2.7")
        p.rule("task-decide-economics", "Decide repair or dismantle", "economic-decision", "economicResult",
               outputs=[("=economicResult.decision", "repairDecision"), ("=economicResult.reason", "economicReason"),
                        ("=economicResult.slaRisk = true", "slaRisk")], doc="2.8, decision D3")
        p.end("end-diagnosis-complete", "Diagnosis complete")
        p.chain("start-diagnose", "task-reserve-bench", "task-connect-diagnostic-tool", "task-read-vehicle-data",
                "gw-join-vehicle-data", "task-check-odometer-consistency", "gw-odometer-discrepancy")
        p.chain("error-bench-unavailable", "task-enter-diagnosis-manually", "gw-join-vehicle-data")
        p.flow("gw-odometer-discrepancy", "task-review-odometer-discrepancy", "yes", "=odometerDiscrepancy = true")
        p.flow("gw-odometer-discrepancy", "gw-join-odometer", "no", default=True)
        p.chain("task-review-odometer-discrepancy", "gw-join-odometer", "task-inspect-vehicle",
                "gw-battery-check-needed")
        p.flow("gw-battery-check-needed", "call-battery-check", "yes", HV_POWERTRAIN)
        p.flow("gw-battery-check-needed", "gw-join-battery-check", "no", default=True)
        p.chain("call-battery-check", "gw-join-battery-check", "task-compute-labour", "task-check-parts-availability",
                "task-estimate-cost", "task-decide-economics", "end-diagnosis-complete")
    p.boundary("sub-diagnosis", "timer-t4-diagnosis-sla", "Not diagnosed after 1 WD", timer="P1D",
               interrupting=False, doc="T4")
    sla_escalation(p, "task-escalate-diagnosis-delay", "Escalate diagnosis delay", "diagnostic-leads", doc="T4")
    p.end("end-diagnosis-delay-escalated", "Diagnosis delay escalated")
    p.xgw("gw-approval-needed", "Approval needed?")
    approval = Form(
        "estimate-approval", "Approve estimate / reroute",
        "D3 decided **{{repairDecision}}** ({{economicReason}}) for **{{vin}}**: estimate {{estimatedRepairCostEur}} EUR, "
        "market value {{marketValueEur}} EUR, {{estimatedRepairDays}} days, parts {{partsAvailability}}. "
        "SLA risk: {{slaRisk}}.",
        cb("estimateApproved", "Estimate reviewed and approved for the chosen route", required=True),
        radio("approvedRoute", "Route", ROUTES),
        ta("approvalComment", "Comment", required=True, minLength=5))
    p.user("task-approve-estimate", "Approve estimate or reroute", "diagnostic-leads", approval,
           outputs=[("=approvedRoute", "route"), ("=approvalComment", "approvalComment")], doc="2.9")
    p.xgw("gw-join-approval", "Route confirmed")
    p.xgw("gw-join-route", "Route vehicle")
    p.xgw("gw-route", "Route?")
    p.xgw("gw-join-reserve-parts", "Reserve parts")
    p.service("task-reserve-parts", "Reserve parts", "wms.reserveParts",
              outputs=[("=reservationIds", "reservationIds"), ("=criticalPartsReserved", "criticalPartsReserved")],
              doc="2.10")
    p.xgw("gw-critical-parts-reserved", "Critical parts reserved?")
    p.catch_message("msg-parts-available", "Parts available", "PartsAvailable", "=workOrderId")
    p.service("task-release-work-order", "Release work order", "mes.releaseWorkOrder",
              outputs=[("=workOrderId", "workOrderId")], doc="2.10")
    p.xgw("gw-repair-or-retrofit", "Repair or retrofit?")
    p.call("call-lcv-retrofit", "LCV retrofit", "lcv-retrofit",
           outputs=[("=retrofitOutcome", "retrofitOutcome"), ("=route", "route")], doc="Route LCV_RETROFIT (§3.3)")
    p.xgw("gw-retrofit-outcome", "Retrofit rejected?")
    p.end("end-vehicle-retrofitted", "Vehicle retrofitted")
    p.call("call-dismantling", "Dismantling", "dismantling", outputs=[("=codNumber", "codNumber")])
    p.end("end-vehicle-dismantled", "Vehicle dismantled")
    p.service("task-return-vehicle", "Prepare return to sender", "wms.moveToLocation",
              headers={"location": "RETURN_DEPARTURE"}, outputs=[("=yardLocation", "yardLocation")])
    p.end("end-vehicle-returned", "Vehicle returned")
    # repair work (Renew / Bodywork)
    p.xgw("gw-expert-before-work", "VE/VGE follow-up?")
    p.user("task-expert-visit-before-work", "Expert visit before work", "bodywork-leads", EXPERT_VISIT,
           doc="VE/VGE milestone 1")
    p.xgw("gw-join-expert-before-work", "Ready for work")
    p.xgw("gw-join-rework", "Repair")
    p.igw("gw-repair-split", "Repair and expert follow-up")
    with p.sub("sub-repair-operations", "Repair operations",
               multi=dict(collection="=operations", element="operation"),
               inputs=[("=operation.code", "operationCode"), ("=operation.description", "operationDescription")],
               doc="One instance per operation of the work order; candidate group per trade"):
        p.start("start-operation", "Operation started")
        p.xgw("gw-trade", "Trade?")
        p.user("task-mechanical-operation", "Perform mechanical operation", "mechanics", REPAIR_OPERATION)
        p.user("task-bodywork-operation", "Perform bodywork operation", "bodywork-technicians", REPAIR_OPERATION)
        p.user("task-paint-operation", "Perform paint operation", "paint-technicians", REPAIR_OPERATION)
        p.xgw("gw-join-trade", "Operation done")
        p.end("end-operation-done", "Operation done")
        p.chain("start-operation", "gw-trade")
        p.flow("gw-trade", "task-mechanical-operation", "mechanics", '=operation.trade = "MECHANICS"')
        p.flow("gw-trade", "task-paint-operation", "paint", '=operation.trade = "PAINT"')
        p.flow("gw-trade", "task-bodywork-operation", "bodywork", default=True)
        p.chain("task-mechanical-operation", "gw-join-trade")
        p.chain("task-paint-operation", "gw-join-trade")
        p.chain("task-bodywork-operation", "gw-join-trade", "end-operation-done")
    p.boundary("sub-repair-operations", "timer-t6-repair-stage", "Repair stage over 8 days", timer="P8D",
               interrupting=False, doc="T6 (damaged-vehicle repair stage 6-8 days)")
    sla_escalation(p, "task-escalate-repair-delay", "Escalate repair delay", "bodywork-leads", doc="T6")
    p.end("end-repair-delay-escalated", "Repair delay escalated")
    p.user("task-expert-visit-structural-work", "Expert visit during structural work", "bodywork-leads",
           EXPERT_VISIT, doc="VE/VGE milestone 2")
    p.igw("gw-repair-join", "Repair finished")
    p.xgw("gw-expert-final", "VE/VGE follow-up?")
    p.user("task-expert-visit-final", "Final expert visit", "bodywork-leads", EXPERT_VISIT, doc="VE/VGE milestone 3")
    p.catch_message("msg-expert-conformity-report", "Expert conformity report received", "ExpertConformityReport",
                    "=vin", outputs=[("=expertConformityReportRef", "expertConformityReportRef")])
    p.xgw("gw-join-expert-final", "Ready for quality gate")
    p.call("call-quality-gate", "Quality gate", "quality-gate",
           inputs=[('=if route = "BODYWORK" then "VEHICLE_BODYWORK" else "VEHICLE_RENEW"', "subjectType"),
                   ("=vin", "subjectKey"), ('="VEHICLE_" + route', "controlPlanId"),
                   ("=if reworkCount = null then 0 else reworkCount", "reworkCount")],
           outputs=[("=qualityVerdict", "qualityVerdict"), ("=reworkCount", "reworkCount"),
                    ('=if qualityVerdict = "REWORK" and reworkOperations != null then reworkOperations else operations',
                     "operations")], doc="Process 5")
    p.xgw("gw-quality-verdict", "Verdict?")
    p.script("task-route-to-dismantling", "Route scrapped vehicle to dismantling", '="DISMANTLE"', "route")
    p.end("end-vehicle-released", "Vehicle released")

    p.chain("start-diagnosis-requested", "sub-diagnosis", "gw-approval-needed")
    p.chain("timer-t4-diagnosis-sla", "task-escalate-diagnosis-delay", "end-diagnosis-delay-escalated")
    p.flow("gw-approval-needed", "task-approve-estimate", "yes",
           '=repairDecision != "REPAIR" or estimatedRepairCostEur > 5000 or slaRisk = true')
    p.flow("gw-approval-needed", "gw-join-approval", "no", default=True)
    p.chain("task-approve-estimate", "gw-join-approval", "gw-join-route", "gw-route")
    p.flow("gw-route", "gw-join-reserve-parts", "Renew, Bodywork, LCV retrofit",
           '=list contains(["RENEW", "BODYWORK", "LCV_RETROFIT"], route)')
    p.flow("gw-route", "call-dismantling", "Dismantle", '=route = "DISMANTLE"')
    p.flow("gw-route", "task-return-vehicle", "Return", default=True)
    p.chain("gw-join-reserve-parts", "task-reserve-parts", "gw-critical-parts-reserved")
    p.flow("gw-critical-parts-reserved", "task-release-work-order", "yes", "=criticalPartsReserved = true")
    p.flow("gw-critical-parts-reserved", "msg-parts-available", "back-ordered", default=True)
    p.flow("msg-parts-available", "gw-join-reserve-parts")
    p.chain("task-release-work-order", "gw-repair-or-retrofit")
    p.flow("gw-repair-or-retrofit", "call-lcv-retrofit", "LCV retrofit", '=route = "LCV_RETROFIT"')
    p.flow("gw-repair-or-retrofit", "gw-expert-before-work", "Renew, Bodywork", default=True)
    p.chain("call-lcv-retrofit", "gw-retrofit-outcome")
    p.flow("gw-retrofit-outcome", "gw-join-route", "rejected, rerouted", '=retrofitOutcome = "REJECTED"')
    p.flow("gw-retrofit-outcome", "end-vehicle-retrofitted", "converted", default=True)
    p.chain("call-dismantling", "end-vehicle-dismantled")
    p.chain("task-return-vehicle", "end-vehicle-returned")
    p.flow("gw-expert-before-work", "task-expert-visit-before-work", "yes", "=expertFollowUpRequired = true")
    p.flow("gw-expert-before-work", "gw-join-expert-before-work", "no", default=True)
    p.chain("task-expert-visit-before-work", "gw-join-expert-before-work", "gw-join-rework", "gw-repair-split")
    p.flow("gw-repair-split", "sub-repair-operations", "always", "=true")
    p.flow("gw-repair-split", "task-expert-visit-structural-work", "VE/VGE", "=expertFollowUpRequired = true")
    p.chain("sub-repair-operations", "gw-repair-join")
    p.chain("task-expert-visit-structural-work", "gw-repair-join")
    p.chain("timer-t6-repair-stage", "task-escalate-repair-delay", "end-repair-delay-escalated")
    p.chain("gw-repair-join", "gw-expert-final")
    p.flow("gw-expert-final", "task-expert-visit-final", "yes", "=expertFollowUpRequired = true")
    p.flow("gw-expert-final", "gw-join-expert-final", "no", default=True)
    p.chain("task-expert-visit-final", "msg-expert-conformity-report", "gw-join-expert-final", "call-quality-gate",
            "gw-quality-verdict")
    p.flow("gw-quality-verdict", "gw-join-rework", "REWORK", '=qualityVerdict = "REWORK"')
    p.flow("gw-quality-verdict", "task-route-to-dismantling", "SCRAP", '=qualityVerdict = "SCRAP"')
    p.flow("gw-quality-verdict", "end-vehicle-released", "PASS / CONCESSION", default=True)
    p.flow("task-route-to-dismantling", "gw-join-route")
    return p
