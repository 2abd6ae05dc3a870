"""Debug helper: renders the diagram of a .bpmn file to PNG (python3 tools/bpmngen/render.py file.bpmn out.png)."""
import sys
import xml.etree.ElementTree as ET
from PIL import Image, ImageDraw

NS = {"bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL", "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
      "dc": "http://www.omg.org/spec/DD/20100524/DC", "di": "http://www.omg.org/spec/DD/20100524/DI"}


def main(src, dst, scale=0.6):
    root = ET.parse(src).getroot()
    names, kinds = {}, {}
    for el in root.iter():
        if el.get("id"):
            names[el.get("id")] = el.get("name") or ""
            kinds[el.get("id")] = el.tag.split("}")[1]
    shapes = [(s.get("bpmnElement"), s.find("dc:Bounds", NS)) for s in root.iter(f"{{{NS['bpmndi']}}}BPMNShape")]
    edges = [(e.get("bpmnElement"), [(float(w.get("x")), float(w.get("y"))) for w in e.findall("di:waypoint", NS)])
             for e in root.iter(f"{{{NS['bpmndi']}}}BPMNEdge")]
    W = max(float(b.get("x")) + float(b.get("width")) for _, b in shapes) + 100
    H = max(float(b.get("y")) + float(b.get("height")) for _, b in shapes) + 100
    img = Image.new("RGB", (int(W * scale), int(H * scale)), "white")
    d = ImageDraw.Draw(img)
    s = lambda v: v * scale
    for el, b in shapes:
        x, y, w, h = (float(b.get(k)) for k in ("x", "y", "width", "height"))
        k = kinds[el]
        box = [s(x), s(y), s(x + w), s(y + h)]
        if "Event" in k:
            d.ellipse(box, outline="green" if k == "startEvent" else "red" if k == "endEvent" else "orange", width=2)
            d.text((s(x - 20), s(y + h + 2)), names[el][:22], fill="black")
        elif "Gateway" in k:
            cx, cy = s(x + w / 2), s(y + h / 2)
            d.polygon([(cx, s(y)), (s(x + w), cy), (cx, s(y + h)), (s(x), cy)], outline="purple", width=2)
            d.text((s(x - 20), s(y - 12)), names[el][:22], fill="purple")
        else:
            d.rectangle(box, outline="blue" if k != "subProcess" else "gray", width=2)
            t = names[el]
            lines = [t[i:i + 16] for i in range(0, len(t), 16)][:4] if k != "subProcess" else [t]
            for i, line in enumerate(lines):
                d.text((s(x) + 3, s(y) + 3 + 11 * i), line, fill="black")
    for el, pts in edges:
        d.line([(s(a), s(b)) for a, b in pts], fill="black", width=1)
        (a, b) = pts[-1]
        d.ellipse([s(a) - 3, s(b) - 3, s(a) + 3, s(b) + 3], fill="black")
    img.save(dst)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]) if len(sys.argv) > 3 else 0.6)
