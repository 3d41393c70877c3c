// The kg view. Data: #kg-data (parsed at once), #kg-text (sentences, parsed on first need).
// No innerHTML anywhere: every text from the documents goes in as a text node.
(function () {
"use strict";
window.kgTimings = { start: performance.now() };
window.kgStable = false;
const data = JSON.parse(document.getElementById("kg-data").textContent);
window.kgData = data;
window.kgTimings.parsed = performance.now();
// Rows name a document by its stable number (data.docAt: its index in data.docs) and a
// sentence by its number within the document (the table holds each document's t.n
// sentences in stable order): made here into [document index, sentence index] rows.
let textTable = null;
function texts() {  // the sentence table, parsed when the panel first shows a sentence
  if (!textTable) {
    const t = JSON.parse(document.getElementById("kg-text").textContent);
    const first = [];
    let k = 0;
    for (const n of t.n) { first.push(k); k += n; }
    t.ent = t.ent.map(flat => {
      const out = [];
      for (let j = 0; j + 1 < flat.length; j += 2) out.push(data.docAt[flat[j]], first[flat[j]] + flat[j + 1]);
      return out;
    });
    textTable = t;
  }
  return textTable;
}
window.kgText = texts;
const meta = data.meta;
const FONT = getComputedStyle(document.documentElement).getPropertyValue("--font").trim();
const typeColor = Object.fromEntries(data.types.map(t => [t.name, t.color]));
const predColor = Object.fromEntries(data.predicates.map(p => [p.name, p.color]));
const docs = data.docs;
// mention counts [entity, document, count], by entity, document and count
data.mentions = [];
data.mentionDocs.forEach((flat, ei) => {
  const rows = [];
  for (let j = 0; j + 1 < flat.length; j += 2) rows.push([ei, data.docAt[flat[j]], flat[j + 1]]);
  rows.sort((a, b) => a[1] - b[1] || a[2] - b[2]);
  for (const r of rows) data.mentions.push(r);
});
const allNodes = data.nodes;
const byId = new Map(allNodes.map((x, i) => { x.i = i; return [x.id, x]; }));
const edgeById = new Map(data.edges.map((e, i) => { e.i = i; return [e.id, e]; }));
const adjacency = new Map(allNodes.map(x => [x.id, []]));
for (const e of data.edges) {
  adjacency.get(e.from).push(e);
  if (e.to !== e.from) adjacency.get(e.to).push(e);
}
// mention counts: entity index → [[doc, count]], doc index → [[entity, count]]
const entDocs = allNodes.map(() => []), docEnts = docs.map(() => []);
for (const [ei, di, c] of data.mentions) { entDocs[ei].push([di, c]); docEnts[di].push([ei, c]); }
const big = meta.big;
const COMMUNITY_COLORS = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948",
  "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#1f77b4", "#8c564b"];

// ---------------------------------------------------------------- DOM helpers
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k === "style") Object.assign(node.style, v);
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
  return node;
}
function safeUrl(u) {
  if (!u) return null;
  try { const url = new URL(u); return (url.protocol === "http:" || url.protocol === "https:") ? url.href : null; }
  catch (e) { return null; }
}
function extLink(href, text) {
  const h = safeUrl(href);
  return h ? el("a", { href: h, target: "_blank", rel: "noopener noreferrer", text: text }) : el("span", { text: text });
}
function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }
function highlight(sentence, names) {
  const span = el("span", { class: "sent" });
  const uniq = [...new Set(names.filter(n => n && n.length > 0))].sort((a, b) => b.length - a.length);
  if (!uniq.length) { span.textContent = sentence; return span; }
  const re = new RegExp(uniq.map(escapeRe).join("|"), "g");
  let last = 0, m;
  while ((m = re.exec(sentence)) !== null) {
    if (m.index > last) span.appendChild(document.createTextNode(sentence.slice(last, m.index)));
    span.appendChild(el("mark", { text: m[0] }));
    last = m.index + m[0].length;
    if (m[0].length === 0) re.lastIndex++;
  }
  if (last < sentence.length) span.appendChild(document.createTextNode(sentence.slice(last)));
  return span;
}
function namesOf(id) { const n = byId.get(id); return n ? [n.label, ...n.aliases] : []; }
function docTitleLine(di, extra) {
  const d = di >= 0 ? docs[di] : null;
  const parts = [];
  if (d) {
    parts.push(el("a", { class: "ent", text: d.title, onclick: ev => { ev.preventDefault(); showDoc(di); } }));
    if (d.date) parts.push(" · " + d.date);
    if (d.issuer || d.publisher) parts.push(" · " + (d.issuer || d.publisher));
  } else parts.push("(unknown document)");
  if (extra) parts.push(" · " + extra);
  return parts;
}
function fmtConf(c) { return (c === null || c === undefined) ? null : "confidence " + c.toFixed(2); }

// ---------------------------------------------------------------- time
// Dates compare as strings (ISO: "2024", "2024-05", "2024-05-01"); undated documents are in
// only while the range is the whole range.
const dates = [...new Set(docs.map(d => d.date).filter(Boolean))].sort();
let dateLo = 0, dateHi = Math.max(0, dates.length - 1);
const dateActive = () => dates.length > 0 && (dateLo > 0 || dateHi < dates.length - 1);
const selectedDocs = new Set(), selectedEnts = new Set();
let activeDocCache = undefined;
function activeDocs() {  // null: every document; else the Set of document indices in
  if (activeDocCache !== undefined) return activeDocCache;
  let out = null;
  if (dateActive()) {
    const lo = dates[dateLo], hi = dates[dateHi];
    out = new Set();
    docs.forEach((d, i) => { if (d.date && d.date >= lo && d.date <= hi) out.add(i); });
  }
  if (selectedDocs.size) out = out ? new Set([...out].filter(i => selectedDocs.has(i))) : new Set(selectedDocs);
  activeDocCache = out;
  return out;
}
function firstLast(x) {
  let first = null, last = null;
  for (const [di] of entDocs[x.i]) {
    const d = docs[di].date;
    if (!d) continue;
    if (first === null || d < first) first = d;
    if (last === null || d > last) last = d;
  }
  return [first, last];
}

// ---------------------------------------------------------------- tooltips (plain text)
function nodeTitle(n) {
  const lines = [n.label, "Type: " + n.type];
  if (n.aliases.length) lines.push("Aliases: " + n.aliases.slice(0, 8).join(", ") + (n.aliases.length > 8 ? ", …" : ""));
  if (n.en) lines.push("English: " + n.en);
  if (n.wikidata) lines.push("Wikidata: " + n.wikidata);
  lines.push("Mentions: " + n.mentions + (n.ndocs ? " in " + n.ndocs + " document(s)" : ""));
  lines.push("Relations: " + n.degree);
  return lines.join("\n");
}
function edgeName(e) { return e.predicate + (e.post ? " (" + e.post + ")" : ""); }
function edgeTitle(e) {
  const lines = [byId.get(e.from).label + " → " + edgeName(e) + " → " + byId.get(e.to).label];
  if (e.modality) lines.push("Modality: " + e.modality);
  lines.push("Evidence: " + e.n + " sentence(s)");
  return lines.join("\n");
}

// ---------------------------------------------------------------- the network
// Seeded start: each community around its own point, so that the layout keeps them apart.
function rng(seed) { return () => { seed |= 0; seed = seed + 0x6D2B79F5 | 0; let t = Math.imul(seed ^ seed >>> 15, 1 | seed);
  t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t; return ((t ^ t >>> 14) >>> 0) / 4294967296; }; }
const rand = rng(42);
const drawnNodes = allNodes.filter(x => x.drawn);
const nComm = Math.max(1, ...drawnNodes.map(x => x.c + 1));
const spread = 40 * Math.sqrt(drawnNodes.length + 1);
function nodeItem(x, pos) {
  const c = typeColor[x.type] || data.otherColor;
  return {
    id: x.id, title: nodeTitle(x), value: x.value === undefined ? 0.2 : x.value, shape: "dot",
    color: { background: c, border: c, highlight: { background: c, border: "#111" }, hover: { background: c, border: "#111" } },
    hidden: false, x: pos.x, y: pos.y,
  };
}
const nodeItems = drawnNodes.map(x => {
  const k = x.c >= 0 ? x.c : nComm + (x.i % 7);
  const a = 2 * Math.PI * k / (nComm + 7), r = x.c >= 0 ? spread * 0.6 : spread;
  return nodeItem(x, { x: r * Math.cos(a) + (rand() - 0.5) * spread * 0.5, y: r * Math.sin(a) + (rand() - 0.5) * spread * 0.5 });
});
const showEdgeLabels = data.edges.length <= 150;
function edgeItem(e) {
  const c = predColor[e.predicate] || data.otherColor;
  const item = {
    id: e.id, from: e.from, to: e.to, title: edgeTitle(e),
    color: { color: c, highlight: c, hover: c, opacity: big ? 0.45 : 0.75 },
    width: (big ? 0.5 : 1) + Math.min(4, Math.log2(1 + e.n)) * (big ? 0.5 : 1),
    dashes: e.modality === "planned", hidden: false,
  };
  if (showEdgeLabels) item.label = edgeName(e);
  if (e.smooth) item.smooth = e.smooth;
  return item;
}
const nodes = new vis.DataSet(nodeItems);
const edges = new vis.DataSet(data.edges.map(edgeItem));
const added = new Set();  // entities not drawn at first, added by the user
const n = nodeItems.length;
const iterations = n <= 100 ? 600 : n <= 500 ? 400 : n <= 1500 ? 250 : 200;
const LAYOUT_BUDGET_MS = 2500;  // the layout stops after this much physics, whatever the machine
const options = {
  autoResize: true,
  layout: { improvedLayout: false, randomSeed: 42 },
  physics: {
    enabled: true, solver: "barnesHut",
    barnesHut: { theta: big ? 0.9 : 0.5, gravitationalConstant: big ? -3500 : -6000, centralGravity: 0.25,
                 springLength: big ? 110 : 150, springConstant: 0.03, damping: 0.35, avoidOverlap: big ? 0 : 0.2 },
    stabilization: { enabled: true, iterations: iterations, updateInterval: big ? 10 : 25, fit: true },
    minVelocity: 0.75,
  },
  interaction: { hover: !big, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big,
                 keyboard: false, multiselect: false, navigationButtons: false },
  nodes: { shape: "dot", borderWidth: 1, borderWidthSelected: 3, scaling: { min: 6, max: 36, label: { enabled: false } } },
  edges: {
    arrows: { to: { enabled: true, scaleFactor: 0.5 } }, smooth: false, selectionWidth: 2, hoverWidth: 1,
    font: { face: FONT, size: 10, color: "#555", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" },
  },
};
const container = document.getElementById("network");
const network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
window.network = network;
window.kgTimings.network = performance.now();

const progress = document.getElementById("progress");
progress.textContent = "Laying out " + n + " nodes…";
network.on("stabilizationProgress", p => {
  progress.textContent = "Laying out " + n + " nodes… " + Math.round(100 * p.iterations / p.total) + "%";
  window.kgTimings.iterations = p.iterations;
  if (!window.kgStable && performance.now() - window.kgTimings.network > LAYOUT_BUDGET_MS) network.stopSimulation();
});
function settled() {
  if (window.kgStable) return;
  network.setOptions({ physics: false });
  progress.hidden = true;
  computeHulls();
  network.fit({ animation: false });
  window.kgTimings.stable = performance.now();
  window.kgStable = true;
  network.redraw();
  container.dispatchEvent(new CustomEvent("kg-stable", { bubbles: true }));
}
network.once("stabilizationIterationsDone", settled);
network.once("stabilized", settled);
if (n === 0) { progress.textContent = allNodes.length ? "No relation to draw: see the list of entities." : "The graph is empty."; window.kgStable = true; }

// ---------------------------------------------------------------- communities (hulls)
let hulls = [], hullsOn = true;
function convexHull(pts) {
  pts = pts.slice().sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (pts.length < 3) return pts;
  const cross = (o, a, b) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower = [], upper = [];
  for (const p of pts) { while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop(); lower.push(p); }
  for (let i = pts.length - 1; i >= 0; i--) { const p = pts[i]; while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop(); upper.push(p); }
  return lower.slice(0, -1).concat(upper.slice(0, -1));
}
function computeHulls() {
  const groups = new Map();
  for (const x of drawnNodes) {
    if (x.c < 0 || nodeHidden.get(x.id)) continue;
    const b = network.body.nodes[x.id];
    if (!b) continue;
    if (!groups.has(x.c)) groups.set(x.c, []);
    groups.get(x.c).push([b.x, b.y]);
  }
  hulls = [];
  for (const [c, pts] of groups) if (pts.length >= 3) hulls.push({ c: c, pts: convexHull(pts) });
}
network.on("dragEnd", () => { if (window.kgStable) computeHulls(); });
network.on("beforeDrawing", ctx => {
  if (!hullsOn || !window.kgStable) return;
  const pad = 18 / Math.max(network.getScale(), 0.05) * 0.6;
  ctx.save();
  ctx.lineJoin = "round";
  for (const h of hulls) {
    const col = COMMUNITY_COLORS[h.c % COMMUNITY_COLORS.length];
    ctx.beginPath();
    h.pts.forEach((p, k) => k ? ctx.lineTo(p[0], p[1]) : ctx.moveTo(p[0], p[1]));
    ctx.closePath();
    ctx.globalAlpha = 0.10; ctx.fillStyle = col; ctx.strokeStyle = col; ctx.lineWidth = 2 * pad;
    ctx.fill(); ctx.stroke();
  }
  ctx.restore();
});

// ---------------------------------------------------------------- labels
// Drawn by the page, not by vis: at a fixed screen size, most central first, a label only
// where it overlaps no label already placed (so the opening view reads at any zoom).
const MAX_LABELS = 90;
let labelsDrawn = [];
const labelOrder = () => [...drawnNodes.map(x => x.id), ...added].map(id => byId.get(id)).sort((a, b) => b.pr - a.pr);
let labelList = null;
const widthCache = new Map();
network.on("afterDrawing", ctx => {
  if (!window.kgStable) return;
  if (!labelList) labelList = labelOrder();
  const W = container.clientWidth, H = container.clientHeight;
  const dpr = (network.canvas && network.canvas.pixelRatio) || window.devicePixelRatio || 1;
  const scale = network.getScale();
  const placed = [];
  let dots = 0;
  const selected = new Set(network.getSelectedNodes());
  const overlaps = b => placed.some(p => b.x < p.x + p.w && p.x < b.x + b.w && b.y < p.y + p.h && p.y < b.y + b.h);
  ctx.save();
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.textBaseline = "top";
  const order = selected.size ? [...[...selected].map(id => byId.get(id)).filter(Boolean), ...labelList] : labelList;
  const done = new Set();
  for (const x of order) {
    if (placed.length - dots >= MAX_LABELS) break;
    if (done.has(x.id)) continue;
    done.add(x.id);
    const b = network.body.nodes[x.id];
    if (!b || b.options.hidden) continue;
    const d = network.canvasToDOM({ x: b.x, y: b.y });
    if (d.x < 0 || d.y < 0 || d.x > W || d.y > H) continue;
    const fs = Math.round(12 + 5 * Math.sqrt(x.value || 0));
    const key = fs + "|" + x.label;
    ctx.font = (selected.has(x.id) ? "bold " : "") + fs + "px " + FONT;
    let w = widthCache.get(key);
    if (w === undefined) { w = ctx.measureText(x.label).width; widthCache.set(key, w); }
    const r = (b.shape && b.shape.radius ? b.shape.radius : 8) * scale;
    const below = { x: d.x - w / 2 - 2, y: d.y + r + 1, w: w + 4, h: fs + 3 };
    const above = { x: below.x, y: d.y - r - fs - 4, w: below.w, h: below.h };
    const right = { x: d.x + r + 2, y: d.y - fs / 2 - 2, w: w + 4, h: fs + 3 };
    const left = { x: d.x - r - w - 6, y: right.y, w: w + 4, h: fs + 3 };
    const inside = b => b.x >= 0 && b.x + b.w <= W && b.y >= 0 && b.y + b.h <= H;
    const box = [below, above, right, left].find(b => inside(b) && !overlaps(b));
    if (!box) continue;
    placed.push({ id: x.id, text: x.label, x: box.x, y: box.y, w: box.w, h: box.h });
    if (r > 4) { placed.push({ x: d.x - r, y: d.y - r, w: 2 * r, h: 2 * r, dot: true }); dots++; }  // later labels avoid this dot
    ctx.lineWidth = 3; ctx.strokeStyle = "rgba(255,255,255,0.95)"; ctx.fillStyle = "#1a1a1a";
    ctx.strokeText(x.label, box.x + 2, box.y + 1);
    ctx.fillText(x.label, box.x + 2, box.y + 1);
  }
  ctx.restore();
  labelsDrawn = placed.filter(p => !p.dot);
});

// ---------------------------------------------------------------- header and note
function updateStats() {
  const visible = network.body.nodeIndices.filter(id => byId.has(id)).length;
  const visEdges = network.body.edgeIndices.filter(id => edgeById.has(id)).length;
  document.getElementById("stats").textContent =
    meta.nodes_shown + " of " + meta.nodes_total + " entities drawn (" + meta.isolated + " without a relation, listed), " +
    meta.edges_shown + " of " + meta.edges_total + " relations" +
    ((visible !== meta.nodes_shown + added.size || visEdges !== meta.edges_shown)
      ? " (" + visible + " nodes, " + visEdges + " edges visible after filters)" : "");
}
if (meta.omitted) {
  const note = document.getElementById("note");
  note.textContent = meta.omitted;
  note.hidden = false;
}

// ---------------------------------------------------------------- filters
const hiddenTypes = new Set(), hiddenPreds = new Set();
const nodeHidden = new Map(), edgeHidden = new Map();
function nodeInDocs(x, act) {
  for (const [di] of entDocs[x.i]) if (act.has(di)) return true;
  for (const e of adjacency.get(x.id)) for (const di of e.docs) if (act.has(di)) return true;
  return false;
}
function applyFilters() {
  activeDocCache = undefined;
  const act = activeDocs();
  const vis0 = new Set();
  for (const id of nodes.getIds()) {
    const x = byId.get(id);
    if (!x) continue;
    if (hiddenTypes.has(x.type)) continue;
    if (act && !nodeInDocs(x, act)) continue;
    vis0.add(id);
  }
  const edgeOk = e => !hiddenPreds.has(e.predicate) && vis0.has(e.from) && vis0.has(e.to) &&
    (!act || e.docs.some(di => act.has(di)));
  let visible = vis0;
  if (act) {  // a drawn entity stays only with a relation stated in those documents
    visible = new Set([...added].filter(id => vis0.has(id)));
    for (const e of data.edges) if (edgeOk(e)) { visible.add(e.from); visible.add(e.to); }
  }
  if (selectedEnts.size) {  // the selected entities and their neighbours
    visible = new Set();
    for (const id of selectedEnts) if (vis0.has(id)) {
      visible.add(id);
      for (const e of adjacency.get(id)) if (edgeOk(e)) { visible.add(e.from); visible.add(e.to); }
    }
  }
  const nu = [], eu = [];
  for (const id of nodes.getIds()) {
    if (!byId.has(id)) continue;
    const h = !visible.has(id);
    if (nodeHidden.get(id) !== h) { nodeHidden.set(id, h); nu.push({ id: id, hidden: h }); }
  }
  for (const e of data.edges) {
    const h = !(edgeOk(e) && visible.has(e.from) && visible.has(e.to));
    if (edgeHidden.get(e.id) !== h) { edgeHidden.set(e.id, h); eu.push({ id: e.id, hidden: h }); }
  }
  if (nu.length) nodes.update(nu);
  if (eu.length) edges.update(eu);
  if (window.kgStable) computeHulls();
  updateStats();
  renderIsolated();
  if (current) { refreshing = true; try { current(); } finally { refreshing = false; } }
}
function setTypeVisible(type, visible) {
  if (visible) hiddenTypes.delete(type); else hiddenTypes.add(type);
  const box = document.querySelector('#type-filters input[data-name="' + CSS.escape(type) + '"]');
  if (box) box.checked = visible;
  applyFilters();
}
function setPredicateVisible(pred, visible) {
  if (visible) hiddenPreds.delete(pred); else hiddenPreds.add(pred);
  const box = document.querySelector('#pred-filters input[data-name="' + CSS.escape(pred) + '"]');
  if (box) box.checked = visible;
  applyFilters();
}
for (const t of data.types) {
  const box = el("input", { type: "checkbox", "data-name": t.name });
  box.checked = true;
  box.addEventListener("change", () => setTypeVisible(t.name, box.checked));
  document.getElementById("type-filters").appendChild(el("label", {},
    box, el("span", { class: "swatch", style: { background: t.color } }), t.name,
    el("span", { class: "count", text: String(t.count) })));
}
for (const p of data.predicates) {
  const box = el("input", { type: "checkbox", "data-name": p.name });
  box.checked = true;
  box.addEventListener("change", () => setPredicateVisible(p.name, box.checked));
  document.getElementById("pred-filters").appendChild(el("label", {},
    box, el("span", { class: "swatch line", style: { background: p.color } }), p.name,
    el("span", { class: "count", text: String(p.count) })));
}

// ---------------------------------------------------------------- time control
const dateLoInput = document.getElementById("date-lo"), dateHiInput = document.getElementById("date-hi");
function setDateRange(lo, hi) {
  if (!dates.length) return false;
  lo = Math.max(0, Math.min(dates.length - 1, lo | 0)); hi = Math.max(0, Math.min(dates.length - 1, hi | 0));
  if (lo > hi) [lo, hi] = [hi, lo];
  dateLo = lo; dateHi = hi;
  dateLoInput.value = String(lo); dateHiInput.value = String(hi);
  document.getElementById("date-from").textContent = dates[lo];
  document.getElementById("date-to").textContent = dates[hi];
  const dated = docs.filter(d => d.date).length;
  const inRange = docs.filter(d => d.date && d.date >= dates[lo] && d.date <= dates[hi]).length;
  document.getElementById("date-note").textContent = dateActive()
    ? inRange + " of " + dated + " dated documents (" + (docs.length - dated) + " undated left out)"
    : dated + " of " + docs.length + " documents dated";
  applyFilters();
  return true;
}
if (dates.length) {
  document.getElementById("time").hidden = false;
  for (const inp of [dateLoInput, dateHiInput]) { inp.max = String(dates.length - 1); }
  dateHiInput.value = String(dates.length - 1);
  dateLoInput.addEventListener("input", () => setDateRange(+dateLoInput.value, Math.max(+dateLoInput.value, +dateHiInput.value)));
  dateHiInput.addEventListener("input", () => setDateRange(Math.min(+dateLoInput.value, +dateHiInput.value), +dateHiInput.value));
  document.getElementById("date-from").textContent = dates[0];
  document.getElementById("date-to").textContent = dates[dates.length - 1];
  document.getElementById("date-note").textContent = docs.filter(d => d.date).length + " of " + docs.length + " documents dated";
}

// ---------------------------------------------------------------- layers
function checkbox(parent, swatchClass, swatchStyle, text, count, onChange, checked) {
  const box = el("input", { type: "checkbox" });
  box.checked = !!checked;
  box.addEventListener("change", () => onChange(box.checked));
  parent.appendChild(el("label", {}, box, el("span", { class: "swatch " + swatchClass, style: swatchStyle }), text,
    count === null ? null : el("span", { class: "count", text: String(count) })));
  return box;
}
// Mentioned together: entities named in the same sentence; thin grey, no arrow, no physics.
let comentionOn = false;
function setComention(on) {
  if (on === comentionOn) return;
  comentionOn = on;
  comentionBox.checked = on;
  if (!on) { edges.remove(data.comention.map((c, i) => "c" + i)); updateStats(); return; }
  edges.add(data.comention.map(([a, b, w], i) => ({
    id: "c" + i, from: allNodes[a].id, to: allNodes[b].id, arrows: { to: { enabled: false } }, physics: false,
    width: 0.5 + Math.min(2, Math.log2(w) * 0.5), color: { color: "#9e9e9e", opacity: 0.5, highlight: "#616161" },
    title: "mentioned together in " + w + " sentence(s)", smooth: false,
  })));
  updateStats();
}
const comentionBox = checkbox(document.getElementById("comention-filter"), "thin", {}, "Mentioned together",
  data.comention.length, setComention, false);
function setHulls(on) { hullsOn = on; hullBox.checked = on; network.redraw(); }
const hullBox = checkbox(document.getElementById("hull-filter"), "hull", {}, "Communities",
  new Set(drawnNodes.filter(x => x.c >= 0).map(x => x.c)).size, setHulls, true);

// Documents: kept out of the layout; drawn on demand next to the entities they mention.
const docNodeIds = docs.map((d, i) => d.node ? i : -1).filter(i => i >= 0);
let docsShown = false;
function setDocumentsVisible(visible) {
  if (visible === docsShown) return;
  docsShown = visible;
  docBox.checked = visible;
  const onDrawn = data.mentions.map((m, k) => [m, k]).filter(([m]) => nodes.get(allNodes[m[0]].id) && docs[m[1]].node);
  if (!visible) {
    edges.remove(onDrawn.map(([, k]) => "m" + k));
    nodes.remove(docNodeIds.map(d => "doc/" + docs[d].id));
    updateStats();
    return;
  }
  const pos = network.getPositions();
  const acc = new Map();
  for (const [m] of onDrawn) {
    const p = pos[allNodes[m[0]].id];
    if (!p) continue;
    const a = acc.get(m[1]) || { x: 0, y: 0, k: 0 };
    a.x += p.x; a.y += p.y; a.k += 1; acc.set(m[1], a);
  }
  nodes.add(docNodeIds.map(d => {
    const a = acc.get(d) || { x: 0, y: 0, k: 1 };
    const info = docs[d];
    return {
      id: "doc/" + info.id, label: info.title.length > 18 ? info.title.slice(0, 17) + "…" : info.title,
      title: info.title + (info.date ? "\n" + info.date : "") + (info.issuer || info.publisher ? "\n" + (info.issuer || info.publisher) : ""),
      shape: "box", color: { background: data.docColor, border: "#888" },
      font: { size: 10, color: "#222", face: FONT, strokeWidth: 0 }, margin: 3,
      x: a.x / a.k + (rand() - 0.5) * 60, y: a.y / a.k + (rand() - 0.5) * 60,
    };
  }));
  edges.add(onDrawn.map(([m, k]) => ({
    id: "m" + k, from: allNodes[m[0]].id, to: "doc/" + docs[m[1]].id, arrows: "", dashes: true, width: 0.5,
    color: { color: "#bbbbbb", opacity: 0.6 }, title: "mentioned " + m[2] + "×", physics: false,
  })));
  updateStats();
}
const docBox = checkbox(document.getElementById("doc-filter"), "box", { background: data.docColor }, "Show documents",
  docNodeIds.length, setDocumentsVisible, false);

// ---------------------------------------------------------------- entities not drawn
function addNode(id) {  // an entity the drawing left out, added next to the view's centre
  const x = byId.get(id);
  if (!x || nodes.get(id)) return false;
  const c = network.getViewPosition();
  added.add(id);
  labelList = null;
  nodes.add(nodeItem(x, { x: c.x + (rand() - 0.5) * 80, y: c.y + (rand() - 0.5) * 80 }));
  applyFilters();
  return true;
}
const isolatedBox = document.getElementById("isolated");
const isoOpen = new Set();
const isoShown = new Map();
function renderIsolated() {
  const q = norm(document.getElementById("isolated-search").value || "");
  const act = activeDocs();
  const byType = new Map();
  for (const x of allNodes) {
    if (x.drawn || added.has(x.id)) continue;
    if (q && !index[x.i].names.some(([, nm]) => nm.includes(q))) continue;
    if (act && !nodeInDocs(x, act)) continue;
    if (!byType.has(x.type)) byType.set(x.type, []);
    byType.get(x.type).push(x);
  }
  isolatedBox.replaceChildren();
  let total = 0;
  for (const t of [...data.types.map(t => t.name)]) {
    const list = byType.get(t);
    if (!list) continue;
    total += list.length;
    const det = el("details", { "data-type": t });
    det.open = isoOpen.has(t) || !!q;
    det.addEventListener("toggle", () => { if (det.open) isoOpen.add(t); else isoOpen.delete(t); });
    det.appendChild(el("summary", {}, el("span", { class: "swatch", style: { background: typeColor[t] || data.otherColor } }),
      t, el("span", { class: "count", text: String(list.length) })));
    const ul = el("ul");
    const limit = isoShown.get(t) || 100;
    for (const x of list.slice(0, limit)) {
      ul.appendChild(el("li", { "data-id": x.id }, el("a", { text: x.label, onclick: ev => { ev.preventDefault(); focusNode(x.id); } }),
        el("span", { class: "count", text: " ×" + x.mentions })));
    }
    if (list.length > limit) ul.appendChild(el("li", {}, el("button", { class: "more", text: "Show " + Math.min(500, list.length - limit) + " more",
      onclick: () => { isoShown.set(t, limit + 500); isoOpen.add(t); renderIsolated(); } })));
    det.appendChild(ul);
    isolatedBox.appendChild(det);
  }
  document.getElementById("isolated-head").textContent = "Not in the drawing (" + total + ")";
}

// ---------------------------------------------------------------- paged sentences
// rows: [docIndex, sentenceIndex, …]; grouped by document, PAGE per page, only the documents
// the time range and the document selection let in.
const PAGE = 20;
function pager(rows, names, extraOf) {
  const act = activeDocs();
  const kept = act ? rows.filter(r => act.has(r[0])) : rows;
  const box = el("div", { class: "pager" });
  const bar = el("div", { class: "pager-bar" });
  const list = el("div", { class: "pager-list" });
  const pages = Math.max(1, Math.ceil(kept.length / PAGE));
  let page = 0;
  const prev = el("button", { class: "prev", text: "‹ Prev" }), next = el("button", { class: "next", text: "Next ›" });
  const info = el("span", { class: "pager-info" });
  function render() {
    list.replaceChildren();
    const t = texts();
    let lastDoc = null, ul = null, where = null;
    for (const r of kept.slice(page * PAGE, page * PAGE + PAGE)) {
      if (r[0] !== lastDoc || !ul) {
        lastDoc = r[0]; where = null;
        list.appendChild(el("div", { class: "docgroup src" }, docTitleLine(r[0])));
        ul = el("ul", { class: "ev" });
        list.appendChild(ul);
      }
      if (t.sentences[r[1]] || !t.at[r[1]]) {
        ul.appendChild(el("li", { class: "sent-item row" }, highlight(sentenceText(r[1]), names),
          extraOf ? el("div", { class: "src", text: extraOf(r) }) : null));
      } else {  // located only: one line of offsets per document
        if (!where) {
          where = el("span", { class: "offsets" });
          ul.appendChild(el("li", { class: "located src" }, "Sentences whose text the graph does not keep, at characters ", where));
        }
        const at = t.at[r[1]];
        where.appendChild(el("span", { class: "row", text: (where.childNodes.length ? ", " : "") + at[0] + "–" + at[1] }));
      }
    }
    info.textContent = "Page " + (page + 1) + " of " + pages + " · " + kept.length + " sentence(s)" +
      (kept.length < rows.length ? " (" + (rows.length - kept.length) + " outside the selected documents or dates)" : "");
    prev.disabled = page === 0; next.disabled = page >= pages - 1;
  }
  prev.addEventListener("click", () => { if (page > 0) { page--; render(); } });
  next.addEventListener("click", () => { if (page < pages - 1) { page++; render(); } });
  if (pages > 1) bar.append(prev, next);
  bar.append(info);
  box.append(bar, list);
  render();
  return box;
}
function sortByDoc(rows) {  // by document date, then document; sentences with their text first, then by place
  const t = texts();
  const rank = r => t.sentences[r[1]] ? 0 : 1, pos = r => t.at[r[1]] ? t.at[r[1]][0] : -1;
  return rows.map((r, k) => [r, k]).sort((a, b) => {
    const da = docs[a[0][0]] ? docs[a[0][0]].date || "" : "", db = docs[b[0][0]] ? docs[b[0][0]].date || "" : "";
    return da < db ? -1 : da > db ? 1 : a[0][0] - b[0][0] || rank(a[0]) - rank(b[0]) || pos(a[0]) - pos(b[0]) || a[1] - b[1];
  }).map(x => x[0]);
}
function sentenceText(i) {  // the sentence, or where it is when the graph has no text for it
  const t = texts();
  if (t.sentences[i]) return t.sentences[i];
  const at = t.at[i];
  return at ? "(the sentence at characters " + at[0] + "–" + at[1] + " of the document; its text is not in the graph)" : "(no sentence)";
}
function entRows(x) {
  const flat = texts().ent[x.i] || [];
  const rows = [];
  for (let k = 0; k + 1 < flat.length; k += 2) rows.push([flat[k], flat[k + 1]]);
  return sortByDoc(rows);
}
function edgeRows(e) { return sortByDoc(texts().edge[e.i] || []); }
function evExtra(r) {
  const rules = texts().rules;
  return [r[4] & 1 ? "planned" : null, r[4] & 2 ? "implicit" : null, fmtConf(r[3]), r[2] >= 0 ? "rule " + rules[r[2]] : null]
    .filter(Boolean).join(" · ");
}

// ---------------------------------------------------------------- side panel
const panel = document.getElementById("panel");
let current = null;  // re-renders the panel after a filter change (in place: no tab switch)
let refreshing = false;
function entLink(id) {
  const x = byId.get(id);
  return el("a", { class: "ent", text: x ? x.label : id, onclick: ev => { ev.preventDefault(); focusNode(id); } });
}
function chip(type) { return el("span", { class: "chip", style: { background: typeColor[type] || data.otherColor }, text: type }); }
function edgeNames(e) { return [...namesOf(e.from), ...namesOf(e.to), e.post].filter(Boolean); }
function relBlock(e, self) {
  const out = e.from === self;
  const other = out ? e.to : e.from;
  const pred = el("span", { class: "pred", style: { background: predColor[e.predicate] || data.otherColor }, text: edgeName(e) });
  const head = out ? el("div", { class: "head" }, "→ ", pred, " → ", entLink(other))
                   : el("div", { class: "head" }, "← ", pred, " ← ", entLink(other));
  const block = el("div", { class: "rel", "data-edge": e.id, "data-direction": out ? "out" : "in" }, head);
  const rows = edgeRows(e);
  const act = activeDocs();
  const first = rows.filter(r => !act || act.has(r[0])).slice(0, 2);
  const ul = el("ul", { class: "ev" });
  for (const r of first) ul.appendChild(el("li", {}, highlight(sentenceText(r[1]), edgeNames(e)), el("div", { class: "src" }, docTitleLine(r[0], evExtra(r)))));
  block.appendChild(ul);
  if (rows.length > first.length) block.appendChild(el("button", { class: "more", text: "All " + rows.length + " sentences",
    onclick: () => showEdge(e.id) }));
  return block;
}
function showNode(id) {
  if (typeof id === "string" && id.startsWith("doc/") && !byId.has(id)) {
    const di = docs.findIndex(d => d.id === id.slice(4));
    return di >= 0 ? showDoc(di) : false;
  }
  const x = byId.get(id);
  if (!x) return false;
  if (!refreshing) showTab("panel");
  current = () => showNode(id);
  panel.replaceChildren();
  panel.appendChild(el("h2", { text: x.label }));
  panel.appendChild(chip(x.type));
  const dl = el("dl");
  const row = (k, v) => { if (v !== null && v !== undefined && v !== "") dl.append(el("dt", { text: k }), el("dd", {}, v)); };
  row("Key", x.id);
  row("Aliases", x.aliases.join("、"));
  row("English", x.en);
  row("Category", x.category);
  if (x.wikidata) row("Wikidata", extLink("https://www.wikidata.org/wiki/" + x.wikidata, x.wikidata));
  row("ISO 3166", x.iso);
  row("Mentions", x.mentions + (x.ndocs ? " in " + x.ndocs + " document(s)" : ""));
  const [first, last] = firstLast(x);
  row("First mention", first);
  row("Last mention", last);
  row("PageRank", x.pr.toFixed(5));
  if (!x.drawn && !added.has(x.id)) row("Drawing", x.degree ? "left out (less central)" : "no relation");
  panel.appendChild(dl);
  const act = activeDocs();
  const rels = (adjacency.get(id) || []).filter(e => !act || e.docs.some(di => act.has(di))).sort((a, b) =>
    a.predicate.localeCompare(b.predicate) || (a.from === id ? 0 : 1) - (b.from === id ? 0 : 1));
  panel.appendChild(el("h3", { text: "Relations (" + rels.length + ")" }));
  const list = el("div", { id: "relations" });
  const LIMIT = 40;
  rels.slice(0, LIMIT).forEach(e => list.appendChild(relBlock(e, id)));
  panel.appendChild(list);
  if (rels.length > LIMIT) {
    const more = el("button", { class: "more", text: "Show all " + rels.length + " relations" });
    more.addEventListener("click", () => { rels.slice(LIMIT).forEach(e => list.appendChild(relBlock(e, id))); more.remove(); });
    panel.appendChild(more);
  }
  if (!rels.length) panel.appendChild(el("p", { class: "hint", text: "No relation extracted for this entity." }));
  const rows = entRows(x);
  if (rows.length) {
    panel.appendChild(el("h3", { id: "mentions-head", text: "Mentioned in" }));
    panel.appendChild(el("div", { id: "mentions" }, pager(rows, namesOf(id))));
  }
  return true;
}
function showEdge(eid) {
  const e = edgeById.get(eid);
  if (!e) {
    if (typeof eid === "string" && eid[0] === "c") return showComention(+eid.slice(1));
    return false;
  }
  if (!refreshing) showTab("panel");
  current = () => showEdge(eid);
  panel.replaceChildren();
  panel.appendChild(el("h2", {}, entLink(e.from), " → ", edgeName(e), " → ", entLink(e.to)));
  const dl = el("dl");
  const row = (k, v) => { if (v !== null && v !== undefined && v !== "") dl.append(el("dt", { text: k }), el("dd", {}, String(v))); };
  row("Predicate", e.predicate);
  row("Post", e.post);
  row("Confidence", e.confidence === null ? null : e.confidence.toFixed(2));
  row("Modality", e.modality);
  row("Implicit", e.implicit ? "yes" : "no");
  row("Evidence", e.n + " sentence(s) in " + e.docs.length + " document(s)");
  panel.appendChild(dl);
  panel.appendChild(el("h3", { text: "Evidence" }));
  panel.appendChild(el("div", { class: "rel", "data-edge": e.id }, pager(edgeRows(e), edgeNames(e), evExtra)));
  return true;
}
function showComention(k) {
  const c = data.comention[k];
  if (!c) return false;
  const a = allNodes[c[0]], b = allNodes[c[1]];
  if (!refreshing) showTab("panel");
  current = () => showComention(k);
  panel.replaceChildren();
  panel.appendChild(el("h2", {}, entLink(a.id), " · ", entLink(b.id)));
  panel.appendChild(el("p", { class: "hint", text: "Mentioned together in " + c[2] + " sentence(s): not a relation the text states." }));
  const inB = new Set(entRows(b).map(r => r[1]));
  panel.appendChild(pager(entRows(a).filter(r => inB.has(r[1])), [...namesOf(a.id), ...namesOf(b.id)]));
  return true;
}
function showDoc(di) {
  const info = docs[di];
  if (!info) return false;
  if (!refreshing) showTab("panel");
  current = () => showDoc(di);
  panel.replaceChildren();
  panel.appendChild(el("h2", {}, extLink(info.url, info.title)));
  const dl = el("dl");
  const row = (k, v) => { if (v) dl.append(el("dt", { text: k }), el("dd", { text: String(v) })); };
  row("Document", info.id); row("Date", info.date); row("Issuer", info.issuer); row("Number", info.number);
  row("Publisher", info.publisher); row("Relations", String(info.rels));
  panel.appendChild(dl);
  const ents = docEnts[di].slice().sort((a, b) => b[1] - a[1]);
  panel.appendChild(el("h3", { text: "Entities mentioned (" + ents.length + ")" }));
  const ul = el("ul", { class: "ev" });
  for (const [ei, c] of ents.slice(0, 300)) ul.appendChild(el("li", {}, entLink(allNodes[ei].id), " ×" + c));
  if (ents.length > 300) ul.appendChild(el("li", { class: "src", text: "… and " + (ents.length - 300) + " more" }));
  panel.appendChild(ul);
  return true;
}
// The opening panel: what the corpus is about, in a few lines.
function showOverview() {
  if (!refreshing) showTab("panel");
  current = showOverview;
  panel.replaceChildren();
  panel.appendChild(el("h2", { text: "Overview" }));
  const dated = docs.filter(d => d.date).length;
  panel.appendChild(el("p", {}, docs.length + " document(s)" +
    (dates.length ? " (" + dated + " dated, " + dates[0] + " – " + dates[dates.length - 1] + ")" : "") + ", " +
    meta.nodes_total + " entities, " + meta.edges_total + " relations. The drawing shows the " + meta.nodes_shown +
    " entities that take part in a relation; the " + meta.isolated + " others are listed on the left."));
  const top = drawnNodes.slice(0, 12);
  if (top.length) {
    panel.appendChild(el("h3", { text: "Most central" }));
    const ul = el("ul", { class: "ev", id: "overview-top" });
    for (const x of top) ul.appendChild(el("li", {}, entLink(x.id), " ", chip(x.type),
      el("span", { class: "src", text: " · " + x.degree + " relation(s), " + x.mentions + " mention(s)" })));
    panel.appendChild(ul);
  }
  const groups = new Map();
  for (const x of drawnNodes) if (x.c >= 0) { if (!groups.has(x.c)) groups.set(x.c, []); groups.get(x.c).push(x); }
  if (groups.size) {
    panel.appendChild(el("h3", { text: "Communities (" + groups.size + ", shaded in the drawing)" }));
    const ul = el("ul", { class: "ev", id: "overview-communities" });
    for (const [c, members] of [...groups].sort((a, b) => a[0] - b[0]).slice(0, 10)) {
      ul.appendChild(el("li", {}, el("span", { class: "swatch", style: { background: COMMUNITY_COLORS[c % COMMUNITY_COLORS.length] } }), " ",
        members.length + " entities: ", members.slice(0, 4).flatMap((x, k) => k ? ["、", entLink(x.id)] : [entLink(x.id)]),
        members.length > 4 ? " …" : ""));
    }
    panel.appendChild(ul);
  }
  const byDegree = allNodes.filter(x => !x.drawn && x.mentions > 0).sort((a, b) => b.mentions - a.mentions).slice(0, 8);
  if (byDegree.length) {
    panel.appendChild(el("h3", { text: "Often mentioned, no relation" }));
    panel.appendChild(el("p", {}, byDegree.flatMap((x, k) => [k ? "、" : "", entLink(x.id), " ×" + x.mentions])));
  }
  panel.appendChild(el("p", { class: "hint", text: "Click a node or an edge for its relations and every sentence behind them; " +
    "the Entities and Documents tabs sort and filter; the date range on the left narrows everything to those documents." }));
  return true;
}
network.on("click", params => {
  if (params.nodes.length) showNode(params.nodes[0]);
  else if (params.edges.length) showEdge(params.edges[0]);
  else showOverview();
});

// ---------------------------------------------------------------- tabs and tables
function showTab(name) {
  for (const b of document.querySelectorAll("#tabs button")) b.classList.toggle("on", b.dataset.tab === name);
  for (const s of document.querySelectorAll("#right .tab")) s.hidden = s.id !== name;
  if (name === "ent-table" && !entTable.built) entTable.render();
  if (name === "doc-table" && !docTable.built) docTable.render();
}
for (const b of document.querySelectorAll("#tabs button")) b.addEventListener("click", () => showTab(b.dataset.tab));
// A sortable table of rows, ROWS at a time; a click on a row toggles its selection.
function table(box, columns, rows, keyOf, selection, filterText, defaultSort) {
  const t = { built: false, sortKey: defaultSort, desc: true, limit: 100, query: "" };
  t.render = () => {
    t.built = true;
    const q = norm(t.query);
    let list = q ? rows.filter(r => norm(filterText(r)).includes(q)) : rows.slice();
    const col = columns.find(c => c.key === t.sortKey);
    list.sort((a, b) => {
      const va = col.value(a), vb = col.value(b);
      const cmp = typeof va === "number" ? va - vb : String(va || "").localeCompare(String(vb || ""));
      return (t.desc ? -cmp : cmp) || keyOf(a) - keyOf(b);
    });
    const input = el("input", { type: "search", placeholder: "Filter rows", value: t.query });
    input.addEventListener("input", () => { t.query = input.value; t.render(); const i = box.querySelector("input"); i.focus(); i.setSelectionRange(i.value.length, i.value.length); });
    const bar = el("div", { class: "table-bar" }, input,
      el("span", { class: "small sel-count", text: selection.size ? selection.size + " selected" : list.length + " rows" }),
      selection.size ? el("button", { class: "clear", text: "Clear", onclick: () => { selection.clear(); applyFilters(); t.render(); } }) : null);
    const head = el("tr", {}, columns.map(c => el("th", { "data-key": c.key, class: (c.key === t.sortKey ? "sorted" + (t.desc ? "" : " asc") : ""),
      text: c.title, onclick: () => t.sort(c.key) })));
    const body = el("tbody");
    for (const r of list.slice(0, t.limit)) {
      const k = keyOf(r);
      const tr = el("tr", { "data-key": String(k), class: selection.has(k) ? "selected" : null }, columns.map(c => {
        const v = c.cell ? c.cell(r) : c.value(r);
        return el("td", { class: c.num ? "num" : null }, v === null || v === undefined ? "" : v);
      }));
      tr.addEventListener("click", ev => { if (ev.target.closest("a")) return; t.toggle(k); });
      body.appendChild(tr);
    }
    box.replaceChildren(bar, el("table", { class: "grid" }, el("thead", {}, head), body));
    if (list.length > t.limit) box.appendChild(el("button", { class: "more", text: "Show " + Math.min(500, list.length - t.limit) + " more of " + list.length,
      onclick: () => { t.limit += 500; t.render(); } }));
  };
  t.sort = key => { if (t.sortKey === key) t.desc = !t.desc; else { t.sortKey = key; t.desc = true; } t.render(); };
  t.toggle = k => { if (selection.has(k)) selection.delete(k); else selection.add(k); t.onSelect(k); applyFilters(); fitVisible(); t.render(); };
  t.onSelect = () => {};
  return t;
}
const entTable = table(document.getElementById("ent-table"), [
  { key: "label", title: "Entity", value: x => x.label, cell: x => el("a", { class: "ent", text: x.label, onclick: ev => { ev.preventDefault(); focusNode(x.id); } }) },
  { key: "type", title: "Type", value: x => x.type },
  { key: "mentions", title: "Mentions", value: x => x.mentions, num: true },
  { key: "ndocs", title: "Docs", value: x => x.ndocs, num: true },
  { key: "degree", title: "Relations", value: x => x.degree, num: true },
], allNodes, x => x.i, new Set(), x => [x.label, ...x.aliases, x.type].join(" "), "mentions");
// the entity table selects by index; the filter works by id
entTable.toggle = k => {
  const id = allNodes[k].id;
  if (selectedEnts.has(id)) selectedEnts.delete(id); else { selectedEnts.add(id); if (!nodes.get(id)) addNode(id); }
  applyFilters(); fitVisible(); entTable.render();
};
const entSel = { has: k => selectedEnts.has(allNodes[k].id), get size() { return selectedEnts.size; }, clear: () => selectedEnts.clear() };
const docRows = docs.map((d, i) => Object.assign({ i: i }, d));
const docTable = table(document.getElementById("doc-table"), [
  { key: "title", title: "Document", value: d => d.title, cell: d => el("a", { class: "ent", text: d.title, onclick: ev => { ev.preventDefault(); showDoc(d.i); } }) },
  { key: "date", title: "Date", value: d => d.date || "" },
  { key: "issuer", title: "Issuer", value: d => d.issuer || d.publisher || "" },
  { key: "ents", title: "Entities", value: d => d.ents, num: true },
  { key: "rels", title: "Relations", value: d => d.rels, num: true },
], docRows, d => d.i, selectedDocs, d => [d.title, d.date, d.issuer, d.publisher].join(" "), dates.length ? "date" : "ents");
// rebuild the entity table with its selection proxy
{
  const render0 = entTable.render;
  entTable.render = () => {
    render0();
    const box = document.getElementById("ent-table");
    for (const tr of box.querySelectorAll("tbody tr")) tr.classList.toggle("selected", entSel.has(+tr.dataset.key));
    const cnt = box.querySelector(".sel-count");
    if (selectedEnts.size) {
      cnt.textContent = selectedEnts.size + " selected";
      if (!box.querySelector("button.clear")) cnt.after(el("button", { class: "clear", text: "Clear", onclick: () => { selectedEnts.clear(); applyFilters(); entTable.render(); } }));
    }
  };
}
function fitVisible() {  // after a selection: the view on what is left
  const ids = network.body.nodeIndices.filter(id => byId.has(id));
  if (ids.length) network.fit({ nodes: ids, animation: false, maxZoomLevel: 1.5 });
}
function selectEntities(ids) { selectedEnts.clear(); for (const id of ids) if (byId.has(id)) { selectedEnts.add(id); if (!nodes.get(id)) addNode(id); } applyFilters(); fitVisible(); if (entTable.built) entTable.render(); }
function selectDocs(ids) { selectedDocs.clear(); for (const id of ids) { const i = docs.findIndex(d => d.id === id); if (i >= 0) selectedDocs.add(i); } applyFilters(); fitVisible(); if (docTable.built) docTable.render(); }

// ---------------------------------------------------------------- search
function norm(s) { return String(s).normalize("NFKC").toLowerCase().replace(/\s+/g, ""); }
const index = allNodes.map(x => ({ id: x.id, names: [x.label, ...x.aliases].map(s => [s, norm(s)]) }));
function search(q) {
  const nq = norm(q || "");
  if (!nq) return [];
  const hits = [];
  for (const entry of index) {
    let rank = 9, why = null;
    for (const [orig, nm] of entry.names) {
      const r = nm === nq ? 0 : nm.startsWith(nq) ? 1 : nm.includes(nq) ? 2 : 9;
      if (r < rank) { rank = r; why = orig; }
    }
    if (rank < 9) hits.push({ id: entry.id, rank: rank, why: why });
  }
  hits.sort((a, b) => a.rank - b.rank || byId.get(b.id).pr - byId.get(a.id).pr);
  return hits;
}
function focusNode(id) {
  const x = byId.get(id);
  if (!x) return false;
  if (!nodes.get(id)) addNode(id);
  if (hiddenTypes.has(x.type)) setTypeVisible(x.type, true);
  if (nodeHidden.get(id)) {  // hidden by a selection or a date range: show it anyway
    selectedEnts.clear(); selectedDocs.clear();
    if (dateActive()) setDateRange(0, dates.length - 1); else applyFilters();
  }
  window.kgFocused = null;
  network.selectNodes([id]);
  network.once("animationFinished", () => { window.kgFocused = id; });
  network.focus(id, { scale: Math.max(1.0, Math.min(network.getScale(), 2.0)),
                      animation: { duration: 400, easingFunction: "easeInOutQuad" } });
  showNode(id);
  return true;
}
const input = document.getElementById("search");
const results = document.getElementById("results");
let hits = [];
function renderResults() {
  results.replaceChildren();
  for (const h of hits.slice(0, 30)) {
    const x = byId.get(h.id);
    const li = el("li", { role: "option", "data-id": h.id },
      el("span", { class: "swatch", style: { background: typeColor[x.type] || data.otherColor } }), " ", x.label,
      h.why !== x.label ? el("span", { class: "why", text: "(" + h.why + ")" }) : null,
      el("span", { class: "why", text: x.type }));
    li.addEventListener("mousedown", ev => { ev.preventDefault(); focusNode(h.id); results.replaceChildren(); });
    results.appendChild(li);
  }
  if (input.value.trim() && !hits.length) results.appendChild(el("li", { class: "why", text: "No match" }));
}
input.addEventListener("input", () => { hits = search(input.value); renderResults(); });
input.addEventListener("keydown", ev => {
  if (ev.key === "Enter") {
    hits = search(input.value);
    if (hits.length) { focusNode(hits[0].id); results.replaceChildren(); } else renderResults();
  } else if (ev.key === "Escape") { results.replaceChildren(); }
});
input.addEventListener("blur", () => results.replaceChildren());
document.getElementById("isolated-search").addEventListener("input", renderIsolated);

window.kg = { search: search, focusNode: focusNode, showNode: showNode, showEdge: showEdge, showDoc: showDoc,
  setTypeVisible: setTypeVisible, setPredicateVisible: setPredicateVisible, addNode: addNode,
  setDocumentsVisible: setDocumentsVisible, setComention: setComention, setHulls: setHulls,
  setDateRange: setDateRange, dates: dates, selectEntities: selectEntities, selectDocs: selectDocs,
  showTab: showTab, showOverview: showOverview, labels: () => labelsDrawn.slice(), hulls: () => hulls.length,
  visibleNodeIds: () => network.body.nodeIndices.filter(id => byId.has(id)) };
renderIsolated();
updateStats();
showOverview();
})();
