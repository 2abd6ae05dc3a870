from model import Process, Form, cb, tf, num, ta, yn, text, radio, select, dt, attachment, checklist, group
from processes.common import sla_escalation, HABILITATION_RESOLUTION

DISPOSITIONS = [("REUSE_IN_VEHICLE", "Reuse in vehicle (exchange stock)"), ("REPAIR_MODULES", "Repair modules"),
                ("SECOND_LIFE_STATIONARY", "Second life (stationary storage)"), ("RECYCLE", "Recycle")]


def build():
    p = Process("battery-triage", "Battery triage, repair and second life",
                "Domain brief §3.6. Safety triage (D6) and quarantine of a traction battery, BMS read and capacity "
                "test, disposition (D7): module repair, reuse (exchange stock), second life with a linked passport, "
                "recycling or engineering review; quality gate. Started by the message BatteryReceived (removed "
                "pack, damaged kit pack, dealer return: mode REMOVED_PACK) or called with mode IN_VEHICLE "
                "(diagnosis 2.6) or SUSPECT_VEHICLE (intake 1.6), which end after classification / BMS read. "
                "Subject key: batteryId. Outputs: safetyClass, sohPct, disposition.")
    p.start("start-battery-received", "Battery received", message="BatteryReceived", key="=batteryId",
            outputs=[('="REMOVED_PACK"', "mode")])
    p.start("start-battery-check-requested", "Battery check requested",
            doc="Call activity start: mode IN_VEHICLE (diagnosis) or SUSPECT_VEHICLE (intake)")
    p.xgw("gw-join-start", "Battery to triage")
    triage = Form(
        "battery-safety-triage", "Battery safety triage",
        "Triage of traction battery **{{batteryId}}** (vehicle {{hostVin}}). Battery operations need B1XL/B2XL. "
        "Keep your distance and call the HSE officer if the pack smokes.",
        tf("batteryIdScanned", "Battery identifier (scan)", required=True, pattern="^[A-Z0-9-]{4,40}$"),
        select("casingDamage", "Casing", [("NONE", "No damage"), ("MINOR_SCRATCH", "Minor scratch"),
                                          ("DEFORMATION", "Deformation")]),
        yn("leakOrVent", "Leak or vent?"), yn("swelling", "Swelling?"), yn("smokeOrSmell", "Smoke or smell?"),
        num("surfaceTemperatureC", "Surface temperature (°C)", min=-30, max=250, decimals=1, required=True),
        num("ambientTemperatureC", "Ambient temperature (°C)", min=-30, max=60, decimals=1, required=True),
        yn("bmsCommunicating", "BMS communicating?"),
        yn("crashHistory", "Crash history (airbag deployed / underbody impact)?"),
        attachment("triagePhotosRef", "Photos", required=True))
    p.user("task-triage-battery-safety", "Triage battery safety", "battery-operators", triage, doc="6.1",
           hv="BATTERY_OPERATION")
    p.boundary("task-triage-battery-safety", "timer-t11-triage-sla", "Triage overdue (4 h / 24 h)",
               timer='=if suspectedDamage = true or mode = "SUSPECT_VEHICLE" then "PT4H" else "PT24H"',
               interrupting=False, doc="T11")
    sla_escalation(p, "task-escalate-triage-delay", "Escalate triage delay", "battery-engineers", doc="T11")
    p.end("end-triage-delay-escalated", "Triage delay escalated")
    p.rule("task-classify-battery-safety", "Classify battery safety", "battery-safety-class", "safetyResult",
           inputs=[("=surfaceTemperatureC - ambientTemperatureC", "temperatureRiseC")],
           outputs=[("=safetyResult.safetyClass", "safetyClass"), ("=safetyResult.handling", "handlingInstruction")],
           doc="6.2, decision D6")
    p.xgw("gw-quarantine-needed", "Not NORMAL?")
    p.service("task-move-to-quarantine", "Move to HV quarantine", "wms.moveToLocation",
              headers={"location": "HV_QUARANTINE"}, outputs=[("=quarantineLocation", "quarantineLocation")],
              doc="6.3")
    p.xgw("gw-join-temperature-log", "Log temperature")
    log = Form(
        "quarantine-temperature-log", "Quarantine temperature log",
        "Battery **{{batteryId}}** ({{safetyClass}}) in quarantine at {{quarantineLocation}}. Handling: "
        "{{handlingInstruction}}. Reading every 4 h for 48 h.",
        num("quarantineSurfaceTemperatureC", "Surface temperature (°C)", min=-30, max=250, decimals=1, required=True),
        num("quarantineAmbientTemperatureC", "Ambient temperature (°C)", min=-30, max=60, decimals=1, required=True),
        yn("thermalEventObserved", "Temperature rising, smoke, gas or swelling observed?"),
        ta("quarantineComment", "Comment"))
    p.user("task-log-quarantine-temperature", "Log quarantine temperature", "battery-operators", log, doc="6.3",
           hv="BATTERY_OPERATION")
    p.script("task-count-temperature-reading", "Count reading",
             "=if quarantineReadings = null then 1 else quarantineReadings + 1", "quarantineReadings")
    p.xgw("gw-thermal-event", "Thermal event?")
    p.throw_signal("signal-battery-thermal-alarm", "Raise thermal alarm", "BatteryThermalAlarm",
                   inputs=[("=batteryId", "batteryId"), ("=quarantineLocation", "quarantineLocation")])
    p.end("end-emergency-procedure", "Emergency procedure started", terminate=True)
    p.xgw("gw-monitoring-complete", "48 h monitored?")
    p.catch_timer("timer-next-temperature-reading", "4 h", duration="PT4H")
    p.xgw("gw-join-quarantine", "Safety classified")
    p.xgw("gw-suspect-vehicle-mode", "Intake safety check?")
    p.end("end-suspect-battery-classified", "Suspect battery classified")
    p.xgw("gw-join-measure", "Measure battery")
    with p.sub("sub-measure-battery", "Measure battery", doc="6.4-6.5"):
        p.start("start-measure", "Measurement started")
        p.xgw("gw-join-read-bms", "Read BMS")
        p.service("task-read-bms", "Read BMS data", "btb.readBms", retries=3,
                  outputs=[(f"={k}", k) for k in ("sohPct", "socPct", "cycleCount", "cellMinMv", "cellMaxMv",
                                                  "moduleTemperatures", "isolationOk", "faultHistory", "faultyModules",
                                                  "moduleRepairable", "sohPlausible")], doc="6.4")
        p.boundary("task-read-bms", "error-bms-bench-unavailable", "Bench unavailable", error="BENCH_UNAVAILABLE")
        p.catch_timer("timer-wait-for-bms-bench", "Wait 4 h for bench", duration="PT4H")
        p.xgw("gw-capacity-test-needed", "Capacity test needed?")
        p.xgw("gw-join-capacity-test", "Run capacity test")
        p.service("task-start-capacity-test", "Start capacity test", "btb.runCapacityTest",
                  outputs=[("=capacityTestId", "capacityTestId")], doc="6.5, asynchronous: ends with CapacityTestDone")
        p.boundary("task-start-capacity-test", "error-capacity-bench-unavailable", "Bench unavailable",
                   error="BENCH_UNAVAILABLE")
        p.catch_timer("timer-wait-for-capacity-bench", "Wait 4 h for bench", duration="PT4H")
        p.catch_message("msg-capacity-test-done", "Capacity test done", "CapacityTestDone",
                        '=batteryId + "/" + capacityTestId',
                        outputs=[("=measuredCapacityKwh", "measuredCapacityKwh"), ("=measuredSohPct", "sohPct")])
        p.xgw("gw-join-measured", "Measured")
        p.end("end-battery-measured", "Battery measured")
        p.chain("start-measure", "gw-join-read-bms", "task-read-bms", "gw-capacity-test-needed")
        p.chain("error-bms-bench-unavailable", "timer-wait-for-bms-bench", "gw-join-read-bms")
        p.flow("gw-capacity-test-needed", "gw-join-capacity-test", "yes",
               '=mode != "IN_VEHICLE" and (sohPct = null or sohPlausible = false or '
               '(repairLoopsDone != null and repairLoopsDone > 0))')
        p.flow("gw-capacity-test-needed", "gw-join-measured", "no", default=True)
        p.chain("gw-join-capacity-test", "task-start-capacity-test", "msg-capacity-test-done", "gw-join-measured",
                "end-battery-measured")
        p.chain("error-capacity-bench-unavailable", "timer-wait-for-capacity-bench", "gw-join-capacity-test")
    p.boundary("sub-measure-battery", "timer-t11-bench-unavailable", "Not measured after 48 h", timer="P2D",
               interrupting=False, doc="T11: BMS unreadable and bench unavailable for 48 h")
    sla_escalation(p, "task-escalate-measurement-delay", "Escalate measurement delay", "battery-engineers")
    p.end("end-measurement-delay-escalated", "Measurement delay escalated")
    p.xgw("gw-in-vehicle-mode", "In-vehicle check?")
    p.end("end-in-vehicle-check-done", "In-vehicle check done")
    p.rule("task-decide-disposition", "Decide battery disposition", "battery-disposition", "dispositionResult",
           inputs=[("=if repairLoopsDone = null then 0 else repairLoopsDone", "repairLoopsDone"),
                   ("=if cellMaxMv = null or cellMinMv = null then null else cellMaxMv - cellMinMv", "cellSpreadMv"),
                   ("=if faultyModules = null then 0 else faultyModules", "faultyModules")],
           outputs=[("=dispositionResult.disposition", "disposition"),
                    ("=dispositionResult.passportAction", "passportAction")], doc="6.6, decision D7")
    p.xgw("gw-join-disposition", "Disposition known")
    p.xgw("gw-disposition", "Disposition?")
    lock_inputs = [("=batteryId", "subjectKey"), ("=true", "vehicleHasHvSystem")]
    p.call("call-lock-out-pack", "Lock out pack", "hv-lockout", inputs=[('="LOCK"', "lockoutAction")] + lock_inputs,
           doc="6.7a with BCL lockout")
    p.boundary("call-lock-out-pack", "error-lockout-habilitation-missing", "Habilitation missing",
               error="HABILITATION_MISSING")
    p.user("task-assign-lockout-officer", "Assign habilitated lockout officer", "battery-engineers",
           HABILITATION_RESOLUTION)
    repair = Form(
        "module-replacement", "Replace faulty modules",
        "Battery **{{batteryId}}** is locked out. Replace the faulty modules with new modules only.",
        ta("removedModuleSerials", "Removed module serials (one per line)", required=True, minLength=3),
        ta("newModuleSerials", "New module serials (one per line)", required=True, minLength=3),
        cb("balancingDone", "Balancing done", required=True),
        ta("repairComment", "Comment"))
    p.user("task-replace-modules", "Replace faulty modules", "battery-technicians", repair, doc="6.7a",
           hv="BATTERY_OPERATION")
    p.call("call-unlock-pack", "Unlock pack", "hv-lockout", inputs=[('="UNLOCK"', "lockoutAction")] + lock_inputs)
    p.boundary("call-unlock-pack", "error-pack-isolation-failed", "Isolation check failed", error="HV_TEST_FAILED")
    p.script("task-count-repair-loop", "Count repair loop", "=if repairLoopsDone = null then 1 else repairLoopsDone + 1",
             "repairLoopsDone")
    p.service("task-put-in-exchange-stock", "Put in exchange stock", "wms.putAway",
              headers={"location": "EXCHANGE_STOCK"}, outputs=[("=stockLocation", "stockLocation")], doc="6.7b")
    p.service("task-set-passport-reused", "Set passport status REUSED", "passport.setStatus", retries=5,
              headers={"status": "REUSED"}, doc="6.7b")
    repurpose = Form(
        "battery-repurpose", "Repurpose battery (second life)",
        "Battery **{{batteryId}}** (SoH {{sohPct}} %) goes to a second life. A repurposed battery is a new battery "
        "with its own passport linked to the original.",
        select("targetApplication", "Target application", [("STATIONARY_STORAGE", "Stationary storage"),
                                                          ("FAST_CHARGER_BUFFER", "Fast-charger buffer"),
                                                          ("MOBILE_STORAGE", "Mobile storage")]),
        radio("repurposeLevel", "Level", [("PACK", "Whole pack"), ("MODULE", "Modules")]),
        tf("secondLifeProjectId", "Project id", required=True, pattern="^[A-Z0-9-]{3,30}$"),
        ta("repurposeComment", "Comment"))
    p.user("task-repurpose-battery", "Repurpose battery", "battery-engineers", repurpose, doc="6.7c")
    p.boundary("task-repurpose-battery", "timer-second-life-unassigned", "No project after 90 days", timer="P90D",
               doc="Re-evaluate second-life candidates without a project")
    p.service("task-create-linked-passport", "Create linked passport", "passport.createLinkedPassport", retries=5,
              outputs=[("=newBatteryId", "newBatteryId")], doc="6.7c")
    p.xgw("gw-join-recycling", "Recycle")
    p.service("task-create-recycling-shipment", "Create recycling shipment", "erp.createRecyclingShipment",
              inputs=[("=handlingInstruction", "transportClass")], outputs=[("=shipmentId", "shipmentId")], doc="6.7d")
    p.service("task-set-passport-waste", "Set passport status WASTE", "passport.setStatus", retries=5,
              headers={"status": "WASTE"}, doc="6.7d")
    p.catch_message("msg-recycler-pickup-confirmed", "Recycler pickup confirmed", "RecyclerPickupConfirmed",
                    "=shipmentId")
    p.end("end-battery-recycled", "Battery shipped to recycler")
    p.xgw("gw-join-engineering-review", "Engineering review")
    review = Form(
        "battery-engineering-review", "Battery engineering review",
        "Battery **{{batteryId}}**: safety {{safetyClass}}, SoH {{sohPct}} %, faulty modules {{faultyModules}}, "
        "repair loops {{repairLoopsDone}}. Decide the disposition.",
        radio("reviewedDisposition", "Disposition", DISPOSITIONS),
        ta("reviewJustification", "Justification", required=True, minLength=10))
    p.user("task-review-battery-disposition", "Review battery disposition", "battery-engineers", review,
           outputs=[("=reviewedDisposition", "disposition")], doc="6.7e")
    p.xgw("gw-join-quality-gate", "Quality gate")
    p.call("call-quality-gate", "Quality gate", "quality-gate",
           inputs=[('="BATTERY"', "subjectType"), ("=batteryId", "subjectKey"), ('="BATTERY"', "controlPlanId"),
                   ("=if reworkCount = null then 0 else reworkCount", "reworkCount")],
           outputs=[("=qualityVerdict", "qualityVerdict"), ("=reworkCount", "reworkCount")], doc="6.8")
    p.xgw("gw-quality-verdict", "Verdict?")
    p.end("end-battery-released", "Battery released")

    p.chain("start-battery-received", "gw-join-start")
    p.chain("start-battery-check-requested", "gw-join-start")
    p.chain("gw-join-start", "task-triage-battery-safety", "task-classify-battery-safety", "gw-quarantine-needed")
    p.chain("timer-t11-triage-sla", "task-escalate-triage-delay", "end-triage-delay-escalated")
    p.flow("gw-quarantine-needed", "gw-join-quarantine", "NORMAL", default=True)
    p.flow("gw-quarantine-needed", "task-move-to-quarantine", "damaged / critical", '=safetyClass != "NORMAL"')
    p.chain("task-move-to-quarantine", "gw-join-temperature-log", "task-log-quarantine-temperature",
            "task-count-temperature-reading", "gw-thermal-event")
    p.flow("gw-thermal-event", "gw-monitoring-complete", "no", default=True)
    p.flow("gw-thermal-event", "signal-battery-thermal-alarm", "yes", "=thermalEventObserved = true")
    p.chain("signal-battery-thermal-alarm", "end-emergency-procedure")
    p.flow("gw-monitoring-complete", "gw-join-quarantine", "yes", "=quarantineReadings >= 12")
    p.flow("gw-monitoring-complete", "timer-next-temperature-reading", "no", default=True)
    p.flow("timer-next-temperature-reading", "gw-join-temperature-log")
    p.chain("gw-join-quarantine", "gw-suspect-vehicle-mode")
    p.flow("gw-suspect-vehicle-mode", "gw-join-measure", "no", default=True)
    p.flow("gw-suspect-vehicle-mode", "end-suspect-battery-classified", "yes", '=mode = "SUSPECT_VEHICLE"')
    p.chain("gw-join-measure", "sub-measure-battery", "gw-in-vehicle-mode")
    p.chain("timer-t11-bench-unavailable", "task-escalate-measurement-delay", "end-measurement-delay-escalated")
    p.flow("gw-in-vehicle-mode", "task-decide-disposition", "no", default=True)
    p.flow("gw-in-vehicle-mode", "end-in-vehicle-check-done", "yes", '=mode = "IN_VEHICLE"')
    p.chain("task-decide-disposition", "gw-join-disposition", "gw-disposition")
    p.flow("gw-disposition", "task-put-in-exchange-stock", "reuse", '=disposition = "REUSE_IN_VEHICLE"')
    p.flow("gw-disposition", "call-lock-out-pack", "repair modules", '=disposition = "REPAIR_MODULES"')
    p.flow("gw-disposition", "task-repurpose-battery", "second life", '=disposition = "SECOND_LIFE_STATIONARY"')
    p.flow("gw-disposition", "gw-join-recycling", "recycle", '=disposition = "RECYCLE"')
    p.flow("gw-disposition", "gw-join-engineering-review", "engineering review", default=True)
    p.chain("call-lock-out-pack", "task-replace-modules", "call-unlock-pack", "task-count-repair-loop",
            "gw-join-measure")
    p.chain("error-lockout-habilitation-missing", "task-assign-lockout-officer", "call-lock-out-pack")
    p.flow("error-pack-isolation-failed", "gw-join-engineering-review")
    p.chain("task-put-in-exchange-stock", "task-set-passport-reused", "gw-join-quality-gate")
    p.chain("task-repurpose-battery", "task-create-linked-passport", "gw-join-quality-gate")
    p.flow("timer-second-life-unassigned", "gw-join-measure")
    p.chain("gw-join-recycling", "task-create-recycling-shipment", "task-set-passport-waste",
            "msg-recycler-pickup-confirmed", "end-battery-recycled")
    p.chain("gw-join-engineering-review", "task-review-battery-disposition", "gw-join-disposition")
    p.chain("gw-join-quality-gate", "call-quality-gate", "gw-quality-verdict")
    p.flow("gw-quality-verdict", "end-battery-released", "PASS / CONCESSION", default=True)
    p.flow("gw-quality-verdict", "gw-join-engineering-review", "REWORK", '=qualityVerdict = "REWORK"')
    p.flow("gw-quality-verdict", "gw-join-recycling", "SCRAP", '=qualityVerdict = "SCRAP"')
    return p
