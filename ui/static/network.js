/* The Graph tab's network page; ui/app/network.py builds the page around this script.
 *
 * fcose spreads the clusters. Labels keep one on-screen size at every zoom and are drawn
 * only where they cover neither another label nor another node: the incentive types and
 * regions first, the measures once the view is zoomed in; hovering shows any node's name.
 * A click lists the node's measures with their citations in the side list, as text.
 */
(function () {
  "use strict";
  const LABEL_PX = 13; // on-screen label size, whatever the zoom
  const MAX_LABEL_PX = 180; // a longer name is cut short until hovered
  const MEASURE_ZOOM = 1.5; // measures get labels from this many times the fitted zoom,
  const FULL_SIZE = 1; // or from this zoom, where nodes and edges have their model sizes
  const MAX_FIT_ZOOM = 1.25; // a network of a few nodes is not blown up to fill the canvas
  const PADDING = 36;
  const PRIORITY = { IncentiveType: 0, Region: 1, Measure: 2 };

  const elements = JSON.parse(document.getElementById("pk-elements").textContent);
  const vocab = JSON.parse(document.getElementById("pk-vocab").textContent);
  const details = document.getElementById("details");
  const measureText = document.createElement("canvas").getContext("2d");
  measureText.font = `${LABEL_PX}px "WenQuanYi Micro Hei", sans-serif`;

  // Sizes in model units that look the same on screen at any zoom.
  const onScreen = (px) => (element) => px / element.cy().zoom();
  const cy = cytoscape({
    container: document.getElementById("cy"),
    elements: elements,
    minZoom: 0.1,
    maxZoom: 8,
    style: [
      { selector: "node", style: {
        "background-color": "data(colour)", "label": "", "width": 14, "height": 14,
        "border-width": 1, "border-color": "#fff",
        "font-family": "WenQuanYi Micro Hei, sans-serif", "font-size": onScreen(LABEL_PX),
        "text-valign": "bottom", "text-margin-y": onScreen(2), "color": "#222",
        "text-outline-color": "#fff", "text-outline-width": onScreen(2),
        "text-wrap": "ellipsis", "text-max-width": onScreen(MAX_LABEL_PX) } },
      { selector: "node[kind = 'Region']", style: {
        "shape": "round-rectangle", "width": 22, "height": 16 } },
      { selector: "node[kind = 'IncentiveType']", style: {
        "shape": "diamond", "width": 26, "height": 26, "font-weight": "bold" } },
      { selector: "node.labelled", style: { "label": "data(label)",
        "text-background-color": "#fff", "text-background-opacity": 0.85 } },
      { selector: "node.at-top", style: { "text-valign": "top", "text-margin-y": onScreen(-2) } },
      { selector: "node.at-right", style: {
        "text-valign": "center", "text-halign": "right", "text-margin-x": onScreen(3) } },
      { selector: "node.at-left", style: {
        "text-valign": "center", "text-halign": "left", "text-margin-x": onScreen(-3) } },
      { selector: "node.hover, node:selected", style: {
        "label": "data(label)", "z-index": 99, "text-wrap": "wrap",
        "text-background-color": "#fff", "text-background-opacity": 0.95,
        "text-background-padding": onScreen(2), "border-color": "#000", "border-width": 2 } },
      { selector: "edge", style: { "width": 1, "line-color": "#c8c8c8", "curve-style": "haystack" } },
      { selector: "edge[relation = 'inRegion']", style: { "line-color": "#9a9a9a" } },
      { selector: "edge[status = 'required']", style: { "line-style": "dashed" } },
      { selector: "edge[status = 'recommended']", style: { "line-style": "dotted" } },
      { selector: ".faded", style: { "opacity": 0.15 } },
    ],
    layout: { name: "preset" },
  });

  // A fixed seed: the same filters draw the same picture every time.
  function seeded(seed) {
    return function () {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function layOut() {
    const random = Math.random;
    Math.random = seeded(20240611);
    try {
      cy.layout({
        name: elements.length > 3000 ? "grid" : "fcose",
        quality: "proof", animate: false, fit: false, randomize: true,
        nodeRepulsion: () => 9000, idealEdgeLength: () => 70, nodeSeparation: 90,
        gravity: 0.2, numIter: 4000, packComponents: true,
      }).run();
    } finally {
      Math.random = random;
    }
    stretchToView();
    fit();
  }

  function fit() {
    cy.fit(undefined, PADDING);
    if (cy.zoom() > MAX_FIT_ZOOM) {
      cy.zoom(MAX_FIT_ZOOM);
      cy.center();
    }
  }

  // fcose lays out a roughly round network; the canvas is wide. Stretching it sideways
  // (at most twice) gives the nodes and their labels the room the canvas has.
  function stretchToView() {
    const box = cy.nodes().boundingBox();
    if (box.w === 0 || box.h === 0) return;
    const stretch = Math.min(2, Math.max(1, (cy.width() / cy.height()) / (box.w / box.h)));
    cy.nodes().positions((node) => ({ x: node.position("x") * stretch, y: node.position("y") }));
  }

  function textWidth(text) {
    return Math.min(measureText.measureText(text).width, MAX_LABEL_PX);
  }

  // Where a node's label would be drawn at each place tried, in on-screen pixels.
  const PLACES = ["at-bottom", "at-top", "at-right", "at-left"];
  function labelBox(node, place) {
    const p = node.renderedPosition();
    // Wider and taller than the text: its outline and margins (cytoscape measures ~1.7 × size).
    const w = textWidth(node.data("label")) + 10, h = LABEL_PX * 1.5 + 4;
    const rx = node.renderedWidth() / 2 + 3, ry = node.renderedHeight() / 2 + 1;
    if (place === "at-bottom") return { x1: p.x - w / 2, x2: p.x + w / 2, y1: p.y + ry, y2: p.y + ry + h };
    if (place === "at-top") return { x1: p.x - w / 2, x2: p.x + w / 2, y1: p.y - ry - h, y2: p.y - ry };
    if (place === "at-right") return { x1: p.x + rx, x2: p.x + rx + w, y1: p.y - h / 2, y2: p.y + h / 2 };
    return { x1: p.x - rx - w, x2: p.x - rx, y1: p.y - h / 2, y2: p.y + h / 2 };
  }

  function nodeBox(node) {
    const p = node.renderedPosition();
    const w = node.renderedWidth() / 2, h = node.renderedHeight() / 2;
    return { x1: p.x - w, x2: p.x + w, y1: p.y - h, y2: p.y + h };
  }

  // Boxes closer than this overlap: the estimate of where cytoscape draws a label (its
  // bold weight, outline and margins) is off by a few pixels either way.
  const LABEL_GAP = 6;
  const overlaps = (a, b) => a.x1 < b.x2 + LABEL_GAP && b.x1 < a.x2 + LABEL_GAP &&
    a.y1 < b.y2 + LABEL_GAP && b.y1 < a.y2 + LABEL_GAP;

  function placeLabels() {
    const view = { x1: 0, y1: 0, x2: cy.width(), y2: cy.height() };
    const bodies = cy.nodes().map((n) => [n, nodeBox(n)]);
    const placed = [];
    const chosen = new Map();
    const inView = (b) => b.x1 >= view.x1 && b.x2 <= view.x2 && b.y1 >= view.y1 && b.y2 <= view.y2;
    const free = (node, box, strict) => inView(box) && !placed.some((b) => overlaps(box, b)) &&
      !(strict && bodies.some(([other, body]) => other !== node && overlaps(box, body)));
    const place = (nodes, strict) => nodes.forEach((node) => {
      if (chosen.has(node.id())) return;
      const at = PLACES.find((where) => free(node, labelBox(node, where), strict));
      if (!at) return;
      chosen.set(node.id(), at);
      placed.push(labelBox(node, at));
    });
    const byDegree = (a, b) => b.degree() - a.degree();
    const hubs = cy.nodes('[kind != "Measure"]').sort((a, b) =>
      PRIORITY[a.data("kind")] - PRIORITY[b.data("kind")] || byDegree(a, b));
    // A type or region may cover a measure's dot rather than go unnamed (on a white ground);
    // a measure is named only where it covers nothing, and only once the view is zoomed in.
    place(hubs, true);
    place(hubs, false);
    if (cy.zoom() >= labelZoom) place(cy.nodes('[kind = "Measure"]').sort(byDegree), true);
    cy.batch(() => cy.nodes().forEach((node) => {
      const at = chosen.get(node.id());
      node.toggleClass("labelled", Boolean(at));
      PLACES.forEach((where) => node.toggleClass(where, where === at));
    }));
  }

  function refreshSizes() {
    cy.nodes().updateStyle();
    placeLabels();
  }

  function text(tag, content, className) {
    const element = document.createElement(tag);
    element.textContent = content;
    if (className) element.className = className;
    return element;
  }

  function rowItem(row) {
    const item = document.createElement("li");
    const type = vocab.types[row.type] || [row.type, "", "#333"];
    const status = vocab.statuses[row.status] || [row.status, ""];
    const name = text("div", row.measure, "pk-measure");
    name.append(" ", text("span", row.measure_en, "pk-en"));
    const swatch = text("span", "", "pk-swatch");
    swatch.style.background = type[2];
    const meta = document.createElement("div");
    meta.className = "pk-meta";
    meta.append(swatch, `${type[0]} ${type[1]} · ${status[0]} ${status[1]}`);
    if (row.regions.length) meta.append(` · ${row.regions.join("、")}`);
    const source = text("div", `《${row.document}》 ${row.locator}`, "pk-source");
    item.append(name, meta, text("blockquote", `“${row.quote}”`, "pk-quote"), source);
    return item;
  }

  function showDetails(node) {
    const kind = vocab.kinds[node.data("kind")] || [node.data("kind"), ""];
    const rows = node.data("rows");
    details.replaceChildren(
      text("h3", node.data("label")),
      text("p", `${node.data("label_en")} · ${kind[0]} ${kind[1]} ${node.data("detail")}`, "pk-en"),
      text("p", `${node.data("measures")} 项措施 measures · ${rows.length} 条引文 citations`,
        "pk-count"),
    );
    const list = document.createElement("ol");
    list.id = "pk-rows";
    rows.forEach((row) => list.append(rowItem(row)));
    details.append(list);
  }

  cy.on("mouseover", "node", (event) => {
    const node = event.target;
    node.addClass("hover");
    cy.elements().not(node.closedNeighborhood()).addClass("faded");
  });
  function unhover() {
    cy.nodes().removeClass("hover");
    cy.elements().removeClass("faded");
  }
  cy.on("mouseout", "node", unhover);
  // Leaving the canvas straight from a node fires no mouseout on the node.
  document.getElementById("cy").addEventListener("mouseleave", unhover);
  cy.on("tap", "node", (event) => showDetails(event.target));

  let pending = false;
  cy.on("viewport", () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      refreshSizes();
    });
  });
  document.getElementById("fit").addEventListener("click", fit);

  layOut();
  const fitZoom = cy.zoom();
  const labelZoom = Math.min(fitZoom * MEASURE_ZOOM, FULL_SIZE);
  refreshSizes();
  window.pkCy = cy;
  window.pkFitZoom = fitZoom;
  window.pkLabelZoom = labelZoom;
  window.pkNodeCount = cy.nodes().length;
  window.pkReady = true;
})();
