/* global ELK -- elk.bundled.js, loaded by the page before this script */
// The case-flow inspector page: lays the machine out with ELK (served from node_modules), draws it
// as SVG, and keeps it live from the service's server-sent events. It shows case ids, states,
// event types and times only: that is all the service sends it.
(() => {
  'use strict';

  const SVG = 'http://www.w3.org/2000/svg';
  const ROOT = '__root';
  const FONT = '13px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  const LABEL_FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  const HEADER = 34;
  const REFRESH_MS = 150;

  const $ = (id) => document.getElementById(id);
  const view = {
    graph: null,
    layout: null,
    counts: new Map(),
    flow: null,
    step: 0,
  };

  // ---- data -------------------------------------------------------------------------------

  // The data answers only a developer's bearer token. It comes in the address's fragment
  // (#token=…, never sent to a server or logged), or pasted when the service asks for it, and
  // stays in this tab's session storage.
  const TOKEN_KEY = 'inspector-token';
  function takeTokenFromAddress() {
    const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
    if (!match) return;
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
  function authHeaders() {
    const token = sessionStorage.getItem(TOKEN_KEY);
    return token ? { authorization: `Bearer ${token}` } : {};
  }

  class AccessError extends Error {}

  async function api(path) {
    const res = await fetch(`/inspector/api/${path}`, { headers: { accept: 'application/json', ...authHeaders() } });
    if (res.status === 401 || res.status === 403) {
      showTokenForm(res.status);
      throw new AccessError(
        res.status === 401 ? 'Sign in with a developer token.' : "This token is not a developer's.",
      );
    }
    if (!res.ok) {
      const body = await res.json().catch(() => ({}));
      throw new Error(
        res.status === 404 ? 'No case with that id.' : `${res.status}: ${body.message ?? res.statusText}`,
      );
    }
    return res.json();
  }

  function showTokenForm(status) {
    $('token-form').hidden = false;
    $('token-reason').textContent =
      status === 401 ? 'The inspector needs a developer token.' : 'That token does not carry the developer role.';
  }

  async function loadCounts() {
    const { items } = await api('counts');
    view.counts = new Map(items.map((c) => [c.state, c.count]));
  }

  async function loadCase(id, keepStep) {
    const atEnd = !view.flow || view.step === view.flow.path.length - 1;
    const flow = await api(`cases/${encodeURIComponent(id)}`);
    const sameCase = view.flow && view.flow.id === flow.id;
    view.flow = flow;
    view.step = keepStep && sameCase && !atEnd ? Math.min(view.step, flow.path.length - 1) : flow.path.length - 1;
  }

  /** Cases in a state, its sub-states included. */
  function countIn(stateId) {
    let n = 0;
    for (const [state, count] of view.counts) if (state === stateId || state.startsWith(`${stateId}.`)) n += count;
    return n;
  }

  // ---- layout -------------------------------------------------------------------------------

  const measure = (() => {
    const ctx = document.createElement('canvas').getContext('2d');
    return (text, font) => {
      ctx.font = font;
      return Math.ceil(ctx.measureText(text).width);
    };
  })();

  const initialNodeId = (parent) => `__initial:${parent ?? ROOT}`;

  function edgeLabels(t) {
    const labels = [{ id: `${t.id}#event`, text: t.event }];
    if (t.guard) labels.push({ id: `${t.id}#guard`, text: `[${t.guard}]` });
    return labels.map((l) => ({ ...l, width: measure(l.text, LABEL_FONT) + 4, height: 14 }));
  }

  function elkGraph(graph) {
    const childrenOf = (parent) => graph.states.filter((s) => s.parent === parent);
    const node = (state) => {
      const children = childrenOf(state.id);
      const label = `${state.key}  000`;
      if (children.length === 0) {
        return { id: state.id, width: Math.max(120, measure(label, FONT) + 28), height: 46 };
      }
      return {
        id: state.id,
        layoutOptions: {
          'elk.padding': `[top=${HEADER + 8},left=16,bottom=16,right=16]`,
          'elk.nodeSize.constraints': 'MINIMUM_SIZE',
          'elk.nodeSize.minimum': `(${measure(label, FONT) + 40}, 60)`,
          'elk.portConstraints': 'FIXED_SIDE',
        },
        children: [{ id: initialNodeId(state.id), width: 12, height: 12 }, ...children.map(node)],
        ports: graph.transitions.some((t) => t.source === state.id && inward(t))
          ? [{ id: `${state.id}:inward`, width: 1, height: 1, layoutOptions: { 'elk.port.side': 'WEST' } }]
          : [],
      };
    };
    // A parent's transition into one of its own children leaves from a port on the parent's left
    // side, so that it does not seem to continue an edge that enters the parent from above.
    const inward = (t) => t.target !== t.source && isWithin(t.target, t.source);
    const edges = graph.transitions.map((t) => ({
      id: t.id,
      sources: [inward(t) ? `${t.source}:inward` : t.source],
      targets: [t.target],
      labels: edgeLabels(t),
    }));
    for (const s of graph.states) {
      if (s.initial)
        edges.push({ id: `${initialNodeId(s.id)}->`, sources: [initialNodeId(s.id)], targets: [s.initial] });
    }
    edges.push({ id: `${initialNodeId(null)}->`, sources: [initialNodeId(null)], targets: [graph.initial] });
    return {
      id: ROOT,
      layoutOptions: {
        'elk.algorithm': 'layered',
        'elk.direction': 'DOWN',
        'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
        'elk.edgeRouting': 'ORTHOGONAL',
        'elk.layered.spacing.nodeNodeBetweenLayers': '48',
        'elk.spacing.nodeNode': '36',
        'elk.spacing.edgeLabel': '4',
        'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
        // Keep the routine's order (the order of the machine's states) where crossings allow.
        'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
        'elk.padding': '[top=16,left=16,bottom=16,right=16]',
      },
      children: [{ id: initialNodeId(null), width: 12, height: 12 }, ...childrenOf(null).map(node)],
      edges,
    };
  }

  // ---- drawing ------------------------------------------------------------------------------

  function el(name, attrs = {}, parent) {
    const e = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (parent) parent.appendChild(e);
    return e;
  }

  function text(parent, x, y, content, cls) {
    const t = el('text', { x, y, class: cls }, parent);
    t.textContent = content;
    return t;
  }

  /** Darker orange the more cases stand in a state, relative to the busiest one. */
  function loadFill(count, max) {
    if (count === 0 || max === 0) return { fill: '#ffffff', light: false };
    const lightness = 93 - 43 * (count / max);
    return { fill: `hsl(24, 90%, ${lightness}%)`, light: lightness < 62 };
  }

  const formatTime = (iso) =>
    new Date(iso).toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' });

  const isWithin = (stateId, ancestor) => stateId === ancestor || stateId.startsWith(`${ancestor}.`);

  /** The transitions a case took up to the step shown, each with the steps that took it. */
  function pathOnDiagram() {
    const flow = view.flow;
    const taken = new Map();
    const visited = new Set();
    if (!flow) return { taken, visited, current: null };
    const steps = flow.path.slice(0, view.step + 1);
    steps.forEach((step, i) => {
      for (let s = step.to; s; s = s.includes('.') ? s.slice(0, s.lastIndexOf('.')) : null) visited.add(s);
      const t =
        step.from === null
          ? { id: `${initialNodeId(null)}->` }
          : view.graph.transitions.find(
              (t) =>
                t.event === step.eventType &&
                isWithin(step.from, t.source) &&
                (t.target === t.source ? isWithin(step.to, t.source) : isWithin(step.to, t.target)),
            );
      if (!t) return;
      if (!taken.has(t.id)) taken.set(t.id, []);
      taken.get(t.id).push({ n: i + 1, at: step.at });
    });
    return { taken, visited, current: steps.at(-1)?.to ?? null };
  }

  function stepTag(steps) {
    const numbers =
      steps.length <= 3 ? steps.map((s) => s.n).join(', ') : `${steps[0].n}…${steps.at(-1).n} (${steps.length}×)`;
    return `#${numbers} · ${formatTime(steps.at(-1).at)}`;
  }

  function render() {
    const svg = $('diagram');
    const layout = view.layout;
    if (!layout) return;
    svg.replaceChildren();
    svg.setAttribute('width', layout.width);
    svg.setAttribute('height', layout.height);
    svg.setAttribute('viewBox', `0 0 ${layout.width} ${layout.height}`);
    const defs = el('defs', {}, svg);
    for (const [id, colour] of [
      ['arrow', '#98a2b3'],
      ['arrow-path', '#1570ef'],
    ]) {
      const marker = el(
        'marker',
        { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
        defs,
      );
      el('path', { d: 'M0,0 L10,5 L0,10 z', fill: colour }, marker);
    }

    const max = Math.max(
      0,
      ...view.graph.states.filter((s) => !view.graph.states.some((c) => c.parent === s.id)).map((s) => countIn(s.id)),
    );
    const byId = new Map(view.graph.states.map((s) => [s.id, s]));
    const { taken, visited, current } = pathOnDiagram();
    const origin = new Map([[ROOT, { x: 0, y: 0 }]]);
    const nodesLayer = el('g', { class: 'nodes' }, svg);
    const edgesLayer = el('g', { class: 'edges' }, svg);

    const drawNode = (node, ox, oy, parent) => {
      const x = ox + node.x;
      const y = oy + node.y;
      origin.set(node.id, { x, y });
      if (node.id.startsWith('__initial:')) {
        const g = el('g', { class: 'initial' }, parent);
        el('circle', { cx: x + node.width / 2, cy: y + node.height / 2, r: 6 }, g);
        return;
      }
      const state = byId.get(node.id);
      const count = countIn(state.id);
      const compound = (node.children ?? []).length > 0;
      const classes = ['state', compound ? 'compound' : 'atomic', state.type];
      if (visited.has(state.id)) classes.push('visited');
      if (current === state.id) classes.push('current');
      const g = el('g', { class: classes.join(' '), 'data-state': state.id }, parent);
      const shade = loadFill(count, max);
      el('rect', { class: 'box', x, y, width: node.width, height: node.height, rx: 10, fill: shade.fill }, g);
      if (state.type === 'final')
        el('rect', { class: 'inner', x: x + 4, y: y + 4, width: node.width - 8, height: node.height - 8, rx: 7 }, g);
      const title = el('title', {}, g);
      title.textContent = `${state.id}: ${count} case${count === 1 ? '' : 's'}`;
      const light = shade.light && !compound ? ' light' : '';
      const countText = `${count} case${count === 1 ? '' : 's'}`;
      const countEl = compound
        ? text(g, x + node.width - 12, y + 21, countText, 'count')
        : text(g, x + node.width / 2, y + 37, countText, `count${light}`);
      countEl.setAttribute('text-anchor', compound ? 'end' : 'middle');
      countEl.setAttribute('data-count-for', state.id);
      countEl.setAttribute('data-count', count);
      const name = compound
        ? text(g, x + 12, y + 21, state.key, 'name')
        : text(g, x + node.width / 2, y + 20, state.key, `name${light}`);
      if (!compound) name.setAttribute('text-anchor', 'middle');
      for (const child of node.children ?? []) drawNode(child, x, y, g);
    };
    for (const child of layout.children) drawNode(child, 0, 0, nodesLayer);

    for (const edge of layout.edges) {
      const o = origin.get(edge.container ?? ROOT) ?? { x: 0, y: 0 };
      const steps = taken.get(edge.id);
      const g = el('g', { class: `edge${steps ? ' on-path' : ''}`, 'data-edge': edge.id }, edgesLayer);
      for (const section of edge.sections ?? []) {
        const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
        const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${o.x + p.x},${o.y + p.y}`).join(' ');
        el('path', { d, 'marker-end': `url(#${steps ? 'arrow-path' : 'arrow'})` }, g);
      }
      let bottom = null;
      for (const label of edge.labels ?? []) {
        const isGuard = label.id.endsWith('#guard');
        text(g, o.x + label.x + 2, o.y + label.y + 11, label.text, isGuard ? 'guard' : 'event');
        bottom = { x: o.x + label.x + 2, y: o.y + label.y + label.height };
      }
      if (steps) {
        const at =
          bottom ??
          (() => {
            const s = edge.sections[0];
            return { x: o.x + s.startPoint.x + 6, y: o.y + s.startPoint.y + 4 };
          })();
        text(g, at.x, at.y + 11, stepTag(steps), 'step-tag');
      }
    }
  }

  // ---- case panel -------------------------------------------------------------------------

  function listItems(list, items, build) {
    list.replaceChildren(
      ...items.map((item, i) => {
        const li = document.createElement('li');
        build(li, item, i);
        return li;
      }),
    );
  }

  function timeEl(iso) {
    const t = document.createElement('time');
    t.dateTime = iso;
    t.textContent = formatTime(iso);
    return t;
  }

  function renderCase() {
    const flow = view.flow;
    $('case-panel').hidden = !flow;
    if (!flow) return;
    const step = flow.path[view.step];
    const atEnd = view.step === flow.path.length - 1;
    $('case-title').textContent = flow.id;
    $('case-state').textContent = atEnd ? flow.state : `${step.to} (at step ${view.step + 1}; now ${flow.state})`;
    $('case-version').textContent = String(flow.version);
    const range = $('step');
    range.max = String(flow.path.length - 1);
    range.value = String(view.step);
    $('step-label').textContent = `step ${view.step + 1} of ${flow.path.length}`;
    $('step-back').disabled = view.step === 0;
    $('step-forward').disabled = atEnd;
    listItems($('path'), flow.path, (li, s, i) => {
      li.className = i > view.step ? 'later' : i === view.step ? 'at' : '';
      li.dataset.step = String(i);
      li.append(`${s.eventType} → ${s.to} `, timeEl(s.at));
    });
    $('allowed-heading').textContent = atEnd
      ? 'Events it may take now'
      : `Events it could take after step ${view.step + 1}`;
    const allowed = atEnd ? flow.allowedEvents : step.allowedEvents;
    listItems($('allowed'), allowed.length ? allowed : ['none'], (li, e) => (li.textContent = e));
    listItems($('deadlines'), flow.pendingDeadlines.length ? flow.pendingDeadlines : [null], (li, d) => {
      if (!d) return (li.textContent = 'none');
      li.append(`${d.kind}${d.event ? ` (sends ${d.event})` : ''} `, timeEl(d.dueAt));
    });
  }

  function setStep(step) {
    if (!view.flow) return;
    view.step = Math.max(0, Math.min(view.flow.path.length - 1, step));
    renderCase();
    render();
  }

  async function pickCase(id, keepStep = false) {
    $('case-error').hidden = true;
    try {
      await loadCase(id, keepStep);
      const url = new URL(location.href);
      url.searchParams.set('case', id);
      history.replaceState(null, '', url);
    } catch (error) {
      view.flow = null;
      if (error instanceof AccessError) return renderCase();
      $('case-error').textContent = error.message;
      $('case-error').hidden = false;
    }
    renderCase();
    render();
  }

  // ---- live -------------------------------------------------------------------------------

  function throttled(work) {
    let timer = null;
    return () => {
      if (timer) return;
      timer = setTimeout(async () => {
        timer = null;
        try {
          await work();
        } catch (error) {
          console.warn('inspector refresh failed', error);
        }
      }, REFRESH_MS);
    };
  }

  const refreshCounts = throttled(async () => {
    await loadCounts();
    renderTotal();
    render();
  });
  const refreshCase = throttled(async () => {
    if (view.flow) await pickCase(view.flow.id, true);
  });

  function renderTotal() {
    let total = 0;
    for (const n of view.counts.values()) total += n;
    $('total').textContent = `${total} case${total === 1 ? '' : 's'}`;
  }

  /** The feed lists what happened to cases: the inspected snapshot after each event. */
  function addToFeed(message) {
    if (message.inspection !== '@xstate.snapshot') return;
    // A restored actor starts with xstate.init; only a new case's start is news (its registration).
    const registered = message.eventType === 'xstate.init' && message.version === 1;
    if (message.eventType === 'xstate.init' && !registered) return;
    const feed = $('feed');
    const li = document.createElement('li');
    const id = document.createElement('code');
    id.textContent = message.caseId.slice(0, 8);
    id.title = message.caseId;
    li.append(id, ` ${registered ? 'REGISTER' : message.eventType} → ${message.state} `, timeEl(message.at));
    feed.prepend(li);
    while (feed.children.length > 40) feed.lastChild.remove();
  }

  /** Server-sent events read through fetch(), which, unlike EventSource, can send the token. */
  async function readStream(onMessage) {
    const res = await fetch('/inspector/api/stream', { headers: { accept: 'text/event-stream', ...authHeaders() } });
    if (res.status === 401 || res.status === 403) {
      showTokenForm(res.status);
      throw new AccessError('no access');
    }
    if (!res.ok || !res.body) throw new Error(`stream answered ${res.status}`);
    setLive(true);
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trimStart())
          .join('\n');
        if (data) onMessage(JSON.parse(data));
      }
    }
  }

  function setLive(on) {
    $('live').textContent = on ? 'live' : 'reconnecting…';
    $('live').classList.toggle('on', on);
  }

  async function connect() {
    for (;;) {
      try {
        await readStream((message) => {
          addToFeed(message);
          refreshCounts();
          if (view.flow && view.flow.id === message.caseId) refreshCase();
        });
      } catch (error) {
        if (error instanceof AccessError) return;
      }
      setLive(false);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      // Whatever happened while the stream was down is read afresh.
      refreshCounts();
      refreshCase();
    }
  }

  // ---- start ------------------------------------------------------------------------------

  async function start() {
    takeTokenFromAddress();
    $('token-form').addEventListener('submit', (e) => {
      e.preventDefault();
      sessionStorage.setItem(TOKEN_KEY, $('token').value.trim());
      location.reload();
    });
    $('case-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const id = $('case-id').value.trim();
      if (id) pickCase(id);
    });
    $('case-clear').addEventListener('click', () => {
      view.flow = null;
      $('case-id').value = '';
      const url = new URL(location.href);
      url.searchParams.delete('case');
      history.replaceState(null, '', url);
      renderCase();
      render();
    });
    $('step').addEventListener('input', (e) => setStep(Number(e.target.value)));
    $('step-back').addEventListener('click', () => setStep(view.step - 1));
    $('step-forward').addEventListener('click', () => setStep(view.step + 1));
    $('path').addEventListener('click', (e) => {
      const li = e.target.closest('li[data-step]');
      if (li) setStep(Number(li.dataset.step));
    });

    connect();
    try {
      const [graph] = await Promise.all([api('machine'), loadCounts()]);
      view.graph = graph;
      $('machine-version').textContent = `machine ${graph.version}`;
      view.layout = await new ELK().layout(elkGraph(graph));
    } catch (error) {
      if (error instanceof AccessError) return;
      $('diagram-error').textContent = `The diagram could not be drawn: ${error.message}`;
      $('diagram-error').hidden = false;
      return;
    }
    renderTotal();
    render();
    document.body.dataset.ready = 'true';
    const picked = new URL(location.href).searchParams.get('case');
    if (picked) {
      $('case-id').value = picked;
      await pickCase(picked);
    }
  }

  start();
})();
