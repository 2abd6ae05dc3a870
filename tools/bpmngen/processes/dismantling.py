from model import Process, Form, cb, tf, num, ta, yn, text, radio, select, dt, attachment, checklist, group
from processes.common import sla_escalation, harvest_routing, HABILITATION_RESOLUTION, HV_POWERTRAIN, HARVEST_LOCALS


def build():
    p = Process("dismantling", "Dismantling and recycling (end-of-life vehicle)",
                "Domain brief §3.7. Checks the destruction documents (CSA at most 15 days old), declares the take-over, "
                "locks out and removes the HV battery (BatteryReceived to battery-triage), depollutes, harvests parts "
                "(D10; CoreAnnounced to remanufacture), ships the hulk to the shredder and issues the certificate of "
                "destruction within 15 days. Started by route DISMANTLE (call from intake or diagnosis) or by the "
                "message ElvAcquired. Subject key: vin.")
    p.start("start-elv-acquired", "End-of-life vehicle acquired", message="ElvAcquired", key="=vin")
    p.start("start-dismantling-requested", "Dismantling requested", doc="Route DISMANTLE")
    p.xgw("gw-join-start", "Vehicle to dismantle")
    p.xgw("gw-join-documents-check", "Check documents")
    docs = Form(
        "destruction-documents", "Destruction documents",
        "Check the documents of the holder of **{{vin}}**. The certificate of administrative situation (CSA) must "
        "be at most 15 days old when the destruction file is created.",
        yn("registrationCrossedSigned", "Registration certificate crossed \"vendu/cédé pour destruction\" and signed?"),
        attachment("cerfa15776Ref", "Certificate of transfer for destruction (cerfa 15776)", required=True),
        dt("csaDate", "Date of the CSA", subtype="date"),
        yn("holderIdentityChecked", "Holder identity checked?"),
        ta("documentsCheckComment", "Comment"))
    p.user("task-check-destruction-documents", "Check destruction documents", "dismantling-admin", docs, doc="7.1")
    p.script("task-assess-documents", "Assess documents and CSA freshness",
             '=registrationCrossedSigned = true and cerfa15776Ref != null and holderIdentityChecked = true and '
             'csaDate != null and date(csaDate) >= today() - duration("P15D")', "documentsComplete",
             doc="T3: CSA at most 15 days old [R66]")
    p.xgw("gw-documents-complete", "Documents complete?")
    p.xgw("gw-join-await-documents", "Await documents")
    with p.sub("sub-await-documents", "Await missing documents", doc="7.2"):
        p.start("start-await-documents", "Documents requested")
        p.catch_message("msg-documents-received", "Documents received", "DocumentsReceived", "=vin")
        p.end("end-documents-received", "Documents received")
        p.chain("start-await-documents", "msg-documents-received", "end-documents-received")
    p.boundary("sub-await-documents", "timer-first-document-reminder", "2 WD", timer="P2D", interrupting=False)
    p.boundary("sub-await-documents", "timer-second-document-reminder", "5 WD", timer="P5D", interrupting=False)
    p.boundary("sub-await-documents", "timer-documents-decision", "10 WD", timer="P10D")
    p.service("task-send-first-reminder", "Send first reminder", "doc.sendDocumentReminder")
    p.end("end-first-reminder-sent", "First reminder sent")
    p.service("task-send-second-reminder", "Send second reminder", "doc.sendDocumentReminder")
    p.end("end-second-reminder-sent", "Second reminder sent")
    decide = Form(
        "documents-timeout-decision", "Documents still missing",
        "The destruction documents of **{{vin}}** are still missing or invalid after 10 working days (for example a "
        "CSA older than 15 days).",
        radio("documentsTimeoutDecision", "Decision", [("HOLD_AND_WAIT", "Hold the vehicle and keep waiting"),
                                                       ("RETURN_TO_HOLDER", "Return the vehicle to the holder")]),
        ta("documentsTimeoutComment", "Justification", required=True, minLength=10))
    p.user("task-decide-missing-documents", "Decide on missing documents", "dismantling-admin", decide)
    p.xgw("gw-documents-timeout-decision", "Hold or return?")
    p.service("task-return-to-holder", "Prepare return to holder", "wms.moveToLocation",
              headers={"location": "RETURN_DEPARTURE"})
    p.end("end-vehicle-returned", "Vehicle returned to holder")
    p.service("task-declare-take-over", "Declare take-over for destruction", "reg.declareTakeOverForDestruction",
              outputs=[("=takeOverReceiptNumber", "takeOverReceiptNumber")], doc="7.3")
    p.xgw("gw-hv-vehicle", "EV or hybrid?")
    p.call("call-lock-out-vehicle", "HV lockout", "hv-lockout",
           inputs=[('="LOCK"', "lockoutAction"), ("=vin", "subjectKey"), ("=true", "vehicleHasHvSystem")],
           doc="7.4 lockout by a BCL holder")
    p.boundary("call-lock-out-vehicle", "error-habilitation-missing", "Habilitation missing",
               error="HABILITATION_MISSING")
    p.user("task-assign-lockout-officer", "Assign habilitated lockout officer", "hse-officers",
           HABILITATION_RESOLUTION)
    removal = Form(
        "battery-removal", "Remove traction battery",
        "The HV system of **{{vin}}** is locked out. Remove the traction battery (B1XL/B2XL); packs over 30 kg go one "
        "per packaging.",
        tf("batteryId", "Battery identifier (scan)", required=True, pattern="^[A-Z0-9-]{4,40}$"),
        num("batteryMassKg", "Battery mass (kg)", min=50, max=700, required=True),
        yn("visibleDamage", "Visible damage on the pack?"),
        attachment("batteryRemovalPhotoRef", "Photo"))
    p.user("task-remove-battery", "Remove traction battery", "dismantling-operators", removal, doc="7.4",
           hv="DECONSTRUCTION")
    p.publish("send-battery-received", "Send battery to battery triage", "BatteryReceived", "=batteryId",
              {"batteryId": "batteryId", "hostVin": "vin", "suspectedDamage": "visibleDamage = true",
               "origin": '"DISMANTLING"'})
    p.xgw("gw-join-hv", "Vehicle safe")
    dep = Form(
        "depollution", "Depollution",
        "Depollute **{{vin}}** and record the quantity of each waste stream.",
        num("engineOilL", "Engine oil (L)", min=0, max=20, decimals=1, required=True),
        num("gearboxOilL", "Gearbox oil (L)", min=0, max=10, decimals=1, required=True),
        num("fuelL", "Fuel (L)", min=0, max=150, decimals=1, required=True),
        num("brakeFluidL", "Brake fluid (L)", min=0, max=5, decimals=2, required=True),
        num("coolantL", "Coolant (L)", min=0, max=30, decimals=1, required=True),
        num("refrigerantKg", "Refrigerant (kg)", min=0, max=3, decimals=2, required=True),
        num("twelveVoltBatteryKg", "12 V battery (kg)", min=0, max=60, decimals=1, required=True),
        num("pyrotechnicsNeutralisedCount", "Pyrotechnic devices neutralised", min=0, max=30, required=True),
        num("filtersCount", "Filters removed", min=0, max=10, required=True))
    p.user("task-depollute-vehicle", "Depollute vehicle", "dismantling-operators", dep, doc="7.5")
    p.service("task-get-harvest-demand", "Get harvest demand", "wms.getDemandForReference",
              outputs=[("=harvestCandidates", "harvestCandidates")], doc="7.6: candidate parts with demand")
    with p.sub("sub-harvest-parts", "Harvest parts", multi=dict(collection="=harvestCandidates",
                                                                 element="candidatePart"),
               inputs=[("=null", k) for k in ("harvestedPart", "partNumber", "serialNumber", "conditionGrade",
                                               "functionalTestResult", "labelPrinted") + HARVEST_LOCALS],
               doc="7.6-7.8 per candidate part"):
        p.start("start-harvest-part", "Candidate part")
        remove = Form(
            "harvested-part-removal", "Remove harvested part",
            "Remove **{{candidatePart.partFamily}}** {{candidatePart.partNumber}} from donor vehicle **{{vin}}**.",
            tf("partNumber", "Part number", required=True, pattern="^[A-Z0-9-]{3,30}$"),
            tf("serialNumber", "Serial number (if any)", maxLength=40),
            radio("conditionGrade", "Condition grade", [("A", "A - as new"), ("B", "B - light wear"),
                                                        ("C", "C - worn, functional"), ("D", "D - damaged")]))
        p.user("task-remove-part", "Remove part", "dismantling-operators", remove, doc="7.7")
        test = Form(
            "part-test-label", "Test and label harvested part",
            "Test part {{partNumber}} from donor vehicle **{{vin}}** and print its label (the label carries the "
            "donor VIN for traceability).",
            radio("functionalTestResult", "Functional test", ["OK", "NOK", "NA"]),
            cb("labelPrinted", "Label with donor VIN printed and attached", required=True))
        p.user("task-test-and-label-part", "Test and label part", "parts-testers", test, doc="7.7")
        p.script("task-describe-harvested-part", "Describe harvested part",
                 '={partFamily: candidatePart.partFamily, partNumber: partNumber, serialNumber: serialNumber, '
                 'conditionGrade: conditionGrade, functionalTestPassed: if functionalTestResult = "OK" then true '
                 'else if functionalTestResult = "NOK" then false else null}', "harvestedPart")
        first, last = harvest_routing(p, "DISMANTLING")
        p.chain("start-harvest-part", "task-remove-part", "task-test-and-label-part", "task-describe-harvested-part",
                first)
    p.service("task-ship-hulk-to-shredder", "Ship hulk to shredder", "erp.createShredderShipment",
              outputs=[("=shredderShipmentId", "shredderShipmentId"), ("=hulkMassKg", "hulkMassKg"),
                       ("=destructionDate", "destructionDate")], doc="7.9")
    p.service("task-issue-cod", "Issue certificate of destruction", "reg.issueCoD",
              outputs=[("=codNumber", "codNumber"), ("=codIssuedAt", "codIssuedAt")], doc="7.10")
    p.boundary("task-issue-cod", "timer-t15-cod-escalation", "Day 10 after destruction", timer="P10D",
               interrupting=False, doc="T15: CoD within 15 days, escalate at day 10")
    sla_escalation(p, "task-escalate-cod-delay", "Escalate certificate of destruction", "dismantling-admin")
    p.end("end-cod-delay-escalated", "CoD delay escalated")
    p.service("task-generate-cod", "Generate certificate of destruction", "doc.generateCoD",
              outputs=[("=codDocumentId", "codDocumentId")], doc="7.10")
    p.service("task-post-material-balance", "Post material balance", "erp.postMaterialBalance", doc="7.11")
    p.end("end-vehicle-destroyed", "Vehicle destroyed")

    p.chain("start-elv-acquired", "gw-join-start")
    p.chain("start-dismantling-requested", "gw-join-start")
    p.chain("gw-join-start", "gw-join-documents-check", "task-check-destruction-documents", "task-assess-documents",
            "gw-documents-complete")
    p.flow("gw-documents-complete", "task-declare-take-over", "complete", "=documentsComplete = true")
    p.flow("gw-documents-complete", "gw-join-await-documents", "missing or too old", default=True)
    p.chain("gw-join-await-documents", "sub-await-documents", "gw-join-documents-check")
    p.chain("timer-first-document-reminder", "task-send-first-reminder", "end-first-reminder-sent")
    p.chain("timer-second-document-reminder", "task-send-second-reminder", "end-second-reminder-sent")
    p.chain("timer-documents-decision", "task-decide-missing-documents", "gw-documents-timeout-decision")
    p.flow("gw-documents-timeout-decision", "gw-join-await-documents", "hold and wait",
           '=documentsTimeoutDecision = "HOLD_AND_WAIT"')
    p.flow("gw-documents-timeout-decision", "task-return-to-holder", "return", default=True)
    p.chain("task-return-to-holder", "end-vehicle-returned")
    p.chain("task-declare-take-over", "gw-hv-vehicle")
    p.flow("gw-hv-vehicle", "gw-join-hv", "no", default=True)
    p.flow("gw-hv-vehicle", "call-lock-out-vehicle", "yes", HV_POWERTRAIN)
    p.chain("call-lock-out-vehicle", "task-remove-battery", "send-battery-received", "gw-join-hv")
    p.chain("error-habilitation-missing", "task-assign-lockout-officer", "call-lock-out-vehicle")
    p.chain("gw-join-hv", "task-depollute-vehicle", "task-get-harvest-demand", "sub-harvest-parts",
            "task-ship-hulk-to-shredder", "task-issue-cod", "task-generate-cod", "task-post-material-balance",
            "end-vehicle-destroyed")
    p.chain("timer-t15-cod-escalation", "task-escalate-cod-delay", "end-cod-delay-escalated")
    return p
