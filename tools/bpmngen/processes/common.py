"""Shared forms and fragments."""
from model import Form, cb, radio, ta, tf, text

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
