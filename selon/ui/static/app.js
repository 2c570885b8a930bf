/* selon's workbench: map, timeline, list, event and article pages over /api.
 *
 * Article text is untrusted. Every page is built with createElement and textContent; this
 * file never assigns innerHTML or calls insertAdjacentHTML or document.write (a test checks),
 * and the server's Content-Security-Policy forbids inline scripts as a second wall.
 */
"use strict";

const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const COLOURS = {
  AGREE: "#1b9e77", CONSULT: "#66a61e", SUPPORT: "#4daf4a", CONCEDE: "#7fc97f", COOPERATE: "#17becf",
  AID: "#1f78b4", RETREAT: "#a6cee3", REQUEST: "#6a51a3", ACCUSE: "#b15928", REJECT: "#e6ab02",
  THREATEN: "#ff7f00", PROTEST: "#e7298a", SANCTION: "#8c6d31", MOBILIZE: "#969696",
  COERCE: "#d95f02", ASSAULT: "#d62728",
};
const MODALITY_WORDS = {
  asserted: "reported as a fact",
  hedged: "reported with hedging (alleged, reportedly)",
  denied: "denied",
  threatened: "threatened, not carried out",
  conditional: "conditional on something else happening",
  planned: "planned or announced, not yet done",
  requested: "called for or requested, not done",
  hypothetical: "hypothetical",
};
const FILTER_KEYS = ["type", "modality", "mode", "country", "source_country", "source_sector",
  "target_country", "target_sector", "place_country", "since", "until", "min_sources", "q", "bbox"];

/* --- small DOM helpers: text only, never HTML --- */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "style") Object.assign(node.style, value);
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === "string" || typeof child === "number"
      ? document.createTextNode(String(child)) : child);
  }
  return node;
}
function svg(tag, attrs) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
  return node;
}
function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
function badge(type) { return el("span", { class: "badge", style: { background: COLOURS[type] || "#555" }, text: type }); }
function actorName(actor) {
  if (!actor) return "?";
  return actor.code ? `${actor.name} [${actor.code}]` : actor.name;
}
function when(date) {
  if (!date) return "undated";
  return date.start === date.end ? date.start : `${date.start} – ${date.end}`;
}
function claimValue(c) {
  const f = (v) => Number(v).toLocaleString("en");
  let v = "?";
  if (c.min !== null && c.max !== null) v = c.min === c.max ? f(c.min) : `${f(c.min)}–${f(c.max)}`;
  else if (c.min !== null) v = `≥ ${f(c.min)}`;
  else if (c.max !== null) v = `≤ ${f(c.max)}`;
  return (c.approx ? "~" : "") + v;
}

/* --- the API --- */
async function api(path, params) {
  const query = params ? "?" + new URLSearchParams(params).toString() : "";
  const response = await fetch(`/api/${path}${query}`);
  const body = await response.json();
  if (!body.ok) throw new Error(body.error || `HTTP ${response.status}`);
  return body;
}

/* A link to the characters a field was read from: opens the article with the span lit. */
function evidenceLink(label, articleId, start, end, kind) {
  if (start === null || start === undefined || end === null || end === undefined) {
    return el("span", { text: label });
  }
  const href = `#/article/${encodeURIComponent(articleId)}?hl=${start}-${end}&kind=${kind}`;
  return el("a", { class: "evlink", href, title: `show the ${kind} in the article`, "data-kind": kind, text: label });
}

/* --- routing --- */
function parseHash() {
  const raw = location.hash.replace(/^#/, "") || "/";
  const [path, query] = raw.split("?");
  return { parts: path.split("/").filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query || "") };
}
async function route() {
  const { parts, params } = parseHash();
  const view = document.getElementById("view");
  try {
    if (parts[0] === "event" && parts[1]) await eventPage(view, parts[1]);
    else if (parts[0] === "article" && parts[1]) await articlePage(view, parts[1], params);
    else await homePage(view, params);
  } catch (err) {
    clear(view).appendChild(el("div", { class: "error" }, el("strong", { text: "Could not load this page. " }), String(err.message || err)));
  }
}
window.addEventListener("hashchange", route);
window.addEventListener("DOMContentLoaded", route);

/* --- home: filters, map, timeline, list --- */
const home = { map: null, cluster: null, root: null, facets: null, world: null, filters: {} };

function filtersFromParams(params) {
  const out = {};
  for (const key of FILTER_KEYS) if (params.get(key)) out[key] = params.get(key);
  return out;
}
function setFilters(filters) {
  const query = new URLSearchParams(filters).toString();
  const target = "#/" + (query ? "?" + query : "");
  if (location.hash === target) route(); else location.hash = target;
}

async function homePage(view, params) {
  const filters = filtersFromParams(params);
  home.filters = filters;
  if (!home.root || !view.contains(home.root)) {
    home.facets = (await api("facets")).data;
    home.root = buildHome();
    clear(view).appendChild(home.root);
    initMap();
  }
  fillFilterForm(filters);
  const noDates = Object.assign({}, filters); delete noDates.since; delete noDates.until;
  const [points, stats, typeStats] = await Promise.all([
    api("points", filters), api("stats", noDates), api("stats", withoutKey(filters, "type")),
  ]);
  drawTypeChips(typeStats.data.by_type, filters);
  drawPoints(points.data);
  drawTimeline(stats.data, filters);
  await loadList(filters, null);
}
function withoutKey(obj, key) { const copy = Object.assign({}, obj); delete copy[key]; return copy; }

function buildHome() {
  const f = home.facets;
  const select = (name, values, blank) => el("select", { name },
    el("option", { value: "", text: blank }), values.map((v) => el("option", { value: v, text: v })));
  const countries = f.country;
  const form = el("form", { class: "filters panel", id: "filters", onsubmit: (e) => { e.preventDefault(); applyForm(); } },
    el("h3", { text: "Filters" }),
    el("label", { text: "Search evidence and quotes" }),
    el("input", { name: "q", type: "search", placeholder: "words, e.g. drones Kharkiv" }),
    el("label", { text: "Event type" }),
    el("div", { class: "types", id: "type-chips" }),
    el("label", { text: "Modality" }), select("modality", f.modality, "any"),
    el("label", { text: "Mode" }), select("mode", f.mode, "any"),
    el("label", { text: "Country (source, target or place)" }), select("country", countries, "any"),
    el("label", { text: "Source country / sector" }),
    el("div", { class: "row" }, select("source_country", countries, "any"), select("source_sector", f.sector, "any")),
    el("label", { text: "Target country / sector" }),
    el("div", { class: "row" }, select("target_country", countries, "any"), select("target_sector", f.sector, "any")),
    el("label", { text: "Place country" }), select("place_country", countries, "any"),
    el("label", { text: "From / to" }),
    el("div", { class: "row" }, el("input", { name: "since", type: "date" }), el("input", { name: "until", type: "date" })),
    el("label", { text: "Minimum number of sources" }),
    el("input", { name: "min_sources", type: "number", min: 1, placeholder: "1" }),
    el("label", { text: "Area" }),
    el("div", { class: "row" }, el("input", { name: "bbox", placeholder: "west,south,east,north" })),
    el("div", { class: "buttons" },
      el("button", { class: "primary", type: "submit", text: "Apply" }),
      el("button", { type: "button", text: "Use map view", onclick: useMapView }),
      el("button", { type: "button", text: "Reset", onclick: () => setFilters({}) })),
    el("h3", { text: "Export", style: { marginTop: "16px" } }),
    el("div", { class: "buttons", id: "exports" }));
  const list = el("div", { class: "list panel" },
    el("div", { class: "head" }, el("span", { class: "count", id: "list-count", text: "Events" }), el("span", { class: "mod", text: "newest first" })),
    el("div", { class: "rows", id: "list-rows" }),
  );
  return el("div", { class: "home" }, form,
    el("div", { class: "centre" }, el("div", { id: "map" }),
      el("div", { class: "timeline panel", id: "timeline" })),
    list);
}

function fillFilterForm(filters) {
  const form = document.getElementById("filters");
  for (const key of FILTER_KEYS) {
    const input = form.elements.namedItem(key);
    if (input) input.value = filters[key] || "";
  }
  const exports = clear(document.getElementById("exports"));
  for (const [layout, fmt] of [["selon", "csv"], ["plover", "jsonl"], ["acled", "csv"], ["gdelt", "csv"], ["selon", "parquet"]]) {
    const query = new URLSearchParams(Object.assign({}, filters, { layout, format: fmt })).toString();
    exports.appendChild(el("a", { class: "button", href: `/api/export?${query}`, text: `${layout} ${fmt}` }));
  }
}
function applyForm() {
  const form = document.getElementById("filters");
  const filters = {};
  for (const key of FILTER_KEYS) {
    const input = form.elements.namedItem(key);
    if (input && input.value) filters[key] = input.value;
  }
  if (home.filters.type) filters.type = home.filters.type;
  setFilters(filters);
}
function useMapView() {
  const b = home.map.getBounds();
  const r = (v, lo, hi) => Math.max(lo, Math.min(hi, v)).toFixed(3);
  document.getElementById("filters").elements.namedItem("bbox").value =
    [r(b.getWest(), -180, 180), r(b.getSouth(), -90, 90), r(b.getEast(), -180, 180), r(b.getNorth(), -90, 90)].join(",");
  applyForm();
}

function drawTypeChips(byType, filters) {
  const chosen = new Set((filters.type || "").split(",").filter(Boolean));
  const box = clear(document.getElementById("type-chips"));
  for (const type of TYPES) {
    const chip = el("span", {
      class: "chip" + (chosen.has(type) ? " on" : ""), "data-type": type, role: "button", tabindex: 0,
      onclick: () => {
        if (chosen.has(type)) chosen.delete(type); else chosen.add(type);
        const next = Object.assign({}, home.filters);
        if (chosen.size) next.type = [...chosen].join(","); else delete next.type;
        setFilters(next);
      },
    }, el("span", { class: "dot", style: { background: COLOURS[type] } }), type.toLowerCase(),
    el("span", { class: "n", text: String(byType[type] || 0) }));
    box.appendChild(chip);
  }
}

/* The map: Natural Earth countries shipped with the package; no tile server. */
async function initMap() {
  const map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 12, zoomSnap: 0.5 }).setView([30, 20], 2);
  home.map = map;
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth via world-atlas · Leaflet");
  if (!home.world) {
    const topo = await (await fetch("/static/data/countries-50m.json")).json();
    home.world = topojson.feature(topo, topo.objects.countries);
  }
  L.geoJSON(home.world, {
    style: { color: "#b9c2cc", weight: 0.6, fillColor: "#fbfbf8", fillOpacity: 1 }, interactive: false,
  }).addTo(map);
  home.cluster = L.markerClusterGroup({
    maxClusterRadius: 40, showCoverageOnHover: false,
    iconCreateFunction: (cluster) => {
      const counts = {};
      for (const m of cluster.getAllChildMarkers()) counts[m.options.eventType] = (counts[m.options.eventType] || 0) + 1;
      const top = Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0];
      const n = cluster.getChildCount();
      const size = 22 + Math.min(22, Math.round(Math.log2(n) * 4));
      const icon = L.divIcon({ className: "marker-cluster-custom", html: "", iconSize: [size, size] });
      icon.createIcon = function () {
        const div = el("div", { title: `${n} events, mostly ${top}`,
          style: { width: `${size}px`, height: `${size}px`, background: COLOURS[top] } }, String(n));
        this._setIconStyles(div, "icon");
        return div;
      };
      return icon;
    },
  });
  map.addLayer(home.cluster);
  if (home.pendingPoints) drawPoints(home.pendingPoints);
}
function drawPoints(points) {
  if (!home.cluster) { home.pendingPoints = points; return; }
  home.cluster.clearLayers();
  const markers = points.map(([id, lat, lon, type, sources, modality]) => {
    const marker = L.circleMarker([lat, lon], {
      radius: 5 + 3 * Math.log2(sources || 1), color: "#fff", weight: 1, fillColor: COLOURS[type] || "#555",
      fillOpacity: modality === "asserted" ? 0.9 : 0.55, eventType: type,
    });
    marker.bindPopup(() => popupFor(id), { minWidth: 240 });
    return marker;
  });
  home.cluster.addLayers(markers);
}
function popupFor(id) {
  const box = el("div", { class: "popup", text: "loading…" });
  api(`events/${encodeURIComponent(id)}`).then(({ data }) => {
    clear(box).append(
      el("div", {}, badge(data.type), " ", el("span", { class: "mod", text: data.modality })),
      el("div", { class: "line", text: `${actorName(data.source)} → ${actorName(data.target)}` }),
      el("div", { class: "line", text: `${(data.places[0] || {}).name || "?"}, ${when(data.date)}` }),
      el("a", { href: `#/event/${encodeURIComponent(id)}`, text: "open the event →" }));
  });
  return box;
}

/* The timeline: stacked bars by type, per day (or week or month when the range is long). */
function drawTimeline(stats, filters) {
  const box = clear(document.getElementById("timeline"));
  const days = stats.days;
  if (!days.length) { box.appendChild(el("div", { class: "empty", text: "No dated events." })); return; }
  const DAY = 86400000;
  const t = (s) => Date.parse(s + "T00:00:00Z");
  const first = t(days[0].date), last = t(days[days.length - 1].date);
  const span = (last - first) / DAY + 1;
  const unit = span > 1500 ? "month" : span > 240 ? "week" : "day";
  const binStart = (ms) => {
    const d = new Date(ms);
    if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    if (unit === "week") return ms - ((d.getUTCDay() + 6) % 7) * DAY;
    return ms;
  };
  const binEnd = (start) => {
    const d = new Date(start);
    if (unit === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) - DAY;
    return start + (unit === "week" ? 6 : 0) * DAY;
  };
  const bins = new Map();
  for (const d of days) {
    const key = binStart(t(d.date));
    if (!bins.has(key)) bins.set(key, {});
    bins.get(key)[d.type] = (bins.get(key)[d.type] || 0) + d.count;
  }
  const lo = binStart(first), hi = binEnd(binStart(last)) + DAY;
  const width = box.clientWidth - 20 || 800, height = 130, pad = { l: 28, r: 6, t: 8, b: 18 };
  const x = (ms) => pad.l + ((ms - lo) / (hi - lo)) * (width - pad.l - pad.r);
  const max = Math.max(...[...bins.values()].map((b) => Object.values(b).reduce((a, c) => a + c, 0)));
  const y = (v) => (v / max) * (height - pad.t - pad.b);
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: "none", id: "timeline-svg" });
  for (const [start, counts] of bins) {
    let base = height - pad.b;
    const x0 = x(start), w = Math.max(1.5, x(binEnd(start) + DAY) - x0 - 0.5);
    for (const type of TYPES) {
      if (!counts[type]) continue;
      const h = y(counts[type]);
      base -= h;
      const rect = svg("rect", { x: x0, y: base, width: w, height: h, fill: COLOURS[type] });
      const title = svg("title", {});
      title.textContent = `${new Date(start).toISOString().slice(0, 10)} (${unit}): ${counts[type]} ${type}`;
      rect.appendChild(title);
      root.appendChild(rect);
    }
  }
  const axis = svg("g", { class: "axis" });
  const ticks = 6;
  for (let i = 0; i <= ticks; i++) {
    const ms = lo + ((hi - lo) * i) / ticks;
    const label = svg("text", { x: x(ms), y: height - 4, "text-anchor": i === 0 ? "start" : i === ticks ? "end" : "middle" });
    label.textContent = new Date(ms).toISOString().slice(0, unit === "month" ? 7 : 10);
    axis.appendChild(label);
  }
  const maxLabel = svg("text", { x: 2, y: pad.t + 8 }); maxLabel.textContent = String(max);
  axis.appendChild(maxLabel);
  root.appendChild(axis);
  /* the brush: drag to choose a period, which filters the map and the list */
  const brush = svg("rect", { class: "brush", y: pad.t, height: height - pad.t - pad.b, x: 0, width: 0, visibility: "hidden" });
  root.appendChild(brush);
  const toMs = (clientX) => {
    const r = root.getBoundingClientRect();
    const px = ((clientX - r.left) / r.width) * width;
    return lo + ((px - pad.l) / (width - pad.l - pad.r)) * (hi - lo);
  };
  const day = (ms) => new Date(Math.max(lo, Math.min(hi - DAY, ms))).toISOString().slice(0, 10);
  if (filters.since || filters.until) {
    const a = filters.since ? t(filters.since) : lo, b = filters.until ? t(filters.until) + DAY : hi;
    brush.setAttribute("x", x(a)); brush.setAttribute("width", Math.max(1, x(b) - x(a)));
    brush.setAttribute("visibility", "visible");
  }
  let startMs = null;
  root.addEventListener("mousedown", (e) => { startMs = toMs(e.clientX); e.preventDefault(); });
  root.addEventListener("mousemove", (e) => {
    if (startMs === null) return;
    const a = Math.min(startMs, toMs(e.clientX)), b = Math.max(startMs, toMs(e.clientX));
    brush.setAttribute("x", x(a)); brush.setAttribute("width", Math.max(1, x(b) - x(a)));
    brush.setAttribute("visibility", "visible");
  });
  window.addEventListener("mouseup", function up(e) {
    window.removeEventListener("mouseup", up);
    if (startMs === null) return;
    const endMs = toMs(e.clientX);
    const a = Math.min(startMs, endMs), b = Math.max(startMs, endMs);
    startMs = null;
    const next = Object.assign({}, home.filters);
    if (b - a < DAY / 2) { delete next.since; delete next.until; } else { next.since = day(a); next.until = day(b); }
    setFilters(next);
  });
  box.appendChild(root);
  const brushed = filters.since || filters.until ? `${filters.since || "…"} to ${filters.until || "…"} · click to clear` : "drag to choose a period";
  box.appendChild(el("div", { class: "hint", text: `events per ${unit} by type · ${stats.total} events (${stats.undated} undated) · ${brushed}` }));
}

async function loadList(filters, cursor) {
  const rows = document.getElementById("list-rows");
  if (!cursor) clear(rows);
  const old = rows.querySelector(".more"); if (old) old.remove();
  const page = await api("events", Object.assign({}, filters, { limit: 100 }, cursor ? { cursor } : {}));
  if (!cursor) {
    const total = (await api("stats", filters)).data.total;
    document.getElementById("list-count").textContent = `${total} event${total === 1 ? "" : "s"}`;
  }
  for (const e of page.data) {
    const place = e.places[0] ? e.places[0].name : null;
    rows.appendChild(el("a", { class: "ev", href: `#/event/${encodeURIComponent(e.id)}`, "data-event": e.id },
      el("div", { class: "meta" }, badge(e.type), el("span", { text: when(e.date) }), place && el("span", { text: place }),
        el("span", { class: `mod ${e.modality}`, text: e.modality }),
        el("span", { text: e.article.source || e.article.id })),
      el("div", { class: "line", text: `${actorName(e.source)} → ${e.trigger.text} → ${actorName(e.target)}` })));
  }
  if (!page.data.length && !cursor) rows.appendChild(el("div", { class: "ev empty", text: "No event matches these filters." }));
  if (page.meta.next_cursor) {
    rows.appendChild(el("button", { class: "more", text: "Load more", onclick: () => loadList(filters, page.meta.next_cursor) }));
  }
}

/* --- the event page --- */
async function eventPage(view, id) {
  home.root = null;
  const e = (await api(`events/${encodeURIComponent(id)}`)).data;
  const art = e.article.id;
  const actorLink = (actor, kind) => actor
    ? evidenceLink(actorName(actor), art, actor.start, actor.end, kind) : el("span", { class: "empty", text: "not said" });
  const place = e.places[0];
  const headline = el("h1", {},
    actorLink(e.source, "source"), " ",
    evidenceLink(e.trigger.text, art, e.trigger.start, e.trigger.end, "trigger"), " ",
    e.target ? actorLink(e.target, "target") : "", place ? " in " : "",
    place ? evidenceLink(place.name, art, place.start, place.end, "place") : "",
    e.date ? ", " : "", e.date ? evidenceLink(when(e.date), art, e.date.start_offset, e.date.end_offset, "date") : "");
  const according = e.according_to.length
    ? e.according_to.map((a, i) => [i ? "; " : "", evidenceLink(actorName(a) + (a.role ? ` (${a.role})` : ""), art, a.start, a.end, "according_to")])
    : [el("span", { text: "the article itself" })];
  const facts = el("table", {}, el("tbody", {},
    row("Who", actorLink(e.source, "source")),
    row("Did what", [badge(e.type), " ", e.mode ? `${e.mode} · ` : "", evidenceLink(`“${e.trigger.text}”`, art, e.trigger.start, e.trigger.end, "trigger"),
      e.context.length ? ` · context: ${e.context.join(", ")}` : ""]),
    row("To whom", actorLink(e.target, "target")),
    row("Where", e.places.length ? e.places.map((p, i) => [i ? "; " : "", evidenceLink(`${p.name} (${p.country || "?"}, ${p.precision})`, art, p.start, p.end, "place")]) : el("span", { class: "empty", text: "not said" })),
    row("When", e.date ? [evidenceLink(when(e.date), art, e.date.start_offset, e.date.end_offset, "date"), ` (${e.date.precision}${e.date.text ? `, from “${e.date.text}”` : ""})`] : el("span", { class: "empty", text: "not said" })),
    row("Modality", [el("strong", { text: e.modality }), ` — ${MODALITY_WORDS[e.modality] || ""}`]),
    row("According to", according),
    row("Evidence", evidenceLink(e.evidence.text.trim(), art, e.evidence.start, e.evidence.end, "evidence")),
    row("Confidence", `${Math.round(e.confidence * 100)} %`),
  ));
  const reports = el("table", {},
    el("thead", {}, el("tr", {}, ["Article", "Source", "Published", "Language", "Modality"].map((h) => el("th", { text: h })))),
    el("tbody", {}, e.reports.map((r) => el("tr", {},
      el("td", {}, el("a", { href: `#/article/${encodeURIComponent(r.article.id)}`, text: r.article.title || r.article.id })),
      el("td", { text: r.article.source || "" }), el("td", { text: r.article.published || "" }),
      el("td", { text: r.article.language }), el("td", { text: r.modality })))));
  const claims = e.claims.length ? el("table", { id: "claims" },
    el("thead", {}, el("tr", {}, ["What", "Figure", "Asserted by", "Modality", "Text"].map((h) => el("th", { text: h })))),
    el("tbody", {}, e.claims_side_by_side.flatMap((group) => group.claims.map((c) => el("tr", { class: "claim" },
      el("td", { text: group.what }), el("td", {}, el("strong", { text: claimValue(c) })),
      el("td", {}, c.according_to ? evidenceLink(actorName(c.according_to), c.article_id, c.according_to.start, c.according_to.end, "according_to") : el("span", { class: "empty", text: "the article" })),
      el("td", { text: c.modality }),
      el("td", {}, evidenceLink(c.text, c.article_id, c.start, c.end, "claim")))))))
    : el("p", { class: "empty", text: "No figure is given for this event." });
  const bySpeaker = new Map();
  for (const q of e.quotes) {
    const name = q.speaker ? actorName(q.speaker) : "unknown speaker";
    if (!bySpeaker.has(name)) bySpeaker.set(name, []);
    bySpeaker.get(name).push(q);
  }
  const quotes = bySpeaker.size ? [...bySpeaker].map(([name, qs]) => el("div", {},
    el("div", { class: "speaker", text: name }),
    qs.map((q) => el("blockquote", {}, evidenceLink(`“${q.text}”`, q.article_id, q.start, q.end, "quote"),
      el("div", { class: "mod", style: { display: "inline-block", marginLeft: "6px" }, text: [q.kind, q.verb, q.channel].filter(Boolean).join(" · ") })))))
    : [el("p", { class: "empty", text: "No quote is tied to this event." })];
  clear(view).appendChild(el("div", { class: "page", id: "event-page" },
    el("div", { class: "crumbs" }, el("a", { href: "#/", text: "← events" }), ` · event ${e.id} · cluster ${e.cluster_id}`),
    headline,
    el("div", { class: "sub" }, `${e.num_sources} source${e.num_sources === 1 ? "" : "s"}, ${e.num_articles} article${e.num_articles === 1 ? "" : "s"} · click any underlined field to see it in the article`),
    el("div", { class: "cols" },
      el("section", {}, el("h2", { text: "Who did what to whom, where, when" }), facts),
      el("section", {}, el("h2", { text: "Quotes, by speaker" }), quotes)),
    el("section", {}, el("h2", { text: "Claims side by side" }), claims),
    el("section", {}, el("h2", { text: `Reports (${e.reports.length})` }), reports,
      el("p", { class: "empty", text: e.merge_reasons.length ? `Merged because: ${e.merge_reasons.map((r) => r.summary || String(r)).join("; ")}` : "One report: not merged with other articles." }))));
}
function row(key, value) { return el("tr", {}, el("td", { class: "k", text: key }), el("td", {}, value)); }

/* --- the article page: the text as written, every span highlighted --- */
const KIND_ORDER = ["evidence", "quote", "actor", "place", "date", "claim", "trigger"];
const KIND_LABEL = { evidence: "event evidence", quote: "quotes", actor: "actors", place: "places", date: "dates", claim: "claims", trigger: "triggers" };

async function articlePage(view, id, params) {
  home.root = null;
  const a = (await api(`articles/${encodeURIComponent(id)}`)).data;
  let hl = null;
  const m = /^(\d+)-(\d+)$/.exec(params.get("hl") || "");
  if (m) hl = { start: Number(m[1]), end: Number(m[2]) };
  const text = el("div", { class: "text", id: "article-text", lang: a.language });
  renderSpans(text, a.text, a.spans, hl);
  const keys = el("div", { class: "keys" }, KIND_ORDER.slice().reverse().map((k) => el("span", { class: `s-${k}`, text: KIND_LABEL[k] })));
  const side = el("div", { class: "side" },
    el("section", {}, el("h2", { text: `Events (${a.events.length})` }),
      el("ul", {}, a.events.map((e) => el("li", {}, badge(e.type), " ",
        el("a", { href: `#/event/${encodeURIComponent(e.id)}`, text: `${actorName(e.source)} → ${e.trigger.text} → ${actorName(e.target)}` }))))),
    el("section", {}, el("h2", { text: `Quotes (${a.quotes.length})` }),
      el("ul", {}, a.quotes.map((q) => el("li", {}, el("strong", { text: q.speaker ? q.speaker.name : "unknown" }), ": ",
        evidenceLink(q.text.length > 90 ? q.text.slice(0, 88) + "…" : q.text, a.id, q.start, q.end, "quote"))))),
    el("section", {}, el("h2", { text: `Claims (${a.claims.length})` }),
      el("ul", {}, a.claims.map((c) => el("li", {}, `${c.what}: `, el("strong", { text: claimValue(c) }),
        ` (${c.according_to ? c.according_to.name : "the article"}) `, evidenceLink("↗", a.id, c.start, c.end, "claim"))))));
  clear(view).appendChild(el("div", { class: "page", id: "article-page" },
    el("div", { class: "crumbs" }, el("a", { href: "#/", text: "← events" }), ` · article ${a.id}`),
    el("h1", { id: "article-title", text: a.title || a.id }),
    el("div", { class: "sub" }, [a.source, a.published, a.language === "fr" ? "French" : "English"].filter(Boolean).join(" · "),
      /^https?:\/\//i.test(a.url || "") ? [" · ", el("a", { href: a.url, rel: "noopener noreferrer", target: "_blank", text: "original" })] : ""),
    el("div", { class: "article" }, el("section", {}, keys, text), side)));
  const lit = text.querySelector(".hl");
  if (lit) lit.scrollIntoView({ block: "center" });
}

/* Cut the text at every span boundary; each piece carries the classes of the spans over it. */
function renderSpans(box, text, spans, hl) {
  const cuts = new Set([0, text.length]);
  const all = spans.slice();
  if (hl) all.push({ kind: "hl", start: hl.start, end: hl.end, label: "the field you clicked" });
  for (const s of all) { cuts.add(Math.max(0, Math.min(text.length, s.start))); cuts.add(Math.max(0, Math.min(text.length, s.end))); }
  const points = [...cuts].sort((p, q) => p - q);
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i], end = points[i + 1];
    const over = all.filter((s) => s.start <= start && s.end >= end);
    const piece = text.slice(start, end);
    if (!over.length) { box.appendChild(document.createTextNode(piece)); continue; }
    const kinds = new Set(over.map((s) => s.kind));
    const classes = KIND_ORDER.filter((k) => kinds.has(k)).map((k) => `s-${k}`);
    if (kinds.has("hl")) classes.push("hl");
    const labels = [...new Set(over.filter((s) => s.kind !== "evidence" || over.length === 1).map((s) => `${s.kind}: ${s.label}`))];
    box.appendChild(el("span", { class: classes.join(" "), title: labels.join("\n"), "data-start": start, "data-end": end }, piece));
  }
}
