from model import Process, Form, cb, tf, num, ta, yn, text


def build():
    p = Process("hv-lockout", "HV lockout (consignation)",
                "Domain brief §3.8. Called with lockoutAction = LOCK before work on an HV vehicle or pack (L.1-L.3) and "
                "with lockoutAction = UNLOCK after the caller's work (L.5). Inputs: subjectKey, workOrderId, "
                "lockoutAction, lockoutOfficerId (optional: when absent, hrcomp.getHabilitation checks that a valid "
                "BCL holder is on shift), operationDate, vehicleHasHvSystem. Errors thrown to the caller: "
                "HABILITATION_MISSING (L.1), HV_TEST_FAILED (isolation check after re-energising).")
    p.start("start-lockout-requested", "Lockout requested")
    p.xgw("gw-lockout-action", "Lock or unlock?")
    p.rule("task-determine-required-habilitation", "Determine required habilitation", "hv-habilitation-required",
           "habilitationRequirement", inputs=[('="LOCKOUT"', "operationType"),
                                              ("=if vehicleHasHvSystem = null then true else vehicleHasHvSystem",
                                               "vehicleHasHvSystem")],
           outputs=[("=habilitationRequirement.requiredSymbol", "requiredSymbol")], doc="L.1, decision D5")
    p.service("task-check-officer-habilitation", "Check lockout officer habilitation", "hrcomp.getHabilitation",
              inputs=[("=lockoutOfficerId", "personId"), ("=requiredSymbol", "requiredSymbol"),
                      ("=if operationDate = null then today() else operationDate", "operationDate")],
              outputs=[("=habilitationValid", "habilitationValid"), ("=heldSymbols", "heldSymbols")],
              doc="L.1: valid symbols of the planned lockout officer on the operation date (HR-COMP)")
    p.xgw("gw-habilitation-valid", "Habilitation valid?")
    p.end("end-habilitation-missing", "Habilitation missing", error="HABILITATION_MISSING")
    lock_form = Form("hv-lockout-checklist", "HV lockout (consignation)",
                     "Perform the lockout of vehicle or pack **{{subjectKey}}** step by step (NF C18-550). "
                     "Every step must be ticked; the certificate is generated from this checklist.",
                     cb("safetyPerimeterSet", "Safety perimeter set", required=True),
                     cb("ignitionOffKeyAway", "Ignition off and key out of reach", required=True),
                     cb("ecusAsleep", "ECUs asleep (wait time respected)", required=True),
                     cb("ppeInspected", "PPE inspected (1000 V insulating gloves, face visor)", required=True),
                     cb("metalJewelleryRemoved", "Metal jewellery removed", required=True),
                     cb("twelveVoltDisconnected", "12 V battery disconnected", required=True),
                     cb("servicePlugRemovedAndLocked", "Service plug / shunt removed, padlocked and stored", required=True),
                     cb("absenceOfVoltageVerified", "Absence of voltage verified (VAT)", required=True),
                     num("measuredVoltageV", "Voltage measured at VAT (V)", min=0, max=1000, required=True, decimals=1),
                     tf("voltageMeterId", "Voltage meter id", required=True, pattern="^[A-Z0-9-]{3,20}$",
                        desc="Id of the calibrated meter used for the VAT, e.g. VAT-0042"),
                     tf("lockoutCertificateNumber", "Lockout certificate number", required=True,
                        pattern="^[A-Z0-9-]{4,30}$"),
                     ta("lockoutComment", "Comment"))
    p.user("task-lock-out-hv-system", "Lock out HV system", "hv-lockout-officers", lock_form, doc="L.2 checklist [R81]",
           hv="LOCKOUT")
    p.service("task-generate-lockout-certificate", "Generate lockout certificate", "doc.generateLockoutCertificate",
              outputs=[("=lockoutCertificateId", "lockoutCertificateId")], doc="L.3, linked to the work order")
    p.end("end-hv-system-locked-out", "HV system locked out")
    unlock_form = Form("hv-unlock", "Unlock and re-energise",
                       "The work on **{{subjectKey}}** is finished. Confirm each step before re-energising.",
                       cb("toolsRemoved", "Tools and foreign objects removed", required=True),
                       cb("coversRefitted", "Covers refitted", required=True),
                       cb("servicePlugRefitted", "Service plug refitted", required=True),
                       yn("isolationCheckOk", "Isolation check after re-energising OK?"),
                       num("isolationOhmPerV", "Measured isolation (Ω/V)", min=0, max=100000, required=True),
                       ta("unlockComment", "What failed?", required=True, hide="=isolationCheckOk != false"))
    p.user("task-unlock-and-re-energise", "Unlock and re-energise", "hv-lockout-officers", unlock_form, doc="L.5",
           hv="LOCKOUT")
    p.xgw("gw-isolation-ok", "Isolation OK?")
    p.service("task-record-unlock", "Record unlock on lockout certificate", "doc.generateLockoutCertificate",
              headers={"action": "UNLOCK"}, outputs=[("=lockoutCertificateId", "lockoutCertificateId")])
    p.end("end-hv-system-re-energised", "HV system re-energised")
    p.end("end-isolation-check-failed", "Isolation check failed", error="HV_TEST_FAILED")

    p.flow("start-lockout-requested", "gw-lockout-action")
    p.flow("gw-lockout-action", "task-determine-required-habilitation", "lock", '=lockoutAction = "LOCK"')
    p.flow("gw-lockout-action", "task-unlock-and-re-energise", "unlock", default=True)
    p.chain("task-determine-required-habilitation", "task-check-officer-habilitation", "gw-habilitation-valid")
    p.flow("gw-habilitation-valid", "task-lock-out-hv-system", "valid", "=habilitationValid = true")
    p.flow("gw-habilitation-valid", "end-habilitation-missing", "missing or expired", default=True)
    p.chain("task-lock-out-hv-system", "task-generate-lockout-certificate", "end-hv-system-locked-out")
    p.chain("task-unlock-and-re-energise", "gw-isolation-ok")
    p.flow("gw-isolation-ok", "task-record-unlock", "OK", "=isolationCheckOk = true")
    p.flow("gw-isolation-ok", "end-isolation-check-failed", "not OK", default=True)
    p.chain("task-record-unlock", "end-hv-system-re-energised")
    return p
