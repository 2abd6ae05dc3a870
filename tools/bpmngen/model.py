"""Tiny BPMN (Camunda 8 / Zeebe dialect) writer with a layered left-to-right layout.

Processes are described in Python (see tools/bpmngen/processes/*.py); `python3 tools/bpmngen/generate.py`
writes processes/<id>.bpmn and processes/forms/<formId>.form. The written files are the source of truth
once a process owner edits them in Camunda Modeler; the generator is a convenience for the first versions.
"""
import json
import re
from contextlib import contextmanager
from xml.sax.saxutils import escape, quoteattr

SIZES = {
    "startEvent": (36, 36), "endEvent": (36, 36), "intermediateCatchEvent": (36, 36),
    "intermediateThrowEvent": (36, 36), "boundaryEvent": (36, 36),
    "exclusiveGateway": (50, 50), "parallelGateway": (50, 50), "inclusiveGateway": (50, 50),
    "eventBasedGateway": (50, 50),
}
TASK_SIZE = (100, 80)
GATEWAYS = {"exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway"}
EVENTS = {"startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent"}

COL_GAP = 60
ROW_GAP = 70
PAD = 30          # padding inside expanded sub-processes
HEADER = 10

# domain brief §4 D5, input operationType of decision hv-habilitation-required
HV_OPERATION_TYPES = ("NON_ELECTRICAL_NEAR_HV", "LOCKOUT", "HV_WORK_EXECUTE", "HV_WORK_LEAD", "HV_INTERVENTION",
                      "BATTERY_OPERATION", "DECONSTRUCTION", "NONE_HV")


def kebab(name):
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def attr(v):
    return quoteattr(str(v))


class Node:
    def __init__(self, id, kind, name, container):
        self.id, self.kind, self.name, self.container = id, kind, name, container
        self.ext = []          # extension element xml strings
        self.event_def = None  # xml string
        self.attrs = {}
        self.doc = None
        self.loop = None       # multi-instance xml
        self.attached_to = None
        self.cancel = True
        self.children = []     # for sub-processes
        self.triggered_by_event = False
        self.w, self.h = SIZES.get(kind, TASK_SIZE)
        self.x = self.y = 0
        self.default = None
        self.boundaries = []
        self.form = None

    @property
    def cx(self):
        return self.x + self.w / 2

    @property
    def cy(self):
        return self.y + self.h / 2


class Flow:
    def __init__(self, id, src, tgt, name, cond, container):
        self.id, self.src, self.tgt, self.name, self.cond, self.container = id, src, tgt, name, cond, container
        self.points = []


def io_mapping(inputs=(), outputs=()):
    if not inputs and not outputs:
        return None
    s = "<zeebe:ioMapping>"
    for src, tgt in inputs:
        s += f"<zeebe:input source={attr(src)} target={attr(tgt)} />"
    for src, tgt in outputs:
        s += f"<zeebe:output source={attr(src)} target={attr(tgt)} />"
    return s + "</zeebe:ioMapping>"


class Process:
    def __init__(self, pid, name, doc):
        self.id, self.name, self.doc = pid, name, doc
        self.nodes = {}
        self.order = []
        self.flows = []
        self.stack = [None]
        self.messages = {}   # name -> (id, correlationKey)
        self.errors = {}
        self.signals = {}
        self.escalations = {}
        self.forms = []

    # ----- construction helpers -------------------------------------------------------------
    def _node(self, id, kind, name, doc=None):
        assert id not in self.nodes, f"duplicate id {id}"
        n = Node(id, kind, name, self.stack[-1])
        n.doc = doc
        self.nodes[id] = n
        self.order.append(id)
        if self.stack[-1]:
            self.nodes[self.stack[-1]].children.append(id)
        return n

    def _io(self, n, inputs, outputs):
        m = io_mapping(inputs, outputs)
        if m:
            n.ext.append(m)

    def message(self, name, key):
        if name not in self.messages:
            self.messages[name] = ("message-" + kebab(name), key)
        else:
            assert self.messages[name][1] == key, f"message {name} used with two correlation keys"
        return self.messages[name][0]

    def error(self, code):
        self.errors.setdefault(code, "error-definition-" + code.lower().replace("_", "-"))
        return self.errors[code]

    def signal(self, name):
        self.signals.setdefault(name, "signal-definition-" + kebab(name))
        return self.signals[name]

    def start(self, id, name, message=None, key=None, outputs=(), doc=None):
        n = self._node(id, "startEvent", name, doc)
        if message:
            n.event_def = f'<bpmn:messageEventDefinition id="{id}-definition" messageRef="{self.message(message, key)}" />'
        self._io(n, (), outputs)
        return id

    def end(self, id, name, error=None, terminate=False, doc=None):
        n = self._node(id, "endEvent", name, doc)
        if error:
            n.event_def = f'<bpmn:errorEventDefinition id="{id}-definition" errorRef="{self.error(error)}" />'
        if terminate:
            n.event_def = f'<bpmn:terminateEventDefinition id="{id}-definition" />'
        return id

    def service(self, id, name, type, inputs=(), outputs=(), headers=None, retries=None, doc=None, kind="serviceTask"):
        n = self._node(id, kind, name, doc)
        r = f' retries="{retries}"' if retries else ""
        n.ext.append(f'<zeebe:taskDefinition type="{type}"{r} />')
        if headers:
            n.ext.append("<zeebe:taskHeaders>" + "".join(
                f"<zeebe:header key={attr(k)} value={attr(v)} />" for k, v in headers.items()) + "</zeebe:taskHeaders>")
        self._io(n, inputs, outputs)
        return id

    def publish(self, id, name, message, key, variables, doc=None):
        """Message throw between processes: a send task worked by the generic `process.publishMessage` worker."""
        if not isinstance(variables, dict):
            variables = {v: v for v in variables}
        body = ", ".join(f"{k}: {v}" for k, v in variables.items())
        inputs = [(key, "correlationKey"), ("={" + body + "}", "messageVariables")]
        return self.service(id, name, "process.publishMessage", inputs=inputs,
                            headers={"messageName": message}, kind="sendTask", doc=doc)

    def user(self, id, name, group, form, inputs=(), outputs=(), doc=None, multi=None, hv=None):
        """hv: the D5 operation type (domain brief §4 D5) of a step done on an HV vehicle or pack; written as the task
        headers operationType and vehicleHasHvSystem=true, read by the console's claim guard (ADR 0400)."""
        n = self._node(id, "userTask", name, doc)
        n.ext.append("<zeebe:userTask />")
        n.ext.append(f'<zeebe:formDefinition formId="{form.id}" />')
        n.ext.append(f'<zeebe:assignmentDefinition candidateGroups="{group}" />')
        if hv:
            assert hv in HV_OPERATION_TYPES, f"{id}: {hv} is not a D5 operation type"
            n.ext.append("<zeebe:taskHeaders>" + "".join(
                f"<zeebe:header key={attr(k)} value={attr(v)} />"
                for k, v in (("operationType", hv), ("vehicleHasHvSystem", "true"))) + "</zeebe:taskHeaders>")
            n.attrs["operationType"] = hv
        self._io(n, inputs, outputs)
        n.form = form
        n.attrs["group"] = group
        self.forms.append(form)
        if multi:
            self._multi(n, **multi)
        return id

    def rule(self, id, name, decision, result, inputs=(), outputs=(), doc=None):
        n = self._node(id, "businessRuleTask", name, doc)
        n.ext.append(f'<zeebe:calledDecision decisionId="{decision}" resultVariable="{result}" />')
        self._io(n, inputs, outputs)
        return id

    def script(self, id, name, expression, result, doc=None):
        n = self._node(id, "scriptTask", name, doc)
        n.ext.append(f"<zeebe:script expression={attr(expression)} resultVariable={attr(result)} />")
        return id

    def call(self, id, name, process, inputs=(), outputs=(), doc=None):
        n = self._node(id, "callActivity", name, doc)
        n.ext.append(f'<zeebe:calledElement processId="{process}" propagateAllChildVariables="false" />')
        self._io(n, inputs, outputs)
        n.attrs["called"] = process
        return id

    def xgw(self, id, name, doc=None):
        return self._node(id, "exclusiveGateway", name, doc).id

    def pgw(self, id, name="", doc=None):
        return self._node(id, "parallelGateway", name, doc).id

    def igw(self, id, name="", doc=None):
        return self._node(id, "inclusiveGateway", name, doc).id

    def catch_message(self, id, name, message, key, outputs=(), doc=None):
        n = self._node(id, "intermediateCatchEvent", name, doc)
        n.event_def = f'<bpmn:messageEventDefinition id="{id}-definition" messageRef="{self.message(message, key)}" />'
        self._io(n, (), outputs)
        return id

    def catch_timer(self, id, name, duration=None, date=None, doc=None):
        n = self._node(id, "intermediateCatchEvent", name, doc)
        n.event_def = timer_def(id, duration, date)
        return id

    def throw_signal(self, id, name, signal, inputs=(), doc=None):
        n = self._node(id, "intermediateThrowEvent", name, doc)
        n.event_def = f'<bpmn:signalEventDefinition id="{id}-definition" signalRef="{self.signal(signal)}" />'
        self._io(n, inputs, ())
        return id

    def boundary(self, host, id, name, timer=None, date=None, error=None, interrupting=True, outputs=(), doc=None):
        h = self.nodes[host]
        saved = self.stack
        self.stack = [h.container]
        n = self._node(id, "boundaryEvent", name, doc)
        self.stack = saved
        n.attached_to = host
        n.cancel = interrupting
        if timer or date:
            n.event_def = timer_def(id, timer, date)
        elif error:
            n.event_def = f'<bpmn:errorEventDefinition id="{id}-definition" errorRef="{self.error(error)}" />'
        self._io(n, (), outputs)
        h.boundaries.append(id)
        return id

    @contextmanager
    def sub(self, id, name, multi=None, doc=None, inputs=(), outputs=()):
        n = self._node(id, "subProcess", name, doc)
        if multi:
            self._multi(n, **multi)
        self._io(n, inputs, outputs)
        self.stack.append(id)
        try:
            yield id
        finally:
            self.stack.pop()

    def _multi(self, n, collection, element, output_collection=None, output_element=None, sequential=False):
        lc = f'<zeebe:loopCharacteristics inputCollection={attr(collection)} inputElement={attr(element)}'
        if output_collection:
            lc += f' outputCollection={attr(output_collection)} outputElement={attr(output_element)}'
        lc += " />"
        seq = ' isSequential="true"' if sequential else ""
        n.loop = (f'<bpmn:multiInstanceLoopCharacteristics{seq}><bpmn:extensionElements>{lc}'
                  f'</bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>')

    def flow(self, src, tgt, name=None, cond=None, default=False, id=None):
        s, t = self.nodes[src], self.nodes[tgt]
        container = s.container if s.kind != "boundaryEvent" else self.nodes[s.attached_to].container
        assert container == t.container, f"flow {src}->{tgt} crosses scopes"
        fid = id or f"flow-{strip_kind(src)}-to-{strip_kind(tgt)}"
        assert all(f.id != fid for f in self.flows), f"duplicate flow id {fid}"
        f = Flow(fid, src, tgt, name, cond, container)
        self.flows.append(f)
        if default:
            s.default = fid
        return fid

    def chain(self, *ids):
        for a, b in zip(ids, ids[1:]):
            self.flow(a, b)
        return ids[-1]


def strip_kind(id):
    return re.sub(r"^(task|gw|start|end|timer|msg|call|sub|error|signal|send|rule|script)-", "", id)


def timer_def(id, duration=None, date=None):
    if duration:
        tag = "timeCycle" if duration.startswith("R") else "timeDuration"
        return (f'<bpmn:timerEventDefinition id="{id}-definition"><bpmn:{tag} xsi:type="bpmn:tFormalExpression">'
                f"{escape(duration)}</bpmn:{tag}></bpmn:timerEventDefinition>")
    return (f'<bpmn:timerEventDefinition id="{id}-definition"><bpmn:timeDate xsi:type="bpmn:tFormalExpression">'
            f"{escape(date)}</bpmn:timeDate></bpmn:timerEventDefinition>")


# ------------------------------------------------------------------------------------------------------
# Layout: layers by longest path (back edges removed by DFS), rows by DFS with a first-free-row rule.
# ------------------------------------------------------------------------------------------------------
class Layout:
    def __init__(self, proc):
        self.p = proc

    def run(self):
        w, h = self.layout_container(None, 150, 80)
        return w, h

    def layout_container(self, cid, ox, oy):
        p = self.p
        members = [i for i in p.order if p.nodes[i].container == cid and p.nodes[i].kind != "boundaryEvent"]
        # size sub-processes first (children laid out relative to 0,0, shifted later)
        for i in members:
            n = p.nodes[i]
            if n.kind == "subProcess":
                n.x = n.y = 0
                cw, ch = self.layout_container(i, PAD, PAD + HEADER)
                n.w, n.h = cw + 2 * PAD, ch + 2 * PAD + HEADER
            elif n.boundaries:
                n.w = max(n.w, 24 + 46 * len(n.boundaries))
        flows = [f for f in p.flows if f.container == cid]
        succ = {i: [] for i in members}
        for f in flows:
            s = p.nodes[f.src]
            key = s.attached_to if s.kind == "boundaryEvent" else f.src
            succ[key].append((f.tgt, f))
        # order: normal flows first, boundary flows afterwards
        for k in succ:
            succ[k].sort(key=lambda t: p.nodes[t[1].src].kind == "boundaryEvent")
        incoming = {i: 0 for i in members}
        for f in flows:
            incoming[f.tgt] += 1
        starts = [i for i in members if incoming[i] == 0]
        # DFS: back edges
        back = set()
        state = {}
        pre = []

        def dfs(u):
            state[u] = 1
            pre.append(u)
            for v, f in succ[u]:
                if state.get(v) == 1:
                    back.add(f.id)
                elif v not in state:
                    dfs(v)
            state[u] = 2
        for s in starts:
            if s not in state:
                dfs(s)
        for i in members:
            if i not in state:
                dfs(i)
        # layers (longest path on the DAG)
        layer = {i: 0 for i in members}
        indeg = {i: 0 for i in members}
        for u in members:
            for v, f in succ[u]:
                if f.id not in back:
                    indeg[v] += 1
        queue = [i for i in members if indeg[i] == 0]
        while queue:
            u = queue.pop(0)
            for v, f in succ[u]:
                if f.id in back:
                    continue
                layer[v] = max(layer[v], layer[u] + 1)
                indeg[v] -= 1
                if indeg[v] == 0:
                    queue.append(v)
        # rows
        row = {}
        occupied = set()      # cells holding a node
        reserved = set()      # cells crossed by an already routed branch edge

        def place(v, pref, parent, from_boundary=False):
            r = pref
            while True:
                cell = (layer[v], r)
                ok = cell not in occupied and cell not in reserved
                path = []
                if parent is not None:
                    lp = layer[parent]
                    path += [(l, r) for l in range(lp + 1, layer[v])]
                    if r != row[parent]:
                        path += [(lp, rr) for rr in range(min(r, row[parent]) + 1, max(r, row[parent]) + 1)]
                    ok = ok and all(c not in occupied for c in path)
                if ok:
                    break
                r += 1
            row[v] = r
            occupied.add((layer[v], r))
            reserved.update(path)

        order_visit = []

        def reach(v, stop):
            seen, stack = set(), [v]
            while stack:
                x = stack.pop()
                for y, g in succ[x]:
                    if g.id not in back and y not in seen and y != stop:
                        seen.add(y)
                        stack.append(y)
            return seen

        def ordered(u):
            normal = [(v, f) for v, f in succ[u] if p.nodes[f.src].kind != "boundaryEvent"]
            bound = [(v, f) for v, f in succ[u] if p.nodes[f.src].kind == "boundaryEvent"]
            if len(normal) > 1:
                reached = set()
                for v, f in normal:
                    if f.id not in back:
                        reached |= reach(v, u)
                normal = ([t for t in normal if t[0] in reached and t[1].id not in back]
                          + [t for t in normal if not (t[0] in reached and t[1].id not in back)])
            return normal + bound

        def visit(u):
            order_visit.append(u)
            first = True
            for v, f in ordered(u):
                if f.id in back or v in row:
                    continue
                from_boundary = p.nodes[f.src].kind == "boundaryEvent"
                pref = row[u] if (first and not from_boundary) else row[u] + 1
                place(v, pref, u)
                if not from_boundary:
                    first = False
                visit(v)
        for k, s in enumerate(starts + [i for i in pre if i not in starts]):
            if s not in row:
                place(s, 0 if not row else 1, None)
                visit(s)
        # coordinates: rows get the height of their tallest node; x is the longest path in pixels, also keeping
        # nodes of one row apart
        nr = max(row.values()) + 1 if members else 0
        rowh = [0] * nr
        for i in members:
            rowh[row[i]] = max(rowh[row[i]], p.nodes[i].h)
        nback = len(back)
        top = oy + (25 + 16 * nback if nback else 0)
        rowy = []
        y = top
        for hgt in rowh:
            rowy.append(y)
            y += hgt + ROW_GAP
        preds = {i: [] for i in members}
        for u in members:
            for v, f in succ[u]:
                if f.id not in back:
                    preds[v].append(u)
        xs = {}
        by_layer = sorted(members, key=lambda i: (layer[i], row[i]))
        for i in by_layer:
            cand = ox
            for u in preds[i]:
                gap = COL_GAP + (30 if p.nodes[u].boundaries else 0)
                cand = max(cand, xs[u] + p.nodes[u].w + gap)
            for j in xs:
                if row[j] == row[i] and layer[j] < layer[i] or (row[j] == row[i] and layer[j] == layer[i]):
                    cand = max(cand, xs[j] + p.nodes[j].w + COL_GAP)
            xs[i] = cand
        for i in members:
            n = p.nodes[i]
            ny = rowy[row[i]] + (rowh[row[i]] - n.h) / 2
            self.move(n, xs[i] - n.x, ny - n.y)
        # boundary events along the bottom border, right to left
        for i in members:
            n = p.nodes[i]
            for k, b in enumerate(n.boundaries):
                bn = p.nodes[b]
                bn.x = n.x + n.w - 18 - 36 - 46 * k + 10
                bn.y = n.y + n.h - 18

        def clear_above(node):
            return not any(row[j] < row[node.id] and p.nodes[j].x - 5 <= node.cx <= p.nodes[j].x + p.nodes[j].w + 5
                           for j in members)
        def vclear(x, y1, y2, skip):
            lo, hi = min(y1, y2), max(y1, y2)
            for j in members:
                m = p.nodes[j]
                if j in skip:
                    continue
                if m.x - 4 <= x <= m.x + m.w + 4 and m.y < hi and m.y + m.h > lo:
                    return False
            return True
        bottom_channel = [max((p.nodes[j].y + p.nodes[j].h for j in members), default=oy) + 30]
        # edges
        chan = 0
        for f in flows:
            s, t = p.nodes[f.src], p.nodes[f.tgt]
            if f.id in back:
                chan += 1
                cy = top - 10 - 16 * chan
                if s.kind == "boundaryEvent":
                    h = p.nodes[s.attached_to]
                    gx = h.x + h.w + COL_GAP / 2
                    exits = [[(s.cx, s.y + s.h), (s.cx, s.y + s.h + 20), (gx, s.y + s.h + 20), (gx, cy)]]
                else:
                    gx = s.x + s.w + COL_GAP / 2
                    exits = [[(s.cx, s.y), (s.cx, cy)], [(s.x + s.w, s.cy), (gx, s.cy), (gx, cy)]]
                gx = t.x - COL_GAP / 2
                entries = [[(t.cx, cy), (t.cx, t.y)], [(gx, cy), (gx, t.cy), (t.x, t.cy)]]
                cands = [a + b for a in exits for b in entries]
                yb = bottom_channel[0]
                sx = s.cx
                below = [(sx, s.y + s.h), (sx, yb)]
                if t.kind in GATEWAYS:
                    cands.append(below + [(t.cx, yb), (t.cx, t.y + t.h)])
                cands.append(below + [(gx, yb), (gx, t.cy), (t.x, t.cy)])
                scores = [self.crossings(c, f, members) for c in cands]
                best = scores.index(min(scores))
                pts = cands[best]
                if best >= len(entries) * len(exits):
                    bottom_channel[0] += 14
            elif True:
                pts = self.route(f, s, t, members, vclear, bottom_channel)
            elif s.kind == "boundaryEvent":
                if t.cy > s.y + s.h:
                    pts = [(s.cx, s.y + s.h), (s.cx, t.cy), (t.x, t.cy)]
                else:
                    gx = t.x - COL_GAP / 2
                    yy = s.y + s.h + 20
                    pts = [(s.cx, s.y + s.h), (s.cx, yy), (gx, yy), (gx, t.cy), (t.x, t.cy)]
            elif abs(s.cy - t.cy) < 1:
                pts = [(s.x + s.w, s.cy), (t.x, t.cy)]
            elif s.kind in GATEWAYS:
                sy = s.y + s.h if t.cy > s.cy else s.y
                pts = [(s.cx, sy), (s.cx, t.cy), (t.x, t.cy)]
            elif t.kind in GATEWAYS and vclear(t.cx, s.cy, t.cy, (f.src, f.tgt)):
                ty = t.y + t.h if s.cy > t.cy else t.y
                pts = [(s.x + s.w, s.cy), (t.cx, s.cy), (t.cx, ty)]
            else:
                gx = t.x - COL_GAP / 2
                pts = [(s.x + s.w, s.cy), (gx, s.cy), (gx, t.cy), (t.x, t.cy)]
            f.points = [(round(a), round(b)) for a, b in pts]
        width = (max(p.nodes[i].x + p.nodes[i].w for i in members) - ox) if members else 100
        lowest = max([rowy[-1] + rowh[-1]] + [y for f in flows for _, y in f.points]) if members else oy
        height = (lowest - oy + 24) if members else 60
        return width, height

    def crossings(self, pts, f, members):
        p = self.p
        s = p.nodes[f.src]
        skip = {f.src, f.tgt, s.attached_to}
        count = 0
        for j in members:
            if j in skip:
                continue
            m = p.nodes[j]
            x, y, w, h = m.x, m.y, m.w, m.h
            for (x1, y1), (x2, y2) in zip(pts, pts[1:]):
                if abs(x1 - x2) < 0.5 and x + 2 < x1 < x + w - 2 and min(y1, y2) < y + h - 2 and max(y1, y2) > y + 2:
                    count += 1
                    break
                if abs(y1 - y2) < 0.5 and y + 2 < y1 < y + h - 2 and min(x1, x2) < x + w - 2 and max(x1, x2) > x + 2:
                    count += 1
                    break
        return count

    def route(self, f, s, t, members, vclear, bottom_channel):
        """Orthogonal route for a forward edge: the first candidate that crosses no node, else the best one."""
        cands = []
        gx_t = t.x - COL_GAP / 2
        if s.kind == "boundaryEvent":
            h = self.p.nodes[s.attached_to]
            if t.cy > s.y + s.h:
                cands.append([(s.cx, s.y + s.h), (s.cx, t.cy), (t.x, t.cy)])
            y1 = s.y + s.h + 20
            cands.append([(s.cx, s.y + s.h), (s.cx, y1), (gx_t, y1), (gx_t, t.cy), (t.x, t.cy)])
            start = [(s.cx, s.y + s.h)]
        else:
            if abs(s.cy - t.cy) < 1:
                cands.append([(s.x + s.w, s.cy), (t.x, t.cy)])
            if s.kind in GATEWAYS:
                sy = s.y + s.h if t.cy > s.cy else s.y
                cands.append([(s.cx, sy), (s.cx, t.cy), (t.x, t.cy)])
            if t.kind in GATEWAYS and abs(s.cy - t.cy) >= 1:
                ty = t.y + t.h if s.cy > t.cy else t.y
                cands.append([(s.x + s.w, s.cy), (t.cx, s.cy), (t.cx, ty)])
            cands.append([(s.x + s.w, s.cy), (gx_t, s.cy), (gx_t, t.cy), (t.x, t.cy)])
            gx_s = s.x + s.w + COL_GAP / 2
            cands.append([(s.x + s.w, s.cy), (gx_s, s.cy), (gx_s, t.cy), (t.x, t.cy)])
            start = [(s.cx, s.y + s.h)]
        yb = bottom_channel[0]
        if t.kind in GATEWAYS:
            cands.append(start + [(start[0][0], yb), (t.cx, yb), (t.cx, t.y + t.h)])
        cands.append(start + [(start[0][0], yb), (gx_t, yb), (gx_t, t.cy), (t.x, t.cy)])
        best, score = None, None
        for i, c in enumerate(cands):
            n = self.crossings(c, f, members)
            if n == 0:
                if i >= len(cands) - 2:
                    bottom_channel[0] += 14
                return c
            if score is None or n < score:
                best, score = c, n
        return best

    def move(self, n, dx, dy):
        n.x += dx
        n.y += dy
        p = self.p
        for c in n.children:
            self.move(p.nodes[c], dx, dy)
        for f in p.flows:
            if f.container == n.id:
                f.points = [(a + dx, b + dy) for a, b in f.points]
        for b in n.boundaries:
            pass  # positioned after the host


# ------------------------------------------------------------------------------------------------------
# XML
# ------------------------------------------------------------------------------------------------------
HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
        '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
        'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" '
        'xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" '
        'xmlns:modeler="http://camunda.org/schema/modeler/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'id="definitions-{id}" targetNamespace="http://refactory.fr/bpmn" exporter="refactory bpmngen" '
        'exporterVersion="1.0" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">\n')


def write_bpmn(p):
    Layout(p).run()
    out = [HEAD.replace("{id}", p.id)]
    out.append(f'  <bpmn:process id="{p.id}" name={attr(p.name)} isExecutable="true">\n')
    if p.doc:
        out.append(f"    <bpmn:documentation>{escape(p.doc)}</bpmn:documentation>\n")
    out.append(container_xml(p, None, "    "))
    out.append("  </bpmn:process>\n")
    for name, (mid, key) in p.messages.items():
        if key:
            out.append(f'  <bpmn:message id="{mid}" name="{name}"><bpmn:extensionElements>'
                       f'<zeebe:subscription correlationKey={attr(key)} /></bpmn:extensionElements></bpmn:message>\n')
        else:
            out.append(f'  <bpmn:message id="{mid}" name="{name}" />\n')
    for code, eid in p.errors.items():
        out.append(f'  <bpmn:error id="{eid}" name="{code}" errorCode="{code}" />\n')
    for name, sid in p.signals.items():
        out.append(f'  <bpmn:signal id="{sid}" name="{name}" />\n')
    out.append(diagram_xml(p))
    out.append("</bpmn:definitions>\n")
    return "".join(out)


def container_xml(p, cid, ind):
    out = []
    for i in p.order:
        n = p.nodes[i]
        if n.container != cid:
            continue
        a = f'id="{n.id}"'
        if n.name:
            a += f" name={attr(n.name)}"
        if n.kind == "boundaryEvent":
            a += f' attachedToRef="{n.attached_to}"'
            if not n.cancel:
                a += ' cancelActivity="false"'
        if n.default:
            a += f' default="{n.default}"'
        out.append(f"{ind}<bpmn:{n.kind} {a}>\n")
        if n.doc:
            out.append(f"{ind}  <bpmn:documentation>{escape(n.doc)}</bpmn:documentation>\n")
        if n.ext:
            out.append(f"{ind}  <bpmn:extensionElements>{''.join(n.ext)}</bpmn:extensionElements>\n")
        for f in p.flows:
            if f.tgt == n.id:
                out.append(f"{ind}  <bpmn:incoming>{f.id}</bpmn:incoming>\n")
        for f in p.flows:
            if f.src == n.id:
                out.append(f"{ind}  <bpmn:outgoing>{f.id}</bpmn:outgoing>\n")
        if n.loop:
            out.append(f"{ind}  {n.loop}\n")
        if n.event_def:
            out.append(f"{ind}  {n.event_def}\n")
        if n.kind == "subProcess":
            out.append(container_xml(p, n.id, ind + "  "))
        out.append(f"{ind}</bpmn:{n.kind}>\n")
    for f in p.flows:
        if f.container != cid:
            continue
        a = f'id="{f.id}" sourceRef="{f.src}" targetRef="{f.tgt}"'
        if f.name:
            a += f" name={attr(f.name)}"
        if f.cond:
            out.append(f'{ind}<bpmn:sequenceFlow {a}>\n{ind}  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">'
                       f"{escape(f.cond)}</bpmn:conditionExpression>\n{ind}</bpmn:sequenceFlow>\n")
        else:
            out.append(f"{ind}<bpmn:sequenceFlow {a} />\n")
    return "".join(out)


def diagram_xml(p):
    out = [f'  <bpmndi:BPMNDiagram id="diagram-{p.id}">\n    <bpmndi:BPMNPlane id="plane-{p.id}" bpmnElement="{p.id}">\n']
    for i in p.order:
        n = p.nodes[i]
        extra = ' isExpanded="true"' if n.kind == "subProcess" else ""
        if n.kind in GATEWAYS and n.kind == "exclusiveGateway":
            extra += ' isMarkerVisible="true"'
        out.append(f'      <bpmndi:BPMNShape id="shape-{n.id}" bpmnElement="{n.id}"{extra}>\n'
                   f'        <dc:Bounds x="{round(n.x)}" y="{round(n.y)}" width="{round(n.w)}" height="{round(n.h)}" />\n')
        if n.name and (n.kind in EVENTS or n.kind in GATEWAYS):
            if n.kind in GATEWAYS:
                lx, ly = n.cx - 60, n.y - 34
            elif n.kind == "boundaryEvent":
                lx, ly = n.x - 96, n.y + 38
            else:
                lx, ly = n.cx - 50, n.y + n.h + 6
            wid = 120 if n.kind in GATEWAYS else 100
            out.append(f'        <bpmndi:BPMNLabel><dc:Bounds x="{round(lx)}" y="{round(ly)}" width="{wid}" height="27" />'
                       f"</bpmndi:BPMNLabel>\n")
        out.append("      </bpmndi:BPMNShape>\n")
    for f in p.flows:
        out.append(f'      <bpmndi:BPMNEdge id="edge-{f.id}" bpmnElement="{f.id}">\n')
        for x, y in f.points:
            out.append(f'        <di:waypoint x="{x}" y="{y}" />\n')
        if f.name:
            (x1, y1), (x2, y2) = f.points[0], f.points[1]
            if abs(x1 - x2) < 1 and len(f.points) > 2:   # vertical first segment: label along the horizontal one
                x1, y1 = f.points[1]
            out.append(f'        <bpmndi:BPMNLabel><dc:Bounds x="{round(x1 + 6)}" y="{round(y1 - 22)}" width="90" height="14" />'
                       f"</bpmndi:BPMNLabel>\n")
        out.append("      </bpmndi:BPMNEdge>\n")
    out.append("    </bpmndi:BPMNPlane>\n  </bpmndi:BPMNDiagram>\n")
    return "".join(out)


# ------------------------------------------------------------------------------------------------------
# Forms
# ------------------------------------------------------------------------------------------------------
class Form:
    def __init__(self, id, title, intro, *components):
        self.id, self.title, self.intro, self.components = id, title, intro, components

    def to_json(self):
        comps = [{"type": "text", "id": "text-title", "text": f"# {self.title}\n\n{self.intro}"}]
        counter = {"n": 0}

        def conv(c):
            c = dict(c)
            if c["type"] == "group":
                counter["n"] += 1
                c["id"] = f"group-{counter['n']}"
                c["showOutline"] = True
                c["components"] = [conv(x) for x in c["components"]]
                return c
            if c["type"] == "text":
                counter["n"] += 1
                c["id"] = f"text-{counter['n']}"
                return c
            c["id"] = "field-" + c["key"]
            return c
        comps += [conv(c) for c in self.components]
        return json.dumps({
            "components": comps, "type": "default", "id": self.id,
            "executionPlatform": "Camunda Cloud", "executionPlatformVersion": "8.8.0",
            "exporter": {"name": "refactory bpmngen", "version": "1.0"}, "schemaVersion": 16,
        }, indent=2, ensure_ascii=False) + "\n"


def _v(c, required, extra):
    v = {}
    if required:
        v["required"] = True
    v.update(extra)
    if v:
        c["validate"] = v
    return c


def text(md):
    return {"type": "text", "text": md}


def group(label, *components, hide=None):
    g = {"type": "group", "label": label, "components": list(components)}
    if hide:
        g["conditional"] = {"hide": hide}
    return g


def tf(key, label, required=False, pattern=None, minLength=None, maxLength=None, readonly=False, hide=None, desc=None):
    c = {"type": "textfield", "key": key, "label": label}
    extra = {k: v for k, v in (("pattern", pattern), ("minLength", minLength), ("maxLength", maxLength)) if v is not None}
    if readonly:
        c["readonly"] = True
    if hide:
        c["conditional"] = {"hide": hide}
    if desc:
        c["description"] = desc
    return _v(c, required, extra)


def ta(key, label, required=False, maxLength=2000, minLength=None, hide=None, desc=None):
    c = {"type": "textarea", "key": key, "label": label}
    if hide:
        c["conditional"] = {"hide": hide}
    if desc:
        c["description"] = desc
    extra = {"maxLength": maxLength}
    if minLength:
        extra["minLength"] = minLength
    return _v(c, required, extra)


def num(key, label, min=None, max=None, required=False, decimals=None, hide=None, desc=None, readonly=False):
    c = {"type": "number", "key": key, "label": label}
    if decimals is not None:
        c["decimalDigits"] = decimals
    if hide:
        c["conditional"] = {"hide": hide}
    if desc:
        c["description"] = desc
    if readonly:
        c["readonly"] = True
    extra = {k: v for k, v in (("min", min), ("max", max)) if v is not None}
    return _v(c, required, extra)


def cb(key, label, hide=None, desc=None, required=False):
    c = {"type": "checkbox", "key": key, "label": label}
    if hide:
        c["conditional"] = {"hide": hide}
    if desc:
        c["description"] = desc
    return _v(c, required, {})


def yn(key, label, required=True, hide=None):
    """Yes/No question as a checkbox: a reliable boolean (unticked = false, the safe-side answer).

    form-js sanitises single-select values through `value || null`, so a radio with boolean values loses `false`."""
    return cb(key, label.rstrip("?"), hide=hide)


def _values(values):
    return [{"label": v.replace("_", " ").capitalize(), "value": v} if isinstance(v, str) else {"label": v[1], "value": v[0]}
            for v in values]


def radio(key, label, values, required=True, hide=None, desc=None):
    c = {"type": "radio", "key": key, "label": label, "values": _values(values)}
    if hide:
        c["conditional"] = {"hide": hide}
    if desc:
        c["description"] = desc
    return _v(c, required, {})


def select(key, label, values, required=True, hide=None, readonly=False):
    c = {"type": "select", "key": key, "label": label, "values": _values(values)}
    if hide:
        c["conditional"] = {"hide": hide}
    if readonly:
        c["readonly"] = True
    return _v(c, required, {})


def checklist(key, label, values, required=False, hide=None):
    c = {"type": "checklist", "key": key, "label": label, "values": _values(values)}
    if hide:
        c["conditional"] = {"hide": hide}
    return _v(c, required, {})


def dt(key, label, subtype="datetime", required=True, hide=None):
    c = {"type": "datetime", "key": key, "subtype": subtype}
    if subtype == "date":
        c["dateLabel"] = label
    elif subtype == "time":
        c["timeLabel"] = label
    else:
        c["dateLabel"] = label + " (date)"
        c["timeLabel"] = label + " (time)"
        c["timeSerializingFormat"] = "utc_offset"
    if hide:
        c["conditional"] = {"hide": hide}
    return _v(c, required, {})


def attachment(key, label, required=False):
    return tf(key, label, required=required, maxLength=500,
              desc="Reference of the uploaded file in the document store (DOC id or URI)")
