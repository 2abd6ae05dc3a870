"""Shared forms and fragments."""
from model import Form, cb, radio, ta, tf, text, dt

VIN_PATTERN = "^[A-HJ-NPR-Z0-9]{17}$"

SLA_ESCALATION = Form(
    "sla-escalation", "SLA escalation",
    "A time limit of this process has been reached (see the task name). The process continues; record what you did "
    "so the audit trail shows how the delay was handled.",
    cb("escalationAcknowledged", "I have reviewed the delayed item", required=True),
    radio("escalationAction", "Action taken",
          [("EXPEDITED", "Expedited / chased the responsible party"), ("REPLANNED", "Re-planned"),
           ("ACCEPTED_DELAY", "Delay accepted"), ("OTHER", "Other (explain)")]),
    ta("escalationComment", "Comment", required=True, minLength=5, maxLength=1000))


def sla_escalation(p, id, name, group, doc=None):
    return p.user(id, name, group, SLA_ESCALATION, doc=doc)

MODEL_FAMILIES = ["MASTER_III", "MASTER_IV", "TRAFIC", "KANGOO", "CLIO", "CAPTUR", "MEGANE", "ZOE", "TWINGO", "OTHER"]
POWERTRAINS = [("ICE_DIESEL", "Diesel"), ("ICE_PETROL", "Petrol"), ("LPG", "LPG"), ("HEV", "Hybrid (HEV)"),
               ("PHEV", "Plug-in hybrid (PHEV)"), ("BEV", "Battery electric (BEV)")]
CATEGORIES = ["M1", "M2", "M3", "N1", "N2", "N3", "L1", "L2", "L3", "L4", "L5", "L6", "L7", "OTHER"]
ROUTES = [("RENEW", "Renew (used-car refurbishment)"), ("BODYWORK", "Bodywork (damage repair)"),
          ("LCV_RETROFIT", "LCV retrofit (Master ICE to EV)"), ("DISMANTLE", "Dismantle (end of life)"),
          ("RETURN", "Return to sender")]
HV_POWERTRAIN = '=list contains(["BEV", "PHEV", "HEV"], powertrain)'

HARVEST_REVIEW = Form(
    "harvested-part-review", "Harvested part disposition review",
    "D10 could not decide for part **{{harvestedPart.partFamily}}** (serial {{harvestedPart.serialNumber}}) from "
    "donor vehicle **{{vin}}**. Choose the disposition.",
    radio("reviewedDisposition", "Disposition", [("REMAN_CORE", "Core for remanufacturing (The Remakers)"),
                                                 ("USED_PART_REUSE", "Reuse as used part"),
                                                 ("MATERIAL_RECYCLING", "Material recycling")]),
    ta("dispositionComment", "Justification", required=True, minLength=10))


HARVEST_LOCALS = ("partId", "remanProgramExists", "daysOfCover", "harvestDisposition", "reviewedDisposition")


def harvest_routing(p, origin):
    """Inside a multi-instance sub-process over `harvestedPart`: WMS record, D10, and routing (3.9 / 7.6-7.8).

    Returns (first element id, last element id)."""
    p.service("task-create-harvested-part", "Create harvested part record", "wms.createHarvestedPart",
              inputs=[("=harvestedPart", "harvestedPart"), ("=vin", "donorVin"), (f'="{origin}"', "origin")],
              outputs=[("=partId", "partId"), ("=remanProgramExists", "remanProgramExists"),
                       ("=daysOfCover", "daysOfCover")])
    p.rule("task-decide-part-disposition", "Decide part disposition", "harvested-part-disposition", "partDisposition",
           inputs=[("=harvestedPart.partFamily", "partFamily"), ("=harvestedPart.conditionGrade", "conditionGrade"),
                   ("=harvestedPart.functionalTestPassed", "functionalTestPassed")],
           outputs=[("=partDisposition.disposition", "harvestDisposition")], doc="Decision D10")
    p.xgw("gw-join-part-disposition", "Disposition known")
    p.xgw("gw-part-disposition", "Disposition?")
    p.publish("send-core-announced", "Announce core to remanufacture", "CoreAnnounced",
              '=if harvestedPart.serialNumber = null then partId else harvestedPart.serialNumber',
              {"coreSerial": "if harvestedPart.serialNumber = null then partId else harvestedPart.serialNumber",
               "partId": "partId", "partNumber": "harvestedPart.partNumber", "partFamily": "harvestedPart.partFamily",
               "donorVin": "vin", "origin": f'"{origin}"'})
    p.service("task-put-away-reuse", "Put away in reuse stock", "wms.putAway", headers={"location": "REUSE_STOCK"})
    p.user("task-review-part-disposition", "Review part disposition", "parts-testers", HARVEST_REVIEW,
           outputs=[("=reviewedDisposition", "harvestDisposition")])
    p.service("task-move-to-recycling", "Move to material recycling", "wms.moveToLocation",
              headers={"location": "MATERIAL_RECYCLING"})
    p.xgw("gw-join-part-routed", "Part routed")
    p.end("end-part-routed", "Part routed")
    p.chain("task-create-harvested-part", "task-decide-part-disposition", "gw-join-part-disposition",
            "gw-part-disposition")
    p.flow("gw-part-disposition", "send-core-announced", "core", '=harvestDisposition = "REMAN_CORE"')
    p.flow("gw-part-disposition", "task-put-away-reuse", "reuse", '=harvestDisposition = "USED_PART_REUSE"')
    p.flow("gw-part-disposition", "task-review-part-disposition", "manual review",
           '=harvestDisposition = "MANUAL_REVIEW"')
    p.flow("gw-part-disposition", "task-move-to-recycling", "recycling", default=True)
    p.flow("task-review-part-disposition", "gw-join-part-disposition")
    p.chain("send-core-announced", "gw-join-part-routed")
    p.chain("task-put-away-reuse", "gw-join-part-routed")
    p.chain("task-move-to-recycling", "gw-join-part-routed", "end-part-routed")
    return "task-create-harvested-part", "end-part-routed"


HABILITATION_RESOLUTION = Form(
    "habilitation-resolution", "Missing habilitation",
    "Work on **{{subjectKey}}** is blocked: no valid electrical habilitation (or installer authorisation) is available for "
    "the planned date. This task cannot be skipped; resolve it and the check runs again.",
    radio("habilitationResolution", "Resolution", [("ASSIGNEE_CHANGED", "Another habilitated person assigned"),
                                                   ("TITLE_RENEWED", "Title / authorisation renewed"),
                                                   ("DATE_REPLANNED", "Work re-planned")]),
    dt("plannedConversionDate", "Planned date", subtype="date"),
    ta("habilitationComment", "Comment", required=True, minLength=10))


