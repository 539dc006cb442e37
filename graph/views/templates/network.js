/* parkkg network page: legend, filters, search, details. Article text is only
   ever set with textContent (never parsed as HTML). */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("pk-data").textContent);
  var meta = data.meta;
  var lang = "zh";
  var hiddenClasses = {};
  var industry = "";
  var classNames = {};
  var relationNames = {};
  data.classes.forEach(function (c) { classNames[c.cls] = c; });
  data.relations.forEach(function (r) { relationNames[r.relation] = r; });

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function className(cls) {
    var c = classNames[cls];
    return c ? c.zh + " " + c.en : (cls || "其他 Other");
  }
  function relationName(rel) {
    var r = relationNames[rel];
    return r ? r.zh + " " + r.en : rel;
  }
  function label(id) {
    var m = meta.nodes[id];
    if (!m) { return String(id); }
    return lang === "en" && m.label_en ? m.label_en : m.label_zh;
  }
  function short(text, n) { return text.length > n ? text.slice(0, n) + "…" : text; }

  // ---------------------------------------------------------------- tooltips (DOM elements, text only)
  function nodeTip(id) {
    var m = meta.nodes[id];
    var d = el("div", "pk-tip");
    d.appendChild(el("strong", null, m.label_zh));
    if (m.label_en) { d.appendChild(el("div", "pk-en", m.label_en)); }
    d.appendChild(el("div", null, className(m.cls)));
    if (m.industries.length) { d.appendChild(el("div", null, "产业 Industry: " + m.industries.join("、"))); }
    return d;
  }
  function edgeTip(id) {
    var m = meta.edges[id];
    var d = el("div", "pk-tip");
    d.appendChild(el("strong", null, relationName(m.relation)));
    d.appendChild(el("div", null, label(m.source) + (m.directed ? " → " : " — ") + label(m.target)));
    if (m.evidence) { d.appendChild(el("div", "pk-ev", short(m.evidence, 160))); }
    if (m.document) { d.appendChild(el("div", "pk-en", m.document)); }
    return d;
  }

  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    var c = Object.assign({}, n);
    c.title = nodeTip(n.id);
    return c;
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    var c = Object.assign({}, e);
    c.title = edgeTip(e.id);
    return c;
  }));

  function nodeVisible(item) {
    var m = meta.nodes[item.id];
    if (hiddenClasses[m.cls]) { return false; }
    if (industry && m.industries.indexOf(industry) < 0) { return false; }
    return true;
  }
  var nodeView = new vis.DataView(nodes, { filter: nodeVisible });
  var edgeView = new vis.DataView(edges, {
    filter: function (e) { return nodeVisible({ id: e.from }) && nodeVisible({ id: e.to }); }
  });

  var container = document.getElementById("pk-network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);

  // neighbours: node id -> [edge id]
  var incident = {};
  Object.keys(meta.edges).forEach(function (eid) {
    var m = meta.edges[eid];
    (incident[m.source] = incident[m.source] || []).push(eid);
    (incident[m.target] = incident[m.target] || []).push(eid);
  });

  // ---------------------------------------------------------------- details panel
  var details = document.getElementById("pk-details-body");
  function dl(rows) {
    var list = el("dl");
    rows.forEach(function (r) {
      if (r[1] === "" || r[1] === null || r[1] === undefined) { return; }
      list.appendChild(el("dt", null, r[0]));
      list.appendChild(el("dd", null, r[1]));
    });
    return list;
  }
  function linkButton(text, onClick) {
    var b = el("button", null, text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }
  function showNode(id) {
    var m = meta.nodes[id];
    if (!m) { return; }
    clear(details);
    details.setAttribute("data-kind", "node");
    details.setAttribute("data-id", id);
    details.appendChild(el("h3", null, m.label_zh));
    if (m.label_en) { details.appendChild(el("div", "pk-en", m.label_en)); }
    details.appendChild(dl([
      ["类别 Class", className(m.cls)],
      ["产业 Industry", m.industries.join("、")],
      ["度 Degree", m.degree],
      ["度中心性 Degree centrality", m.degree_centrality.toFixed(3)],
      ["介数 Betweenness", m.betweenness.toFixed(3)],
      ["社区 Community", m.community],
      ["连通分量 Component", m.component],
      ["IRI", m.iri]
    ]));
    var around = incident[id] || [];
    if (around.length) {
      details.appendChild(el("div", null, "关系 Relations (" + around.length + ")"));
      var ul = el("ul");
      around.forEach(function (eid) {
        var e = meta.edges[eid];
        var other = e.source === id ? e.target : e.source;
        var li = el("li");
        li.appendChild(el("span", null, relationName(e.relation) + (e.source === id ? " → " : " ← ")));
        li.appendChild(linkButton(label(other), function () { selectNode(other); }));
        ul.appendChild(li);
      });
      details.appendChild(ul);
    }
  }
  function showEdge(id) {
    var m = meta.edges[id];
    if (!m) { return; }
    clear(details);
    details.setAttribute("data-kind", "edge");
    details.setAttribute("data-id", id);
    details.appendChild(el("h3", null, relationName(m.relation)));
    details.appendChild(el("div", null, label(m.source) + (m.directed ? " → " : " — ") + label(m.target)));
    if (m.relations.length > 1) {
      details.appendChild(el("div", "pk-doc", "全部关系 All relations: " + m.relations.map(relationName).join("; ")));
    }
    var statements = m.statements.length ? m.statements : [{ relation: m.relation, text: m.evidence, document: m.document, via: "" }];
    statements.forEach(function (s) {
      details.appendChild(el("div", "pk-doc", "依据 Evidence · " + relationName(s.relation) + (s.via ? " · 经由 via " + s.via : "")));
      details.appendChild(el("blockquote", "pk-evidence", s.text || "（无句子 no sentence recorded）"));
      if (s.document) { details.appendChild(el("div", "pk-doc", "文档 Document: " + s.document)); }
    });
  }

  function selectNode(id) {
    if (!nodeVisible({ id: id })) { resetFilters(); }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    showNode(id);
  }

  network.on("click", function (params) {
    if (params.nodes.length) { showNode(params.nodes[0]); }
    else if (params.edges.length) { showEdge(params.edges[0]); }
  });

  // ---------------------------------------------------------------- search
  var results = document.getElementById("pk-results");
  var searchBox = document.getElementById("pk-search");
  function search(query) {
    var q = String(query || "").trim().toLowerCase();
    clear(results);
    if (!q) { return []; }
    var hits = Object.keys(meta.nodes).filter(function (id) {
      var m = meta.nodes[id];
      return (m.label_zh + "\n" + m.label_en).toLowerCase().indexOf(q) >= 0;
    });
    hits.sort(function (a, b) {
      var la = meta.nodes[a].label_zh, lb = meta.nodes[b].label_zh;
      var pa = la.toLowerCase().indexOf(q) === 0 ? 0 : 1, pb = lb.toLowerCase().indexOf(q) === 0 ? 0 : 1;
      return pa - pb || la.length - lb.length || (la < lb ? -1 : la > lb ? 1 : 0);
    });
    results.appendChild(el("li", "pk-hint", hits.length ? "找到 " + hits.length + " 个 · " + hits.length + " found" : "未找到 · nothing found"));
    hits.slice(0, 20).forEach(function (id) {
      var li = el("li");
      li.appendChild(linkButton(meta.nodes[id].label_zh + (meta.nodes[id].label_en ? " · " + meta.nodes[id].label_en : ""), function () { selectNode(id); }));
      results.appendChild(li);
    });
    if (hits.length) { selectNode(hits[0]); }
    return hits;
  }
  searchBox.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { search(searchBox.value); } });
  document.getElementById("pk-search-go").addEventListener("click", function () { search(searchBox.value); });

  // ---------------------------------------------------------------- filters and legend
  var count = document.getElementById("pk-count");
  function refresh() {
    nodeView.refresh();
    edgeView.refresh();
    count.textContent = nodeView.length + "/" + nodes.length + " 节点 nodes · " + edgeView.length + "/" + edges.length + " 连线 edges";
  }
  var classBoxes = [];
  function resetFilters() {
    hiddenClasses = {};
    industry = "";
    industrySelect.value = "";
    classBoxes.forEach(function (b) { b.checked = true; b.parentNode.classList.remove("pk-off"); });
    refresh();
  }

  var SVG = "http://www.w3.org/2000/svg";
  function swatch(shape, colour) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "18");
    svg.setAttribute("height", "18");
    svg.setAttribute("viewBox", "-9 -9 18 18");
    var s;
    var pts = null;
    if (shape === "dot") { s = document.createElementNS(SVG, "circle"); s.setAttribute("r", "6.5"); }
    else if (shape === "square") { s = document.createElementNS(SVG, "rect"); s.setAttribute("x", "-6"); s.setAttribute("y", "-6"); s.setAttribute("width", "12"); s.setAttribute("height", "12"); }
    else if (shape === "diamond") { pts = "0,-8 8,0 0,8 -8,0"; }
    else if (shape === "triangle") { pts = "0,-8 7.5,6 -7.5,6"; }
    else if (shape === "triangleDown") { pts = "0,8 7.5,-6 -7.5,-6"; }
    else if (shape === "hexagon") { pts = "7.5,0 3.75,6.5 -3.75,6.5 -7.5,0 -3.75,-6.5 3.75,-6.5"; }
    else if (shape === "star") { pts = "0,-8.5 2.2,-2.8 8.1,-2.6 3.5,1.1 5,7 0,3.6 -5,7 -3.5,1.1 -8.1,-2.6 -2.2,-2.8"; }
    else { s = document.createElementNS(SVG, "circle"); s.setAttribute("r", "6.5"); }
    if (pts) { s = document.createElementNS(SVG, "polygon"); s.setAttribute("points", pts); }
    s.setAttribute("fill", colour);
    s.setAttribute("stroke", "#333");
    s.setAttribute("stroke-width", "0.8");
    svg.appendChild(s);
    return svg;
  }
  function line(colour) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "24");
    svg.setAttribute("height", "10");
    var l = document.createElementNS(SVG, "line");
    l.setAttribute("x1", "1"); l.setAttribute("y1", "5"); l.setAttribute("x2", "23"); l.setAttribute("y2", "5");
    l.setAttribute("stroke", colour);
    l.setAttribute("stroke-width", "3");
    svg.appendChild(l);
    return svg;
  }

  var legendClasses = document.getElementById("pk-legend-classes");
  legendClasses.appendChild(el("div", "pk-hint", "类别（点击筛选）Classes (click to filter)"));
  data.classes.forEach(function (c) {
    var item = el("label", "pk-legend-item");
    item.setAttribute("data-cls", c.cls);
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.addEventListener("change", function () {
      if (box.checked) { delete hiddenClasses[c.cls]; item.classList.remove("pk-off"); }
      else { hiddenClasses[c.cls] = true; item.classList.add("pk-off"); }
      refresh();
    });
    classBoxes.push(box);
    item.appendChild(box);
    item.appendChild(swatch(c.shape, c.colour));
    item.appendChild(el("span", null, c.zh + " " + c.en));
    item.appendChild(el("span", "pk-n", "(" + c.count + ")"));
    legendClasses.appendChild(item);
  });
  var legendRelations = document.getElementById("pk-legend-relations");
  if (data.relations.length) { legendRelations.appendChild(el("div", "pk-hint", "关系 Relations")); }
  data.relations.forEach(function (r) {
    var item = el("div", "pk-legend-item");
    item.appendChild(line(r.colour));
    item.appendChild(el("span", null, r.zh + " " + r.en));
    item.appendChild(el("span", "pk-n", "(" + r.count + ")"));
    legendRelations.appendChild(item);
  });

  var industrySelect = document.getElementById("pk-industry");
  data.industries.forEach(function (name) {
    var o = el("option", null, name);
    o.value = name;
    industrySelect.appendChild(o);
  });
  industrySelect.disabled = data.industries.length === 0;
  industrySelect.addEventListener("change", function () { industry = industrySelect.value; refresh(); });

  // ---------------------------------------------------------------- physics and language
  var physicsBox = document.getElementById("pk-physics");
  physicsBox.checked = !!data.physics;
  physicsBox.addEventListener("change", function () { network.setOptions({ physics: { enabled: physicsBox.checked } }); });

  var langButton = document.getElementById("pk-lang");
  langButton.addEventListener("click", function () {
    lang = lang === "zh" ? "en" : "zh";
    langButton.textContent = lang === "zh" ? "English labels" : "中文标签";
    nodes.update(Object.keys(meta.nodes).map(function (id) { return { id: id, label: label(id) }; }));
    if (data.edges.length && data.edges[0].label !== undefined) {
      edges.update(Object.keys(meta.edges).map(function (id) {
        var r = relationNames[meta.edges[id].relation];
        return { id: id, label: r ? (lang === "en" ? r.en : r.zh) : meta.edges[id].relation };
      }));
    }
  });

  // ---------------------------------------------------------------- ready flag (tests and users)
  var api = {
    network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView,
    meta: meta, search: search, selectNode: selectNode, showNode: showNode, showEdge: showEdge, ready: false
  };
  window.parkkg = api;
  function ready() {
    if (!api.ready) { api.ready = true; document.body.setAttribute("data-ready", "1"); }
  }
  if (data.physics && nodes.length) {
    network.once("stabilizationIterationsDone", function () { network.fit({ animation: false }); ready(); });
  } else {
    network.once("afterDrawing", ready);
    if (!nodes.length) { ready(); }
  }
  refresh();
})();
