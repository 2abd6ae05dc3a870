from model import Process, Form, cb, tf, num, ta, yn, text, radio, select, dt, attachment, checklist, group
from processes.common import sla_escalation, harvest_routing, ROUTES, HABILITATION_RESOLUTION, HARVEST_LOCALS

HV_FAILURES = '["ISOLATION_DC", "ISOLATION_AC", "BONDING", "OBD_LAMP_ON", "HV_MARKING"]'
REMOVED = [("engine", "ENGINE", "Engine"), ("gearbox", "GEARBOX", "Gearbox"), ("turbo", "TURBO", "Turbo"),
           ("injectors", "INJECTOR", "Injectors"), ("engineEcu", "ECU", "Engine ECU"),
           ("exhaust", "EXHAUST", "Exhaust / DPF"), ("fuelTank", "FUEL_TANK", "Fuel tank")]

def build():
    p = Process("lcv-retrofit", "LCV retrofit (Master ICE to EV)",
                "Domain brief §3.3. Converts a Master III diesel van to battery-electric under the arrêté of "
                "13 March 2020: eligibility (D4), kit order and receiving, conversion work with parts routing (D10, "
                "CoreAnnounced), HV commissioning and conformity (D4b), quality gate, plate, certificate, handover "
                "and registration update. Called by diagnosis for route LCV_RETROFIT. Output retrofitOutcome: "
                "CONVERTED, REJECTED (route set for re-routing) or STOPPED.")
    p.start("start-retrofit-requested", "Retrofit requested",
            outputs=[("=if plannedConversionDate = null then requestedDate else plannedConversionDate",
                      "plannedConversionDate")])
    p.xgw("gw-join-eligibility", "Check eligibility")
    p.service("task-get-kit-approval", "Get kit approval scope", "supplier.getKitApproval",
              outputs=[(f"={k}", k) for k in ("kitReference", "kitManufacturer", "approvalNumber", "kitMotorPowerKw",
                                              "variantInApprovalScope", "kitOperations")],
              doc="Prototype approval of the kit: scope (vehicle variants), motor power, installation procedure")
    p.service("task-check-installer-authorisation", "Check installer authorisation",
              "hrcomp.checkInstallerAuthorisation",
              outputs=[("=installerAuthorisationValid", "installerAuthorisationValid"),
                       ("=installerAuthorisationValidTo", "installerAuthorisationValidTo")], doc="3.3 / T9")
    p.rule("task-decide-eligibility", "Decide retrofit eligibility", "retrofit-eligibility", "eligibilityResult",
           inputs=[('=if powertrain = "ICE_DIESEL" then "COMPRESSION" else if powertrain = "ICE_PETROL" or '
                    'powertrain = "LPG" then "SPARK" else "NONE"', "engineIgnition"),
                   ("=if manufacturerAgreement = null then false else manufacturerAgreement", "manufacturerAgreement"),
                   ('=if chassisCondition != null then chassisCondition else if underbodyResult = "NOK" and '
                    'underbodySeverity = "CRITICAL" then "STRUCTURAL_DAMAGE" else if underbodyResult = "NOK" then '
                    '"MINOR_CORROSION" else "OK"', "chassisCondition")],
           outputs=[("=eligibilityResult.eligible", "eligible"), ("=eligibilityResult.reasonCode", "eligibilityReason")],
           doc="3.1, decision D4")
    p.xgw("gw-installer-authorised", "Installer authorised?")
    installer = Form(
        "installer-authorisation-resolution", "Installer authorisation not valid",
        "The installer authorisation for the kit does not cover the planned conversion date of **{{vin}}** "
        "(valid to {{installerAuthorisationValidTo}}). No conversion may start; no task is assignable until this "
        "is resolved.",
        radio("authorisationResolution", "Resolution", [("AUTHORISATION_RENEWED", "Authorisation renewed"),
                                                        ("DATE_REPLANNED", "Conversion date re-planned")]),
        dt("plannedConversionDate", "Planned conversion date", subtype="date"),
        ta("authorisationComment", "Comment", required=True, minLength=10))
    p.user("task-resolve-installer-authorisation", "Resolve installer authorisation", "retrofit-managers", installer,
           doc="Blocking task (AS-30)")
    review = Form(
        "eligibility-review", "Eligibility review and customer confirmation",
        "D4 result for **{{vin}}**: eligible = **{{eligible}}**, reason **{{eligibilityReason}}**. Check the "
        "registration certificate, select the kit and confirm with the customer.",
        tf("eligibilityReason", "Eligibility reason (D4)", readonly=True),
        cb("registrationScanChecked", "Registration certificate scan checked", required=True),
        dt("firstRegistrationDate", "First registration (B)", subtype="date"),
        select("chassisCondition", "Chassis condition", ["OK", "MINOR_CORROSION", "STRUCTURAL_DAMAGE"]),
        yn("manufacturerAgreement", "Original manufacturer's technical agreement supplied?"),
        tf("kitReference", "Kit reference", required=True, pattern="^[A-Z0-9-]{3,30}$"),
        tf("approvalNumber", "Approval (agrément) number", required=True, pattern="^[A-Z0-9/-]{3,40}$"),
        dt("plannedConversionDate", "Planned conversion date", subtype="date"),
        radio("eligibilityDecision", "Decision", [("APPROVE", "Approve"), ("REJECT", "Reject"),
                                                  ("REQUEST_INFO", "Request information / re-evaluate")]),
        radio("rejectionRoute", "Route after rejection", [r for r in ROUTES if r[0] in ("RENEW", "DISMANTLE", "RETURN")],
              hide='=eligibilityDecision != "REJECT"'),
        ta("eligibilityComment", "Comment (mandatory on rejection)", required=True, minLength=5,
           hide='=eligibilityDecision != "REJECT"'))
    p.user("task-review-eligibility", "Review eligibility with customer", "retrofit-engineers", review, doc="3.2")
    p.xgw("gw-eligibility-decision", "Decision?")
    p.script("task-mark-rejected", "Mark retrofit rejected", '="REJECTED"', "retrofitOutcome")
    p.script("task-set-rejection-route", "Set route after rejection", "=rejectionRoute", "route")
    p.end("end-retrofit-rejected", "Retrofit rejected")
    p.xgw("gw-join-habilitations", "Check habilitations")
    p.service("task-check-habilitations", "Check electrical habilitations", "hrcomp.checkElectricalHabilitations",
              inputs=[("=plannedConversionDate", "operationDate")],
              outputs=[("=eligibleAssignees", "eligibleAssignees")],
              doc="3.3: one BCL, one B2L and the B1L technicians of the shift valid on the planned date (D5)")
    p.boundary("task-check-habilitations", "error-habilitation-missing", "Habilitation missing",
               error="HABILITATION_MISSING")
    p.user("task-resolve-habilitations", "Resolve missing habilitations", "retrofit-managers", HABILITATION_RESOLUTION,
           doc="Blocking task")
    p.xgw("gw-join-kit-order", "Order kit")
    p.service("task-create-purchase-order", "Create kit purchase order", "erp.createPurchaseOrder",
              outputs=[("=purchaseOrderNumber", "purchaseOrderNumber")], doc="3.4")
    p.service("task-order-kit", "Order kit from supplier", "supplier.orderKit",
              outputs=[("=kitPromisedAt", "kitPromisedAt")], doc="3.4")
    with p.sub("sub-await-kit", "Await kit delivery", doc="3.5 with timers T7"):
        p.start("start-await-kit", "Kit ordered")
        p.catch_message("msg-kit-delivered", "Kit delivered", "KitDelivered", "=purchaseOrderNumber",
                        outputs=[(f"={k}", k) for k in ("kitId", "batteryPackId", "motorSerial", "inverterSerial",
                                                        "chargerSerial", "deliveryNoteRef")])
        p.end("end-kit-delivered", "Kit delivered")
        p.chain("start-await-kit", "msg-kit-delivered", "end-kit-delivered")
    p.boundary("sub-await-kit", "timer-t7-kit-late", "Promised date + 2 WD",
               date='=date and time(kitPromisedAt) + duration("P2D")', interrupting=False, doc="T7")
    p.boundary("sub-await-kit", "timer-t7-kit-very-late", "Promised date + 10 WD",
               date='=date and time(kitPromisedAt) + duration("P10D")', interrupting=False, doc="T7")
    sla_escalation(p, "task-expedite-kit", "Expedite late kit", "supply-planners", doc="T7 +2 WD")
    p.end("end-kit-expedited", "Kit expedited")
    replan = Form(
        "kit-delay-replan", "Kit delayed: inform customer and re-plan",
        "The kit for **{{vin}}** (PO {{purchaseOrderNumber}}) is 10 working days late.",
        cb("customerNotified", "Customer notified", required=True),
        dt("plannedConversionDate", "New conversion slot", subtype="date"),
        ta("replanComment", "Comment", required=True, minLength=5))
    p.user("task-replan-conversion-slot", "Inform customer and re-plan slot", "customer-service", replan,
           doc="T7 +10 WD")
    p.end("end-slot-replanned", "Slot re-planned")
    with p.sub("sub-kit-receiving", "Receive kit", doc="3.6"):
        p.start("start-kit-receiving", "Kit at goods receipt")
        receipt = Form(
            "kit-receiving-inspection", "Kit receiving inspection",
            "Kit {{kitId}} for PO {{purchaseOrderNumber}} (vehicle **{{vin}}**). Handling an HV kit needs B0L.",
            yn("packagingIntact", "Packaging intact?"),
            yn("shockIndicatorTriggered", "Shock indicator triggered?"),
            yn("quantityCheckOk", "Quantities match the delivery note?"),
            ta("kitSerialsScanned", "Serials scanned (pack, motor, inverter, charger; one per line)", required=True),
            attachment("kitReceiptPhotoRef", "Photos"))
        p.user("task-inspect-kit-receipt", "Inspect kit at receipt", "logistics-receivers", receipt)
        pack = Form(
            "kit-pack-inspection", "Battery pack visual inspection",
            "Traction pack {{batteryPackId}} of the kit for **{{vin}}** (inputs of D6).",
            select("casingDamage", "Casing", [("NONE", "No damage"), ("MINOR_SCRATCH", "Minor scratch"),
                                              ("DEFORMATION", "Deformation / dent")]),
            yn("leakOrVent", "Leak or vent?"), yn("swelling", "Swelling?"), yn("smokeOrSmell", "Smoke or smell?"),
            num("surfaceTemperatureC", "Surface temperature (°C)", min=-30, max=250, decimals=1, required=True),
            num("ambientTemperatureC", "Ambient temperature (°C)", min=-30, max=60, decimals=1, required=True),
            yn("bmsCommunicating", "BMS communicating?"),
            attachment("packPhotoRef", "Photos"))
        p.user("task-inspect-kit-pack", "Inspect kit battery pack", "battery-operators", pack, hv="BATTERY_OPERATION")
        p.rule("task-classify-kit-pack", "Classify pack safety", "battery-safety-class", "packSafety",
               inputs=[("=surfaceTemperatureC - ambientTemperatureC", "temperatureRiseC"),
                       ("=shockIndicatorTriggered", "crashHistory")],
               outputs=[("=packSafety.safetyClass", "packSafetyClass"), ("=packSafety.handling", "packHandling")],
               doc="Decision D6")
        p.xgw("gw-kit-damaged", "Kit damaged?")
        p.end("end-kit-damaged", "Kit damaged", error="KIT_DAMAGED")
        p.end("end-kit-accepted", "Kit accepted")
        p.chain("start-kit-receiving", "task-inspect-kit-receipt", "task-inspect-kit-pack", "task-classify-kit-pack",
                "gw-kit-damaged")
        p.flow("gw-kit-damaged", "end-kit-damaged", "damaged",
               '=packagingIntact = false or shockIndicatorTriggered = true or quantityCheckOk = false or '
               'packSafetyClass != "NORMAL"')
        p.flow("gw-kit-damaged", "end-kit-accepted", "accepted", default=True)
    p.boundary("sub-kit-receiving", "error-kit-damaged", "Kit damaged", error="KIT_DAMAGED")
    p.publish("send-damaged-pack-to-triage", "Send damaged pack to battery triage", "BatteryReceived",
              "=batteryPackId", {"batteryId": "batteryPackId", "suspectedDamage": "true",
                                 "packSafetyClass": "packSafetyClass", "origin": '"RETROFIT_KIT_RECEIVING"'})
    p.service("task-reject-kit-delivery", "Reject kit delivery", "supplier.rejectKitDelivery",
              doc="Damaged battery goes back under the transport rules of D6 (SP376)")

    with p.sub("sub-conversion-work", "Conversion work", doc="Steps 3.7-3.15, target 5 working days"):
        p.start("start-conversion-work", "Conversion started")
        base = Form(
            "baseline-measurements", "Baseline measurements",
            "Weigh **{{vin}}** before conversion and acknowledge the existing fault codes.",
            num("frontAxleKgBefore", "Front axle (kg)", min=200, max=3000, required=True),
            num("rearAxleKgBefore", "Rear axle (kg)", min=200, max=3000, required=True),
            num("totalKgBefore", "Total mass (kg)", min=500, max=5000, required=True),
            num("odometerKm", "Odometer (km)", min=0, max=999999, required=True),
            cb("existingDtcsAcknowledged", "Existing fault codes acknowledged", required=True),
            attachment("baselinePhotosRef", "Photos", required=True))
        p.user("task-record-baseline", "Record baseline measurements", "retrofit-technicians", base, doc="3.7")
        removal_fields = [num("fuelDrainedL", "Fuel drained (L)", min=0, max=150, decimals=1, required=True),
                          num("oilDrainedL", "Oil drained (L)", min=0, max=20, decimals=1, required=True),
                          num("coolantDrainedL", "Coolant drained (L)", min=0, max=30, decimals=1, required=True)]
        for key, _, label in REMOVED:
            removal_fields.append(group(label,
                                        tf(f"{key}Serial", "Serial / part number", maxLength=40),
                                        select(f"{key}Grade", "Condition grade",
                                               [("A", "A - as new"), ("B", "B - light wear"),
                                                ("C", "C - worn, functional"), ("D", "D - damaged")],
                                               required=False)))
        removal = Form("powertrain-removal", "Drain and remove combustion powertrain",
                       "ICE vehicle **{{vin}}**: disconnect the 12 V battery first. Record drained fluids for waste "
                       "tracking and each removed item with its serial and condition grade (leave empty if not "
                       "removed).", *removal_fields)
        p.user("task-remove-powertrain", "Drain and remove powertrain", "retrofit-technicians", removal, doc="3.8")
        items = ", ".join(f'{{partFamily: "{fam}", serialNumber: {key}Serial, partNumber: {key}Serial, '
                          f'conditionGrade: {key}Grade, functionalTestPassed: null}}' for key, fam, _ in REMOVED)
        p.script("task-list-removed-items", "List removed items",
                 f"=[{items}][item.serialNumber != null]", "removedItems")
        with p.sub("sub-route-removed-parts", "Route removed parts",
                   multi=dict(collection="=removedItems", element="harvestedPart"),
                   inputs=[("=null", k) for k in HARVEST_LOCALS],
                   doc="3.9 per removed item; the routing variables are local to each instance"):
            p.start("start-route-removed-part", "Removed item")
            first, last = harvest_routing(p, "RETROFIT_REMOVAL")
            p.flow("start-route-removed-part", first)
        install = Form(
            "kit-installation-operation", "Kit installation operation",
            "Operation **{{kitOperation.code}}** of the kit procedure on **{{vin}}**: {{kitOperation.description}}. "
            "B1L under the direction of the B2L work lead.",
            cb("kitOperationDone", "Operation done", required=True),
            ta("torqueValuesNm", "Torque values (Nm) where required", maxLength=1000),
            ta("componentSerialsScanned", "Component serials scanned", maxLength=1000),
            attachment("kitOperationPhotoRef", "Photo", required=True))
        p.user("task-install-kit", "Install kit (per operation)", "retrofit-technicians", install,
               multi=dict(collection="=kitOperations", element="kitOperation"), doc="3.10", hv="HV_WORK_EXECUTE")
        p.service("task-record-genealogy", "Record component genealogy", "mes.recordGenealogy", doc="3.11")
        p.xgw("gw-join-hv-tests", "Test")
        with p.sub("sub-commissioning-tests", "Commissioning and conformity tests", doc="3.12-3.15"):
            p.start("start-tests", "Tests started")
            comm = Form(
                "hv-commissioning", "HV commissioning and electrical safety tests",
                "Commission the HV system of **{{vin}}** (B2L). Values are checked against D4b.",
                num("isolationDcOhmPerV", "Isolation resistance, DC bus (Ω/V)", min=0, max=100000, required=True),
                num("isolationAcOhmPerV", "Isolation resistance, AC bus (Ω/V)", min=0, max=100000, required=True),
                num("bondingOhm", "Equipotential bonding resistance at ≥ 0.2 A (Ω)", min=0, max=10, decimals=3,
                    required=True),
                yn("hvCablesOrange", "HV cables marked orange?"), yn("obdLampOff", "OBD lamp off?"),
                yn("chargeTestAcOk", "AC charge test OK?"), yn("chargeTestDcOk", "DC charge test OK?"))
            p.user("task-commission-hv-system", "Commission HV system", "retrofit-work-leads", comm, doc="3.12",
                   hv="HV_WORK_LEAD")
            p.service("task-read-hv-test-results", "Read HV test results", "eol.readHvTestResults",
                      outputs=[("=hvTestResults", "hvTestResults")],
                      doc="3.12; throws HV_TEST_FAILED on an isolation or bonding failure")
            p.service("task-run-vehicle-tests", "Run end-of-line vehicle tests", "eol.runVehicleTest",
                      outputs=[("=vehicleTestResults", "vehicleTestResults")], doc="3.13")
            weigh = Form(
                "post-conversion-weighing", "Post-conversion weighing",
                "Weigh **{{vin}}** after conversion (mass in running order).",
                num("frontAxleKg", "Front axle (kg)", min=200, max=3000, required=True),
                num("rearAxleKg", "Rear axle (kg)", min=200, max=3000, required=True),
                num("totalKg", "Total mass (kg)", min=500, max=5000, required=True))
            p.user("task-weigh-after-conversion", "Weigh after conversion", "retrofit-technicians", weigh, doc="3.14")
            p.rule("task-decide-conformity", "Decide conversion conformity", "retrofit-conformity", "conformityResult",
                   inputs=[("=totalKg / massInRunningOrderKg", "massRatio"),
                           ("=abs(frontAxleKg / totalKg - frontAxleKgBefore / totalKgBefore) * 100",
                            "axleShareDeltaPts"),
                           ("=if maxFrontAxleKg != null then maxFrontAxleKg else if maxAxleLoadsKg = null then null "
                            "else maxAxleLoadsKg.front", "maxFrontAxleKg"),
                           ("=if maxRearAxleKg != null then maxRearAxleKg else if maxAxleLoadsKg = null then null "
                            "else maxAxleLoadsKg.rear", "maxRearAxleKg")],
                   outputs=[("=if conformityResult = null then [] else conformityResult", "conformityFailures"),
                            ("=conformityResult = null or count(conformityResult) = 0", "conform")],
                   doc="3.15, decision D4b (COLLECT)")
            p.xgw("gw-conformity", "Conform?")
            p.end("end-conversion-conform", "Conversion conform")
            p.end("end-hv-test-failed", "HV test failed", error="HV_TEST_FAILED")
            mass = Form(
                "mass-nonconformity-review", "Mass / axle non-conformity",
                "D4b failures for **{{vin}}**: {{conformityFailures}}. No rework is possible on the line; assess "
                "with the kit manufacturer. The quality gate will escalate the item.",
                cb("kitManufacturerInformed", "Kit manufacturer informed", required=True),
                ta("engineeringAssessment", "Engineering assessment", required=True, minLength=10),
                tf("kitConfigurationReviewRef", "Kit configuration review reference", pattern="^[A-Z0-9-]{3,30}$"))
            p.user("task-review-mass-nonconformity", "Review mass non-conformity", "retrofit-engineers", mass,
                   doc="D4b mass/axle failure (AS-35)")
            p.end("end-mass-nonconformity-reviewed", "Non-conformity reviewed")
            p.chain("start-tests", "task-commission-hv-system", "task-read-hv-test-results", "task-run-vehicle-tests",
                    "task-weigh-after-conversion", "task-decide-conformity", "gw-conformity")
            p.flow("gw-conformity", "end-conversion-conform", "conform", "=conform = true")
            p.flow("gw-conformity", "end-hv-test-failed", "HV failure",
                   f"=some f in conformityFailures satisfies list contains({HV_FAILURES}, f)")
            p.flow("gw-conformity", "task-review-mass-nonconformity", "mass / axle", default=True)
            p.chain("task-review-mass-nonconformity", "end-mass-nonconformity-reviewed")
        p.boundary("sub-commissioning-tests", "error-hv-test-failed", "HV test failed", error="HV_TEST_FAILED")
        p.xgw("gw-hv-rework-allowed", "First HV failure?")
        lock_inputs = [("=vin", "subjectKey"), ("=true", "vehicleHasHvSystem"), ("=plannedConversionDate", "operationDate")]
        p.call("call-lock-out-for-rework", "Lock out HV system", "hv-lockout",
               inputs=[('="LOCK"', "lockoutAction")] + lock_inputs)
        p.boundary("call-lock-out-for-rework", "error-lockout-habilitation-missing", "Habilitation missing",
                   error="HABILITATION_MISSING")
        p.user("task-assign-lockout-officer", "Assign habilitated lockout officer", "retrofit-managers",
               HABILITATION_RESOLUTION)
        rework = Form(
            "hv-fault-rework", "Locate and fix HV fault",
            "The HV tests of **{{vin}}** failed ({{conformityFailures}}). The system is locked out. Locate the fault, "
            "fix it and describe it; the kit lot is checked for the same fault (containment).",
            tf("hvFaultLocation", "Fault location", required=True, minLength=3, maxLength=120),
            ta("hvFaultFix", "Fix applied", required=True, minLength=10),
            tf("replacedComponentSerial", "Replaced component serial", maxLength=40))
        p.user("task-fix-hv-fault", "Locate and fix HV fault", "retrofit-work-leads", rework, hv="HV_WORK_LEAD")
        p.service("task-contain-kit-lot", "Check kit lot (containment)", "mes.holdSuspectItems",
                  headers={"scope": "KIT_LOT"}, outputs=[("=heldItems", "heldItems")])
        p.call("call-unlock-after-rework", "Unlock and re-energise", "hv-lockout",
               inputs=[('="UNLOCK"', "lockoutAction")] + lock_inputs)
        p.boundary("call-unlock-after-rework", "error-isolation-check-failed", "Isolation check failed",
                   error="HV_TEST_FAILED")
        p.script("task-count-hv-rework", "Count HV rework", "=if hvReworkCount = null then 1 else hvReworkCount + 1",
                 "hvReworkCount")
        p.xgw("gw-join-tests-done", "Tests done")
        p.end("end-conversion-work-done", "Conversion work done")
        p.chain("start-conversion-work", "task-record-baseline", "task-remove-powertrain", "task-list-removed-items",
                "sub-route-removed-parts", "task-install-kit", "task-record-genealogy", "gw-join-hv-tests",
                "sub-commissioning-tests", "gw-join-tests-done", "end-conversion-work-done")
        p.chain("error-hv-test-failed", "gw-hv-rework-allowed")
        p.flow("gw-hv-rework-allowed", "call-lock-out-for-rework", "first failure",
               "=hvReworkCount = null or hvReworkCount < 1")
        p.flow("gw-hv-rework-allowed", "gw-join-tests-done", "second failure: escalate", default=True)
        p.chain("call-lock-out-for-rework", "task-fix-hv-fault", "task-contain-kit-lot", "call-unlock-after-rework",
                "task-count-hv-rework", "gw-join-hv-tests")
        p.chain("error-lockout-habilitation-missing", "task-assign-lockout-officer", "call-lock-out-for-rework")
        p.flow("error-isolation-check-failed", "gw-join-tests-done")
    p.boundary("sub-conversion-work", "timer-conversion-work-target", "Conversion over 5 WD", timer="P5D",
               interrupting=False)
    sla_escalation(p, "task-escalate-conversion-delay", "Escalate conversion delay", "retrofit-managers")
    p.end("end-conversion-delay-escalated", "Conversion delay escalated")
    p.xgw("gw-join-quality-gate", "Quality gate")
    p.call("call-quality-gate", "Quality gate", "quality-gate",
           inputs=[('="VEHICLE_RETROFIT"', "subjectType"), ("=vin", "subjectKey"), ('="RETROFIT_LCV"', "controlPlanId"),
                   ("=max([0, if reworkCount = null then 0 else reworkCount, "
                    "if hvReworkCount = null then 0 else hvReworkCount])", "reworkCount"),
                   ('="BEV"', "powertrain")],
           outputs=[("=qualityVerdict", "qualityVerdict"), ("=reworkCount", "reworkCount"),
                    ("=reworkOrderId", "reworkOrderId")], doc="3.16")
    p.xgw("gw-quality-verdict", "Verdict?")
    conv_rework = Form(
        "conversion-rework", "Conversion rework",
        "The quality gate asked for rework on **{{vin}}** (rework order {{reworkOrderId}}). Perform it and re-run the "
        "bench checks named in the rework order.",
        cb("reworkDone", "Rework done and bench checks re-run", required=True),
        ta("reworkDescription", "What was reworked", required=True, minLength=10))
    p.user("task-rework-conversion", "Rework conversion", "retrofit-technicians", conv_rework, hv="HV_WORK_EXECUTE")
    p.script("task-mark-stopped", "Mark conversion stopped", '="STOPPED"', "retrofitOutcome")
    p.end("end-conversion-stopped", "Conversion stopped")
    plate = Form(
        "conversion-plate", "Affix conversion plate",
        "Affix the conversion plate next to the manufacturer plate of **{{vin}}**, same format.",
        tf("plateKitManufacturer", "Kit manufacturer on the plate", required=True, minLength=2, maxLength=80),
        tf("plateVin", "VIN on the plate", required=True, pattern="^[A-HJ-NPR-Z0-9]{17}$"),
        tf("plateApprovalNumber", "Approval number on the plate", required=True, pattern="^[A-Z0-9/-]{3,40}$"),
        cb("plateReasonConfirmed", "Reason reads \"conversion de la motorisation en électrique\"", required=True),
        attachment("platePhotoRef", "Photo of the plate next to the manufacturer plate", required=True))
    p.user("task-affix-conversion-plate", "Affix conversion plate", "retrofit-work-leads", plate, doc="3.17")
    p.service("task-generate-conversion-certificate", "Generate conversion certificate",
              "doc.generateConversionCertificate",
              outputs=[("=certificateId", "certificateId"), ("=certificateSha256", "certificateSha256")], doc="3.18")
    p.service("task-send-certificate-copy", "Send certificate copy to kit manufacturer", "supplier.sendCertificateCopy",
              doc="3.18")
    p.service("task-generate-handover-pack", "Generate customer information pack", "doc.generateHandoverPack",
              doc="3.19: GHG statement (Annex IV), warranty terms, HV safety notice")
    handover = Form(
        "vehicle-handover", "Handover to customer",
        "Hand converted vehicle **{{vin}}** over to the customer with the information pack.",
        dt("handoverAt", "Handover"),
        yn("customerSignatureCaptured", "Customer signature captured?"),
        num("handoverOdometerKm", "Odometer at handover (km)", min=0, max=999999, required=True))
    p.user("task-hand-over-vehicle", "Hand over vehicle", "customer-service", handover, doc="3.20")
    with p.sub("sub-await-registration-update", "Await registration update", doc="3.21 with timers T8"):
        p.start("start-await-registration", "Registration update due")
        p.catch_message("msg-registration-updated", "Registration updated", "RegistrationUpdated", "=vin",
                        outputs=[("=newRegistrationCertificateRef", "newRegistrationCertificateRef")])
        p.end("end-registration-updated", "Registration updated")
        p.chain("start-await-registration", "msg-registration-updated", "end-registration-updated")
    p.boundary("sub-await-registration-update", "timer-t8-registration-reminder", "D+21", timer="P21D",
               interrupting=False, doc="T8 reminder")
    p.boundary("sub-await-registration-update", "timer-t8-registration-escalation", "D+30", timer="P30D",
               interrupting=False, doc="T8 escalation")
    sla_escalation(p, "task-remind-registration-update", "Chase registration update", "registration-clerks")
    p.end("end-registration-reminded", "Registration chased")
    sla_escalation(p, "task-escalate-registration-update", "Escalate registration update", "retrofit-managers")
    p.end("end-registration-escalated", "Registration escalated")
    p.service("task-close-order", "Close order", "erp.closeOrder", outputs=[('="CONVERTED"', "retrofitOutcome")],
              doc="3.22")
    p.service("task-post-actual-costs", "Post actual costs", "erp.postActualCosts", doc="3.22")
    p.catch_timer("timer-t17-satisfaction-survey", "6 months after handover", duration="P6M", doc="T17")
    p.service("task-send-satisfaction-survey", "Send satisfaction survey", "doc.sendSatisfactionSurvey", doc="T17")
    p.end("end-vehicle-converted", "Vehicle converted")

    p.chain("start-retrofit-requested", "gw-join-eligibility", "task-get-kit-approval",
            "task-check-installer-authorisation", "task-decide-eligibility", "gw-installer-authorised")
    p.flow("gw-installer-authorised", "task-review-eligibility", "review", default=True)
    p.flow("gw-installer-authorised", "task-resolve-installer-authorisation", "not authorised",
           '=eligibilityReason = "INSTALLER_NOT_AUTHORISED"')
    p.flow("task-resolve-installer-authorisation", "gw-join-eligibility")
    p.chain("task-review-eligibility", "gw-eligibility-decision")
    p.flow("gw-eligibility-decision", "gw-join-habilitations", "approved", '=eligibilityDecision = "APPROVE" and eligible = true')
    p.flow("gw-eligibility-decision", "gw-join-eligibility", "re-evaluate",
           '=eligibilityDecision = "REQUEST_INFO" or (eligibilityDecision = "APPROVE" and eligible != true)')
    p.flow("gw-eligibility-decision", "task-mark-rejected", "rejected", default=True)
    p.chain("task-mark-rejected", "task-set-rejection-route", "end-retrofit-rejected")
    p.chain("gw-join-habilitations", "task-check-habilitations", "gw-join-kit-order", "task-create-purchase-order",
            "task-order-kit", "sub-await-kit", "sub-kit-receiving", "sub-conversion-work", "gw-join-quality-gate",
            "call-quality-gate", "gw-quality-verdict")
    p.chain("error-habilitation-missing", "task-resolve-habilitations", "gw-join-habilitations")
    p.chain("timer-t7-kit-late", "task-expedite-kit", "end-kit-expedited")
    p.chain("timer-t7-kit-very-late", "task-replan-conversion-slot", "end-slot-replanned")
    p.chain("error-kit-damaged", "send-damaged-pack-to-triage", "task-reject-kit-delivery", "gw-join-kit-order")
    p.chain("timer-conversion-work-target", "task-escalate-conversion-delay", "end-conversion-delay-escalated")
    p.flow("gw-quality-verdict", "task-affix-conversion-plate", "PASS / CONCESSION", default=True)
    p.flow("gw-quality-verdict", "task-rework-conversion", "REWORK", '=qualityVerdict = "REWORK"')
    p.flow("gw-quality-verdict", "task-mark-stopped", "SCRAP / return", '=qualityVerdict = "SCRAP" or '
           'qualityVerdict = "RETURN_TO_SUPPLIER"')
    p.flow("task-rework-conversion", "gw-join-quality-gate")
    p.chain("task-mark-stopped", "end-conversion-stopped")
    p.chain("task-affix-conversion-plate", "task-generate-conversion-certificate", "task-send-certificate-copy",
            "task-generate-handover-pack", "task-hand-over-vehicle", "sub-await-registration-update",
            "task-close-order", "task-post-actual-costs", "timer-t17-satisfaction-survey",
            "task-send-satisfaction-survey", "end-vehicle-converted")
    p.chain("timer-t8-registration-reminder", "task-remind-registration-update", "end-registration-reminded")
    p.chain("timer-t8-registration-escalation", "task-escalate-registration-update", "end-registration-escalated")
    return p
