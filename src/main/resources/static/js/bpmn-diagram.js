// A diagram drawn by bpmn-js's navigated viewer (zoom, pan; ADR 1401, 1403) with our overlays: an instance's state
// (data-state: completed elements and taken flows, tokens and open incidents counted) on the audit and operations
// pages, or a version's heat map (data-heat: tokens and completions per element) on the models page. Texts come from
// the page (data-label-*), so that they follow the console's language.
(function () {
	'use strict';
	var section = document.getElementById('diagram');
	var source = document.getElementById('diagram-xml');
	if (!section || !source || typeof BpmnJS === 'undefined') {
		return;
	}
	var state = JSON.parse(section.getAttribute('data-state') || '{}');
	var heat = JSON.parse(section.getAttribute('data-heat') || '{}').counts || {};
	var viewer = new BpmnJS({ container: section, height: 420 });

	function label(name, count) {
		return (section.getAttribute('data-label-' + name) || name).replace('{0}', String(count));
	}

	function badge(elementId, kind, count) {
		var span = document.createElement('span');
		span.className = 'state-badge ' + kind;
		span.setAttribute('data-element-id', elementId);
		span.title = label(kind, count);
		span.textContent = String(count);
		return span;
	}

	function markState(canvas, overlays, known) {
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

	// One overlay per counted element, the size of its shape: a shade by its share of the busiest element's tokens
	// (none on a sub-process), and badges for tokens active, incidents and completions (none for a zero).
	function markHeat(overlays, registry) {
		var ids = Object.keys(heat).filter(function (id) { return registry.get(id) !== undefined; });
		var tokens = function (id) { return heat[id].active + heat[id].incidents; };
		var busiest = ids.reduce(function (most, id) { return Math.max(most, tokens(id)); }, 0);
		ids.forEach(function (id) {
			var element = registry.get(id);
			var counts = heat[id];
			var box = document.createElement('div');
			box.className = 'heat';
			box.setAttribute('data-element-id', id);
			box.setAttribute('data-active', String(counts.active));
			box.setAttribute('data-incidents', String(counts.incidents));
			box.setAttribute('data-completed', String(counts.completed));
			box.style.width = element.width + 'px';
			box.style.height = element.height + 'px';
			// a sub-process's shade would cover the elements inside it and their badges
			var container = element.children && element.children.length > 0;
			if (tokens(id) > 0 && !container) {
				var shade = document.createElement('div');
				shade.className = 'heat-shade';
				shade.style.opacity = String(0.15 + 0.55 * tokens(id) / busiest);
				box.appendChild(shade);
			}
			[['active', 'heat-active'], ['incidents', 'heat-incidents'], ['completed', 'heat-completed']]
				.filter(function (kind) { return counts[kind[0]] > 0; })
				.forEach(function (kind) {
					var span = badge(id, kind[1], counts[kind[0]]);
					box.appendChild(span);
				});
			overlays.add(id, 'heat', { position: { top: 0, left: 0 }, html: box });
		});
	}

	viewer.importXML(source.value).then(function () {
		var canvas = viewer.get('canvas');
		var registry = viewer.get('elementRegistry');
		canvas.zoom('fit-viewport');
		markState(canvas, viewer.get('overlays'), function (id) { return registry.get(id) !== undefined; });
		markHeat(viewer.get('overlays'), registry);
		section.setAttribute('data-rendered', 'true');
	}).catch(function (error) {
		section.setAttribute('data-rendered', 'failed');
		section.appendChild(document.createTextNode(label('failed', error.message)));
	});
}());
