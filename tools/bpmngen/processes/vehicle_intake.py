from model import Process, Form, cb, tf, num, ta, yn, text, radio, select, dt, attachment, checklist, group
from processes.common import (sla_escalation, VIN_PATTERN, MODEL_FAMILIES, POWERTRAINS, CATEGORIES, ROUTES,
                              HV_POWERTRAIN)


def build():
    p = Process("vehicle-intake", "Vehicle intake",
                "Domain brief §3.1. Registers a vehicle arriving at Flins, checks identity and documents, detects HV "
                "safety issues (calls battery-triage first), decides a first route with D2 and starts the downstream "
                "process (diagnosis, or dismantling), or returns the vehicle. Subject key: vin.")
    p.start("start-vehicle-arrival-announced", "Vehicle arrival announced", message="VehicleArrivalAnnounced",
            key="=vin", doc="ERP transfer / purchase order: vin, sender, declaredProgram")
    p.catch_message("msg-vehicle-at-gate", "Vehicle at gate", "VehicleAtGate", "=vin")
    p.start("start-vehicle-at-gate", "Unannounced vehicle at gate", message="VehicleAtGate", key="=vin",
            doc="Gate scan without announcement: declaredProgram = UNKNOWN")
    p.script("task-mark-unannounced", "Mark as unannounced", '="UNKNOWN"', "declaredProgram")
    p.xgw("gw-join-arrival", "Vehicle arrived")
    p.xgw("gw-join-vin-correction", "VIN to validate")
    p.service("task-validate-vin", "Normalise and validate VIN", "vin.validate",
              inputs=[("=if rawVin = null then vin else rawVin", "rawVin")],
              outputs=[("=vin", "vin"), ("=vinLength", "vinLength"), ("=vinCharsetValid", "vinCharsetValid"),
                       ("=vinRegion", "vinRegion"), ("=vinCheckDigitMatches", "vinCheckDigitMatches")], doc="1.1")
    p.rule("task-decide-vin-status", "Decide VIN status", "vin-validation", "vinDecision",
           inputs=[("=vinLength", "length"), ("=vinCharsetValid", "charsetValid"), ("=vinRegion", "region"),
                   ("=vinCheckDigitMatches", "checkDigitMatches")],
           outputs=[("=vinDecision.vinStatus", "vinStatus"), ("=vinDecision.reason", "vinReason"),
                    ('=if vinDecision.vinStatus = "VALID_WITH_WARNING" then [vinDecision.reason] else []',
                     "vinWarnings")], doc="1.1, decision D1")
    p.xgw("gw-vin-status", "VIN status?")
    p.xgw("gw-vin-correction-allowed", "Fewer than 2 corrections?")
    correct = Form(
        "vin-correction", "Correct the VIN",
        "The VIN **{{rawVin}}** was rejected ({{vinReason}}). Read it again on the vehicle and on the registration "
        "certificate. Never copy the VIN from the documents onto the vehicle record: if plate and documents differ, "
        "tick the box below and the vehicle is put on hold.",
        tf("vinOnPlate", "VIN read on the manufacturer plate", required=True, pattern=VIN_PATTERN, minLength=17,
           maxLength=17, desc="17 characters, no I, O or Q"),
        tf("vinStampedOnBody", "VIN stamped on the body", required=True, pattern=VIN_PATTERN, minLength=17,
           maxLength=17),
        tf("vinOnRegistration", "VIN on the registration certificate (field E)", required=True, pattern=VIN_PATTERN,
           minLength=17, maxLength=17),
        attachment("vinPlatePhotoRef", "Photo of the VIN plate", required=True),
        tf("correctedVin", "Corrected VIN", required=True, pattern=VIN_PATTERN, minLength=17, maxLength=17),
        ta("vinCorrectionComment", "Comment"))
    p.user("task-correct-vin", "Correct VIN", "intake-operators", correct,
           outputs=[("=correctedVin", "rawVin"), ("=vinOnPlate", "vinOnPlate"),
                    ("=vinOnRegistration", "vinOnRegistration"), ("=vinPlatePhotoRef", "vinPlatePhotoRef")],
           doc="1.2 (only if D1 = INVALID, at most 2 loops)")
    p.script("task-count-vin-correction", "Count VIN correction",
             "=if vinCorrectionLoops = null then 1 else vinCorrectionLoops + 1", "vinCorrectionLoops")
    p.xgw("gw-join-identity-issue", "Identity issue")
    identity = Form(
        "identity-issue-decision", "Vehicle identity issue",
        "Vehicle **{{vin}}**: the VIN is still invalid after two corrections, or the VIN plate does not match the "
        "registration certificate. Decide what happens to the vehicle; it is never auto-corrected.",
        radio("identityDecision", "Decision", [("RETURN_TO_SENDER", "Return to sender"),
                                               ("HOLD_IDENTITY_CHECK", "Hold for police / identity check")]),
        tf("policeReference", "Police / identity check reference", maxLength=60,
           hide='=identityDecision != "HOLD_IDENTITY_CHECK"'),
        ta("identityComment", "Justification", required=True, minLength=10))
    p.user("task-decide-identity-issue", "Decide on identity issue", "intake-supervisors", identity,
           doc="1.2 failure path / VIN plate mismatch (AS-09)")
    p.xgw("gw-identity-decision", "Return or hold?")
    p.service("task-move-to-identity-hold", "Move to identity hold bay", "wms.moveToLocation",
              headers={"location": "IDENTITY_HOLD"}, outputs=[("=yardLocation", "yardLocation")])
    p.end("end-vehicle-held", "Vehicle held for identity check")

    with p.sub("sub-gate-to-registration", "Gate to registration", doc="Steps 1.3-1.8, covered by SLA T1"):
        p.start("start-registration", "Registration started")
        p.service("task-fetch-master-data", "Fetch vehicle master data", "erp.getVehicleMasterData",
                  outputs=[(f"={k}", k) for k in ("make", "modelFamily", "version", "cnit", "category",
                                                  "firstRegistrationDate", "powertrain", "originalMaxPowerKw",
                                                  "massInRunningOrderKg", "gvwrKg", "registeredInFranceDefinitive",
                                                  "collectionRegistration", "tractionBatteryId",
                                                  "maxAxleLoadsKg")], doc="1.3")
        master = Form(
            "vehicle-master-data-entry", "Key in vehicle master data",
            "The ERP has no master data for **{{vin}}**. Key them in from the registration certificate "
            "(field letters in brackets).",
            tf("make", "Make (D.1)", required=True, maxLength=40),
            select("modelFamily", "Model family", MODEL_FAMILIES),
            tf("version", "Version (D.2)", maxLength=60),
            tf("cnit", "CNIT / type code (D.2.1)", required=True, pattern="^[A-Z0-9]{12,15}$"),
            select("category", "Category (J)", CATEGORIES),
            tf("registrationNumber", "Registration number", pattern="^[A-Z]{2}-[0-9]{3}-[A-Z]{2}$",
               desc="SIV format AA-123-AA"),
            dt("firstRegistrationDate", "First registration (B)", subtype="date"),
            select("powertrain", "Powertrain (P.3)", POWERTRAINS),
            num("originalMaxPowerKw", "Maximum power (P.2, kW)", min=20, max=400, required=True),
            num("massInRunningOrderKg", "Mass in running order (G, kg)", min=500, max=5000, required=True),
            num("gvwrKg", "Maximum laden mass (F.1, kg)", min=500, max=10000, required=True),
            num("maxFrontAxleKg", "Maximum front axle load (kg)", min=200, max=5000, required=True),
            num("maxRearAxleKg", "Maximum rear axle load (kg)", min=200, max=5000, required=True),
            yn("registeredInFranceDefinitive", "Registered in France in a definitive series?"),
            yn("collectionRegistration", "Registered as a collection vehicle?"))
        p.user("task-enter-master-data", "Enter vehicle master data", "intake-operators", master,
               doc="ERP has no master data (assumption of §3.1)")
        p.boundary("task-fetch-master-data", "error-master-data-not-found", "No master data",
                   error="MASTER_DATA_NOT_FOUND")
        p.xgw("gw-join-master-data", "Master data known")
        inspection = Form(
            "gate-inspection", "Gate and walk-around inspection",
            "Inspect vehicle **{{vin}}** ({{make}} {{modelFamily}}, {{powertrain}}) at the gate.",
            group("Arrival",
                  dt("arrivalAt", "Arrival"),
                  num("odometerKm", "Odometer reading (km)", min=0, max=999999, required=True),
                  num("fuelOrChargeLevelPct", "Fuel level / state of charge (%)", min=0, max=100, required=True),
                  num("keysCount", "Number of keys", min=0, max=3, required=True)),
            group("Documents",
                  checklist("documentsPresent", "Documents present",
                            [("REGISTRATION_CERTIFICATE", "Registration certificate"),
                             ("CSA", "Certificate of administrative situation"), ("SERVICE_BOOK", "Service book"),
                             ("EXPERT_REPORT", "VE/VGE expert report")]),
                  attachment("documentsUploadRef", "Scans of the documents")),
            group("Damage",
                  checklist("damageZones", "Damaged zones",
                            ["FRONT", "REAR", "LEFT_SIDE", "RIGHT_SIDE", "ROOF", "UNDERBODY", "INTERIOR", "GLAZING",
                             "WHEELS"]),
                  select("damageSeverity", "Worst damage severity",
                         ["NONE", "COSMETIC", "MODERATE", "STRUCTURAL"]),
                  ta("damageDescription", "Damage type and location", required=True, hide='=damageSeverity = "NONE"'),
                  attachment("damagePhotoRef", "Damage photos")),
            group("Safety",
                  yn("underbodyImpact", "Underbody / battery casing impact?"),
                  yn("airbagDeployed", "Airbag deployed?"),
                  yn("fireDamage", "Fire traces?"),
                  yn("floodDamage", "Flood traces?"),
                  yn("fluidLeaks", "Fluid leaks?"),
                  yn("hvSmokeOrSmell", "Smell or smoke from the HV battery?",
                     hide='=not(list contains(["BEV", "PHEV", "HEV"], powertrain))'),
                  yn("vinPlateMatchesRegistration", "VIN plate matches the registration certificate?")))
        p.user("task-inspect-at-gate", "Inspect vehicle at gate", "intake-operators", inspection, doc="1.4")
        p.xgw("gw-vin-plate-matches", "VIN plate matches?")
        p.end("end-vin-mismatch", "VIN mismatch", error="VIN_INVALID")
        p.service("task-check-administrative-status", "Check administrative status", "reg.checkAdministrativeStatus",
                  outputs=[("=veProcedure", "veProcedure"), ("=oppositionFlags", "oppositionFlags"),
                           ("=csaDate", "csaDate")], doc="1.5")
        p.script("task-assess-hv-risk", "Assess HV battery risk",
                 '=list contains(["BEV", "PHEV", "HEV"], powertrain) and (underbodyImpact = true or '
                 'hvSmokeOrSmell = true or airbagDeployed = true or fireDamage = true or floodDamage = true)',
                 "hvBatteryDamageSuspected", doc="1.6 inputs of D2 rule 1")
        p.xgw("gw-hv-suspect", "HV damage suspected?")
        p.service("task-park-in-hv-quarantine", "Park in HV quarantine bay", "wms.moveToLocation",
                  headers={"location": "HV_QUARANTINE"}, outputs=[("=yardLocation", "yardLocation")], doc="1.6")
        p.call("call-battery-safety-triage", "Battery safety triage", "battery-triage",
               inputs=[('="SUSPECT_VEHICLE"', "mode"),
                       ('=if tractionBatteryId = null then vin + "-HV" else tractionBatteryId', "batteryId"),
                       ("=vin", "hostVin"), ("=true", "suspectedDamage")],
               outputs=[("=safetyClass", "batterySafetyClass"), ("=false", "hvBatteryDamageSuspected"),
                        ('=safetyClass != "NORMAL"', "hvQuarantineRequired")],
               doc="1.6: Process 6 before anything else (D2 rule 1 is then re-evaluated with the flag cleared)")
        p.xgw("gw-join-hv-check", "HV checked")
        p.service("task-register-vehicle", "Register vehicle", "mes.registerVehicle",
                  outputs=[("=vehicleId", "vehicleId")], doc="1.7; MES may reject the VIN with VIN_INVALID")
        p.service("task-create-intake-work-order", "Create intake work order", "mes.createWorkOrder",
                  headers={"workOrderType": "INTAKE"}, outputs=[("=workOrderId", "workOrderId")], doc="1.7")
        p.service("task-assign-yard-location", "Assign yard location", "wms.assignYardLocation",
                  inputs=[("=hvQuarantineRequired = true", "quarantine")],
                  outputs=[("=yardLocation", "yardLocation")], doc="1.8")
        p.end("end-vehicle-registered", "Vehicle registered")
        p.chain("start-registration", "task-fetch-master-data", "gw-join-master-data", "task-inspect-at-gate",
                "gw-vin-plate-matches")
        p.chain("error-master-data-not-found", "task-enter-master-data", "gw-join-master-data")
        p.flow("gw-vin-plate-matches", "task-check-administrative-status", "yes",
               "=vinPlateMatchesRegistration = true")
        p.flow("gw-vin-plate-matches", "end-vin-mismatch", "no", default=True)
        p.chain("task-check-administrative-status", "task-assess-hv-risk", "gw-hv-suspect")
        p.flow("gw-hv-suspect", "task-park-in-hv-quarantine", "yes", "=hvBatteryDamageSuspected = true")
        p.flow("gw-hv-suspect", "gw-join-hv-check", "no", default=True)
        p.chain("task-park-in-hv-quarantine", "call-battery-safety-triage", "gw-join-hv-check")
        p.chain("gw-join-hv-check", "task-register-vehicle", "task-create-intake-work-order",
                "task-assign-yard-location", "end-vehicle-registered")
    p.boundary("sub-gate-to-registration", "timer-t1-registration-sla", "Not registered after 4 h", timer="PT4H",
               interrupting=False, doc="T1")
    p.boundary("sub-gate-to-registration", "error-vin-invalid", "VIN invalid or mismatched", error="VIN_INVALID")
    sla_escalation(p, "task-escalate-registration-sla", "Escalate registration delay", "intake-supervisors",
                   doc="T1")
    p.end("end-registration-sla-escalated", "Registration delay escalated")

    p.xgw("gw-documents-complete", "Documents complete?")
    p.xgw("gw-join-await-documents", "Wait for documents")
    with p.sub("sub-await-documents", "Await missing documents", doc="Waits for DocumentsReceived (T2)"):
        p.start("start-await-documents", "Documents requested")
        p.catch_message("msg-documents-received", "Documents received", "DocumentsReceived", "=vin",
                        outputs=[("=documentsPresent", "documentsPresent")])
        p.end("end-documents-received", "Documents complete")
        p.chain("start-await-documents", "msg-documents-received", "end-documents-received")
    p.boundary("sub-await-documents", "timer-t2-document-reminder", "2 working days", timer="P2D",
               interrupting=False, doc="T2 reminder (working days approximated, ADR 0302)")
    p.boundary("sub-await-documents", "timer-t2-document-escalation", "5 working days", timer="P5D", doc="T2")
    p.service("task-remind-sender", "Remind sender of missing documents", "doc.sendDocumentReminder")
    p.end("end-document-reminder-sent", "Reminder sent")
    missing = Form(
        "missing-documents-decision", "Missing documents",
        "The sender of **{{vin}}** has not supplied the registration certificate or the certificate of "
        "administrative situation after 5 working days.",
        radio("documentsDecision", "Decision", [("KEEP_WAITING", "Keep waiting (new reminder cycle)"),
                                                ("PROCEED_WITHOUT", "Proceed; documents follow later"),
                                                ("RETURN_TO_SENDER", "Return the vehicle to the sender")]),
        ta("documentsComment", "Justification", required=True, minLength=10))
    p.user("task-decide-missing-documents", "Decide on missing documents", "intake-supervisors", missing, doc="T2")
    p.xgw("gw-missing-documents-decision", "Documents decision?")
    p.xgw("gw-join-documents", "Documents handled")
    p.xgw("gw-expert-report-needed", "VE/VGE procedure?")
    p.catch_message("msg-expert-report-received", "Expert report received", "ExpertReportReceived", "=vin",
                    outputs=[("=expertReportRef", "expertReportRef")])
    p.xgw("gw-join-expert-report", "Expert report handled")
    p.rule("task-decide-route", "Decide intake route", "intake-route", "routeDecision",
           inputs=[("=odometerKm", "mileageKm"),
                   ("=if firstRegistrationDate = null then null else "
                    "years and months duration(date(firstRegistrationDate), today()).years", "ageYears"),
                   ("=if hvBatteryDamageSuspected = null then false else hvBatteryDamageSuspected",
                    "hvBatteryDamageSuspected"),
                   ("=if veProcedure = null then \"NONE\" else veProcedure", "veProcedure")],
           outputs=[("=routeDecision.route", "route"), ("=routeDecision.routeReason", "routeReason"),
                    ("=routeDecision.expertFollowUpRequired = true", "expertFollowUpRequired"),
                    ("=routeDecision.economicCheckRequired = true", "economicCheckRequired")], doc="1.9, decision D2")
    p.xgw("gw-route-review-needed", "Manual review?")
    review = Form(
        "route-review", "Manual routing review",
        "D2 proposed **{{route}}** for **{{vin}}** (reason {{routeReason}}). Choose the route; your justification is "
        "kept in the audit trail (Q11).",
        radio("chosenRoute", "Route", ROUTES),
        ta("routeJustification", "Justification", required=True, minLength=10),
        cb("routeApproved", "I approve this route", required=True))
    p.user("task-review-route", "Review route manually", "intake-supervisors", review,
           outputs=[("=chosenRoute", "route"), ("=routeJustification", "routeJustification")], doc="1.10")
    p.xgw("gw-join-route", "Route decided")
    p.service("task-close-intake-work-order", "Close intake work order", "mes.setStatus",
              headers={"status": "CLOSED"})
    p.xgw("gw-downstream", "Route?")
    p.call("call-diagnosis", "Diagnosis", "diagnosis", outputs=[("=route", "route")], doc="1.11")
    p.end("end-vehicle-processed", "Vehicle processed downstream")
    p.call("call-dismantling", "Dismantling", "dismantling", outputs=[("=codNumber", "codNumber")], doc="1.11")
    p.end("end-vehicle-dismantled", "Vehicle dismantled")
    p.xgw("gw-join-return", "Return")
    p.service("task-prepare-return", "Prepare return to sender", "wms.moveToLocation",
              headers={"location": "RETURN_DEPARTURE"}, outputs=[("=yardLocation", "yardLocation")])
    p.end("end-vehicle-returned", "Vehicle returned to sender")

    p.chain("start-vehicle-arrival-announced", "msg-vehicle-at-gate", "gw-join-arrival")
    p.chain("start-vehicle-at-gate", "task-mark-unannounced", "gw-join-arrival")
    p.chain("gw-join-arrival", "gw-join-vin-correction", "task-validate-vin", "task-decide-vin-status",
            "gw-vin-status")
    p.flow("gw-vin-status", "gw-vin-correction-allowed", "INVALID", '=vinStatus = "INVALID"')
    p.flow("gw-vin-status", "sub-gate-to-registration", "valid", default=True)
    p.flow("gw-vin-correction-allowed", "task-correct-vin", "yes",
           "=vinCorrectionLoops = null or vinCorrectionLoops < 2")
    p.flow("gw-vin-correction-allowed", "gw-join-identity-issue", "no", default=True)
    p.chain("task-correct-vin", "task-count-vin-correction", "gw-join-vin-correction")
    p.chain("gw-join-identity-issue", "task-decide-identity-issue", "gw-identity-decision")
    p.flow("gw-identity-decision", "gw-join-return", "return", '=identityDecision = "RETURN_TO_SENDER"')
    p.flow("gw-identity-decision", "task-move-to-identity-hold", "hold", default=True)
    p.chain("task-move-to-identity-hold", "end-vehicle-held")
    p.chain("timer-t1-registration-sla", "task-escalate-registration-sla", "end-registration-sla-escalated")
    p.flow("error-vin-invalid", "gw-join-identity-issue")
    p.flow("sub-gate-to-registration", "gw-documents-complete")
    p.flow("gw-documents-complete", "gw-join-documents", "yes",
           '=list contains(documentsPresent, "REGISTRATION_CERTIFICATE") and list contains(documentsPresent, "CSA")')
    p.flow("gw-documents-complete", "gw-join-await-documents", "missing", default=True)
    p.chain("gw-join-await-documents", "sub-await-documents", "gw-join-documents")
    p.chain("timer-t2-document-reminder", "task-remind-sender", "end-document-reminder-sent")
    p.chain("timer-t2-document-escalation", "task-decide-missing-documents", "gw-missing-documents-decision")
    p.flow("gw-missing-documents-decision", "gw-join-await-documents", "keep waiting",
           '=documentsDecision = "KEEP_WAITING"')
    p.flow("gw-missing-documents-decision", "gw-join-documents", "proceed", '=documentsDecision = "PROCEED_WITHOUT"')
    p.flow("gw-missing-documents-decision", "gw-join-return", "return", default=True)
    p.chain("gw-join-documents", "gw-expert-report-needed")
    p.flow("gw-expert-report-needed", "msg-expert-report-received", "VE/VGE", '=veProcedure = "VE_VGE"')
    p.flow("gw-expert-report-needed", "gw-join-expert-report", "no", default=True)
    p.chain("msg-expert-report-received", "gw-join-expert-report", "task-decide-route", "gw-route-review-needed")
    p.flow("gw-route-review-needed", "task-review-route", "yes",
           '=route = "MANUAL_REVIEW" or route = "HV_QUARANTINE"')
    p.flow("gw-route-review-needed", "gw-join-route", "no", default=True)
    p.chain("task-review-route", "gw-join-route", "task-close-intake-work-order", "gw-downstream")
    p.flow("gw-downstream", "call-diagnosis", "Renew, Bodywork, LCV retrofit",
           '=list contains(["RENEW", "BODYWORK", "LCV_RETROFIT"], route)')
    p.flow("gw-downstream", "call-dismantling", "Dismantle", '=route = "DISMANTLE"')
    p.flow("gw-downstream", "gw-join-return", "Return", default=True)
    p.chain("call-diagnosis", "end-vehicle-processed")
    p.chain("call-dismantling", "end-vehicle-dismantled")
    p.chain("gw-join-return", "task-prepare-return", "end-vehicle-returned")
    return p
