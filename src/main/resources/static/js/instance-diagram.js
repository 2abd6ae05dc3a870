// The audit page's diagram: bpmn-js's navigated viewer (zoom, pan) with the instance's state (ADR 1401).
(function () {
	'use strict';
	var section = document.getElementById('diagram');
	var source = document.getElementById('diagram-xml');
	if (!section || !source || typeof BpmnJS === 'undefined') {
		return;
	}
	var state = JSON.parse(section.getAttribute('data-state') || '{}');
	var viewer = new BpmnJS({ container: section, height: 420 });

	function badge(elementId, kind, count) {
		var span = document.createElement('span');
		span.className = 'state-badge ' + kind;
		span.setAttribute('data-element-id', elementId);
		span.title = count + (kind === 'incident' ? ' open incident(s)' : ' token(s) waiting');
		span.textContent = String(count);
		return span;
	}

	function mark(canvas, overlays, registry) {
		var known = function (id) { return registry.get(id) !== undefined; };
		(state.completed || []).filter(known).forEach(function (id) { canvas.addMarker(id, 'state-completed'); });
		(state.takenFlows || []).filter(known).forEach(function (id) { canvas.addMarker(id, 'state-completed'); });
		Object.keys(state.active || {}).filter(known).forEach(function (id) {
			canvas.addMarker(id, 'state-active');
			overlays.add(id, 'state', { position: { bottom: 12, left: -8 }, html: badge(id, 'active', state.active[id]) });
		});
		Object.keys(state.incidents || {}).filter(known).forEach(function (id) {
			canvas.addMarker(id, 'state-incident');
			overlays.add(id, 'state', { position: { bottom: 12, right: 8 }, html: badge(id, 'incident', state.incidents[id]) });
		});
	}

	viewer.importXML(source.value).then(function () {
		var canvas = viewer.get('canvas');
		canvas.zoom('fit-viewport');
		mark(canvas, viewer.get('overlays'), viewer.get('elementRegistry'));
		section.setAttribute('data-rendered', 'true');
	}).catch(function (error) {
		section.setAttribute('data-rendered', 'failed');
		section.appendChild(document.createTextNode('The diagram cannot be drawn: ' + error.message));
	});
}());
