"""Writes processes/*.bpmn and processes/forms/*.form from the descriptions in processes/*.py.

Usage (from the repository root): python3 tools/bpmngen/generate.py [process-id ...]
"""
import importlib
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from model import write_bpmn  # noqa: E402

ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
ALL = [m[:-3].replace("_", "-") for m in sorted(os.listdir(os.path.join(HERE, "processes"))) if m.endswith(".py") and m not in ("__init__.py", "common.py")]


def main(ids):
    os.makedirs(os.path.join(ROOT, "processes", "forms"), exist_ok=True)
    for pid in ids or ALL:
        mod = importlib.import_module("processes." + pid.replace("-", "_"))
        p = mod.build()
        assert p.id == pid
        with open(os.path.join(ROOT, "processes", pid + ".bpmn"), "w", encoding="utf-8") as f:
            f.write(write_bpmn(p))
        seen = {}
        for form in p.forms:
            assert seen.setdefault(form.id, form) is form, f"form {form.id} defined twice"
            with open(os.path.join(ROOT, "processes", "forms", form.id + ".form"), "w", encoding="utf-8") as f:
                f.write(form.to_json())
        print(f"{pid}: {len(p.nodes)} flow nodes, {len(p.flows)} flows, {len(p.forms)} forms")


if __name__ == "__main__":
    main(sys.argv[1:])
