"""Writes docs/processes-job-catalogue.md: every job type of processes/*.bpmn with what the models give the worker
(headers, input mappings) and what they read back (output mappings), plus the BPMN errors caught on the task.

Usage (from the repository root): python3 tools/bpmngen/jobs.py
"""
import glob
import os
import re
import xml.etree.ElementTree as ET
from collections import defaultdict

B = "{http://www.omg.org/spec/BPMN/20100524/MODEL}"
Z = "{http://camunda.org/schema/zeebe/1.0}"
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def main():
    jobs = defaultdict(lambda: {"uses": [], "headers": set(), "inputs": set(), "outputs": set(), "errors": set(),
                                "retries": set()})
    for path in sorted(glob.glob(os.path.join(ROOT, "processes", "*.bpmn"))):
        root = ET.parse(path).getroot()
        pid = os.path.basename(path)[:-5]
        errors = {e.get("id"): e.get("errorCode") for e in root.iter(B + "error")}
        boundary = defaultdict(set)
        for be in root.iter(B + "boundaryEvent"):
            for ed in be.iter(B + "errorEventDefinition"):
                boundary[be.get("attachedToRef")].add(errors[ed.get("errorRef")])
        parent = {c: par for par in root.iter() for c in par}
        for el in root.iter():
            td = el.find(f"{B}extensionElements/{Z}taskDefinition")
            if td is None:
                continue
            j = jobs[td.get("type")]
            j["uses"].append(f"{pid}#{el.get('id')}")
            if td.get("retries"):
                j["retries"].add(td.get("retries"))
            for h in el.iter(Z + "header"):
                j["headers"].add(f"{h.get('key')}={h.get('value')}")
            for i in el.iter(Z + "input"):
                j["inputs"].add(i.get("target"))
            for o in el.iter(Z + "output"):
                m = re.match(r"^=([a-zA-Z][a-zA-Z0-9]*)$", o.get("source"))
                if m:
                    j["outputs"].add(m.group(1))
            scope = el
            while scope is not None:
                j["errors"] |= boundary[scope.get("id")]
                scope = parent.get(scope)
    out = ["# Job catalogue of the process models (generated)\n",
           "Generated from `processes/*.bpmn` by `python3 tools/bpmngen/jobs.py`; do not edit by hand. "
           "Workers receive all process variables in scope plus the input mappings listed; the models read back "
           "the output variables listed (complete the job with them). Errors are the BPMN error codes the model "
           "catches on that task (throw them instead of failing the job). Default retries are the engine's unless "
           "stated.\n",
           "| Job type | Used by | Headers | Extra inputs | Outputs read by the model | BPMN errors caught |",
           "|---|---|---|---|---|---|"]
    for t in sorted(jobs):
        j = jobs[t]
        cell = lambda s: ", ".join(f"`{x}`" for x in sorted(s)) or "—"
        uses = "<br>".join(j["uses"])
        retries = f" (retries {', '.join(sorted(j['retries']))})" if j["retries"] else ""
        out.append(f"| `{t}`{retries} | {uses} | {cell(j['headers'])} | {cell(j['inputs'])} | {cell(j['outputs'])} "
                   f"| {cell(j['errors'])} |")
    with open(os.path.join(ROOT, "docs", "processes-job-catalogue.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print(f"{len(jobs)} job types")


if __name__ == "__main__":
    main()
