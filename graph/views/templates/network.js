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

  // ---------------------------------------------------------------- the overview of a large graph
  var OV = data.overview;  // null for a small graph
  var groups = {};  // group id -> group
  var groupTotal = {};  // group id -> links' counts by relation, per other group
  function groupTip(g) {
    var d = el("div", "pk-tip");
    d.appendChild(el("strong", null, lang === "en" ? g.label_en : g.label_zh));
    d.appendChild(el("div", null, g.members.length + " 个节点 nodes" + (g.industry ? " · " + g.industry : "")));
    d.appendChild(el("div", "pk-en", "点击展开 Click to expand"));
    return d;
  }
  function groupItem(g) {
    return {
      id: g.id, isGroup: true, label: lang === "en" ? g.label_en : g.label_zh, x: g.x, y: g.y, shape: "dot", size: g.size,
      color: { background: g.colour, border: "#333333", highlight: { background: g.colour, border: "#000000" }, hover: { background: g.colour, border: "#000000" } },
      font: { size: g.font, strokeWidth: Math.max(3, g.font / 5) }, borderWidth: 2, title: groupTip(g)
    };
  }
  var linkItems = [];
  if (OV) {
    OV.groups.forEach(function (g) { groups[g.id] = g; });
    var top = OV.links.reduce(function (a, l) { return Math.max(a, l.count); }, 1);
    var strong = OV.links.map(function (l) { return l.count; }).sort(function (a, b) { return b - a; })[Math.min(14, OV.links.length - 1)] || 0;
    OV.links.forEach(function (l, i) {
      linkItems.push({
        id: "L" + i, isLink: true, from: l.from, to: l.to, width: l.width, relations: l.relations, count: l.count,
        label: l.count >= strong && l.count > 1 ? String(l.count) : undefined, title: l.count + " 条连线 edges",
        font: { size: OV.unit * 11, strokeWidth: OV.unit, align: "middle", color: "#444444" },
        color: { color: "#6b7b8c", opacity: Math.round((0.12 + 0.7 * Math.sqrt(l.count / top)) * 100) / 100, highlight: "#333333", hover: "#333333" }, smooth: false,
        arrows: { to: { enabled: false } }
      });
    });
  }

  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    var c = Object.assign({}, n);
    c.title = nodeTip(n.id);
    return c;
  }).concat(OV ? OV.groups.map(groupItem) : []));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    var c = Object.assign({}, e);
    c.title = edgeTip(e.id);
    return c;
  }).concat(linkItems));

  // what is shown: filters (class, industry, relation), hidden nodes, and in a large
  // graph the expanded groups and the nodes revealed one by one; or a focus set
  var state = {
    mode: OV ? "overview" : "all", expanded: {}, revealed: {}, hidden: {}, hiddenRelations: {}, pinned: {},
    focus: null, focusId: null, k: 1
  };
  var visible = {};  // node or group id -> true, recomputed by computeVisible()
  function passes(id) {
    var m = meta.nodes[id];
    if (!m || state.hidden[id]) { return false; }
    if (hiddenClasses[m.cls]) { return false; }
    if (industry && m.industries.indexOf(industry) < 0) { return false; }
    return true;
  }
  function computeVisible() {
    visible = {};
    var live = {};  // groups with at least one member passing the filters
    Object.keys(meta.nodes).forEach(function (id) {
      if (!passes(id)) { return; }
      var g = meta.nodes[id].group;
      if (state.focus) { if (state.focus[id]) { visible[id] = true; } return; }
      if (state.mode === "all" || state.expanded[g] || state.revealed[id]) { visible[id] = true; }
      else if (g) { live[g] = true; }
    });
    if (OV && !state.focus && state.mode === "overview") {
      Object.keys(live).forEach(function (g) { if (!state.expanded[g]) { visible[g] = true; } });
    }
  }
  function relationShown(rel) { return !state.hiddenRelations[rel]; }
  function linkCount(item) {
    var n = 0;
    Object.keys(item.relations).forEach(function (r) { if (relationShown(r)) { n += item.relations[r]; } });
    return n;
  }
  function nodeVisible(item) { return !!visible[item.id]; }
  function edgeVisible(e) {
    if (!visible[e.from] || !visible[e.to]) { return false; }
    if (e.isLink) { return linkCount(e) > 0; }
    if (e.isBridge) { return true; }
    var m = meta.edges[e.id];
    if (!m) { return true; }
    return m.relations.some(relationShown);
  }
  computeVisible();
  var nodeView = new vis.DataView(nodes, { filter: nodeVisible });
  var edgeView = new vis.DataView(edges, { filter: edgeVisible });

  var container = document.getElementById("pk-network");
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);

  // neighbours: node id -> [edge id]
  var incident = {};
  Object.keys(meta.edges).forEach(function (eid) {
    var m = meta.edges[eid];
    (incident[m.source] = incident[m.source] || []).push(eid);
    (incident[m.target] = incident[m.target] || []).push(eid);
  });
  function neighbours(id) {
    var out = [];
    (incident[id] || []).forEach(function (eid) {
      var m = meta.edges[eid];
      if (!m.relations.some(relationShown)) { return; }
      out.push(m.source === id ? m.target : m.source);
    });
    return out;
  }

  // a node shown while its group is collapsed is linked to the collapsed groups of its
  // neighbours by one "bridge" edge per group, labelled with how many edges it stands for
  var bridgeIds = [];
  function rebuildBridges() {
    if (!OV) { return; }
    edges.remove(bridgeIds);
    bridgeIds = [];
    if (state.mode !== "overview" || state.focus) { return; }
    var add = [];
    Object.keys(visible).forEach(function (id) {
      var m = meta.nodes[id];
      if (!m || !state.revealed[id] || state.expanded[m.group]) { return; }
      var per = {};
      neighbours(id).forEach(function (other) {
        var g = meta.nodes[other].group;
        if (visible[g] && !visible[other]) { per[g] = (per[g] || 0) + 1; }
      });
      Object.keys(per).forEach(function (g) {
        var bid = "B|" + id + "|" + g;
        bridgeIds.push(bid);
        add.push({
          id: bid, isBridge: true, from: id, to: g, label: per[g] > 1 ? String(per[g]) : undefined, width: OV.unit * 1.5, smooth: false,
          font: { size: OV.unit * 10, strokeWidth: OV.unit, color: "#555555" },
          color: { color: "#9aa5b1", opacity: 0.6 }, dashes: [OV.unit * 4, OV.unit * 3], arrows: { to: { enabled: false } }
        });
      });
    });
    edges.add(add);
    lastScale = 0;
  }

  // labels: with physics on (a small graph) every node's; on a fixed layout (a large graph) the
  // most central shown nodes' first, each only where it overlaps no label already placed (the
  // rest show theirs on hover), so labels never cover each other at any zoom
  var central = {};
  (data.central || []).forEach(function (id, i) { central[id] = i + 1; });
  var fontOf = {}, sizeOf = {};
  data.nodes.forEach(function (n) {
    fontOf[n.id] = (n.font && n.font.size) || data.options.nodes.font.size || 14;
    sizeOf[n.id] = n.size || 10;
  });
  var centrality = function (id) { var m = meta.nodes[id]; return 0.6 * m.betweenness + 0.4 * m.degree_centrality; };
  var labelled = {};
  function textWidth(text, font) {
    var w = 0;
    for (var i = 0; i < text.length; i++) { w += text.charCodeAt(i) > 0x2e80 ? font : 0.56 * font; }
    return w;
  }
  function placeLabels() {
    var shown = Object.keys(visible).filter(function (id) { return !!meta.nodes[id]; });
    var want = {};
    if (data.physics) { shown.forEach(function (id) { want[id] = true; }); return want; }
    var first = function (id) { return state.revealed[id] || id === state.focusId ? 1 : 0; };
    shown.sort(function (a, b) { return first(b) - first(a) || centrality(b) - centrality(a) || (a < b ? -1 : 1); });
    var pos = network.getPositions(shown);
    var boxes = [];
    // groups' labels are placed first
    if (OV) {
      Object.keys(groups).forEach(function (g) {
        if (!visible[g]) { return; }
        var gg = groups[g], text = lang === "en" ? gg.label_en : gg.label_zh;
        var w = textWidth(text, gg.font) / 2;
        boxes.push([gg.x - Math.max(w, gg.size), gg.y - gg.size, gg.x + Math.max(w, gg.size), gg.y + gg.size + 1.4 * gg.font]);
      });
    }
    shown.forEach(function (id) {  // no label covers a node
      var q = pos[id], rr = sizeOf[id];
      if (q) { boxes.push([q.x - rr, q.y - rr, q.x + rr, q.y + rr, id]); }
    });
    for (var i = 0; i < shown.length && i < 2000; i++) {
      var id = shown[i], p = pos[id];
      if (!p) { continue; }
      var f = fontSize(id), r = sizeOf[id], half = textWidth(label(id), f) / 2;
      var box = [p.x - half, p.y + r, p.x + half, p.y + r + 1.3 * f];
      var clash = false, mustShow = first(id) === 1;  // the focused or revealed node: labelled over small nodes if need be
      for (var j = 0; j < boxes.length; j++) {
        var o = boxes[j];
        if (o[4] !== undefined && (o[4] === id || mustShow)) { continue; }
        if (box[0] < o[2] && o[0] < box[2] && box[1] < o[3] && o[1] < box[3]) { clash = true; break; }
      }
      if (!clash) { want[id] = true; boxes.push(box); }
    }
    return want;
  }
  // a label's font in canvas units: its own size, but never under 12 px on screen at the current zoom
  function fontSize(id) {
    if (data.physics) { return fontOf[id]; }
    return Math.max(fontOf[id], 12 / (network.getScale() || 1));
  }
  var labelFont = {};
  function applyLabels() {
    var want = placeLabels();
    var changes = [];
    Object.keys(meta.nodes).forEach(function (id) {
      var text = want[id] ? label(id) : "";
      var size = want[id] ? Math.round(fontSize(id) * 10) / 10 : fontOf[id];
      if (labelled[id] !== text || labelFont[id] !== size) {
        labelled[id] = text;
        labelFont[id] = size;
        changes.push({ id: id, label: text, font: { size: size } });
      }
    });
    if (OV) { OV.groups.forEach(function (g) { changes.push({ id: g.id, label: lang === "en" ? g.label_en : g.label_zh }); }); }
    if (changes.length) { nodes.update(changes); }
  }

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
    details.appendChild(actions(id));
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
  function pagePath(iri) {  // the entity's page when the view is served by `parkkg serve`
    var mm = /^https:\/\/w3id\.org\/parkkg\/((?:id|concept|doc|stmt)\/.+)$/.exec(iri || "");
    if (!mm || !/^https?:$/.test(window.location.protocol)) { return null; }
    return "/" + mm[1].replace(/%/g, "%25");
  }
  function actions(id) {
    var box = el("div");
    box.id = "pk-actions";
    box.appendChild(linkButton("展开邻居 Expand neighbours", function () { expandNeighbours(id); }));
    box.appendChild(linkButton("聚焦 Focus", function () { focusNode(id, state.k); }));
    box.appendChild(linkButton(state.pinned[id] ? "取消固定 Unpin" : "固定 Pin", function () { pinNode(id, !state.pinned[id]); showNode(id); }));
    box.appendChild(linkButton("隐藏 Hide", function () { hideNode(id); }));
    var g = meta.nodes[id].group;
    if (OV && state.expanded[g]) { box.appendChild(linkButton("收起组 Collapse group", function () { collapseGroup(g); })); }
    var page = pagePath(meta.nodes[id].iri);
    if (page) {
      var a = el("a", null, "实体页 Entity page");
      a.href = page;
      box.appendChild(a);
    }
    return box;
  }
  function showGroup(gid) {
    var g = groups[gid];
    if (!g) { return; }
    clear(details);
    details.setAttribute("data-kind", "group");
    details.setAttribute("data-id", gid);
    details.appendChild(el("h3", null, lang === "en" ? g.label_en : g.label_zh));
    details.appendChild(dl([["节点 Nodes", g.members.length], ["主要产业 Main industry", g.industry]]));
    if (!state.expanded[gid]) { details.appendChild(linkButton("展开 Expand", function () { expandGroup(gid); showGroup(gid); })); }
    var ul = el("ul");
    g.members.slice().sort(function (a, b) { return meta.nodes[b].betweenness - meta.nodes[a].betweenness; }).slice(0, 12).forEach(function (v) {
      var li = el("li");
      li.appendChild(linkButton(label(v), function () { selectNode(v); }));
      ul.appendChild(li);
    });
    details.appendChild(ul);
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

  // fit the view to some shown nodes (all shown ones by default)
  function fit(ids) {
    var shown = (ids || []).filter(function (v) { return visible[v]; });
    if (shown.length) { network.fit({ nodes: shown, animation: false }); }
    else { network.fit({ animation: false }); }
    rescale();
    applyLabels();
  }
  // the overview's links, bridges and group labels keep their width on screen at any zoom
  var lastScale = 0;
  function rescale() {
    if (!OV) { return; }
    var scale = network.getScale();
    if (!scale || Math.abs(scale - lastScale) / scale < 0.05) { return; }
    lastScale = scale;
    // the shown edges stay at least 1 px wide, however far the view is zoomed out
    var real = edgeView.getIds().filter(function (id) { return !!meta.edges[id]; });
    if (real.length <= 3000) {
      edges.update(real.map(function (id) { return { id: id, width: Math.max(0.8, 1.2 / scale) }; }));
    }
    var top = OV.links.reduce(function (a, l) { return Math.max(a, l.count); }, 1);
    var changes = linkItems.map(function (l) {
      return { id: l.id, width: (0.8 + 6 * Math.sqrt(l.count / top)) / scale, font: { size: 11 / scale, strokeWidth: 2 / scale } };
    });
    bridgeIds.forEach(function (b) { changes.push({ id: b, width: 1.5 / scale, dashes: [4 / scale, 3 / scale], font: { size: 10 / scale, strokeWidth: 2 / scale } }); });
    edges.update(changes);
    nodes.update(OV.groups.map(function (g) { return { id: g.id, font: { size: Math.min(g.font, 15 / scale), strokeWidth: 3 / scale } }; }));
  }
  var zoomTimer = null;
  network.on("zoom", function () {
    if (zoomTimer) { return; }
    zoomTimer = window.setTimeout(function () { zoomTimer = null; rescale(); applyLabels(); }, 80);
  });
  function selectNode(id) {
    if (!meta.nodes[id]) { return; }
    if (!passes(id)) { resetFilters(true); }
    if (!visible[id]) {
      if (state.focus) { state.focus[id] = true; } else { state.revealed[id] = true; }
      refresh(true);
    }
    network.selectNodes([id]);
    // the hit, its shown neighbours, and the collapsed groups the others are in
    var around = neighbours(id);
    fit([id].concat(around, around.map(function (v) { return meta.nodes[v].group; })));
    showNode(id);
  }

  function expandGroup(gid) {
    if (!groups[gid]) { return; }
    state.expanded[gid] = true;
    refresh(true);
    fit(groups[gid].members);
    updateMode();
  }
  function collapseGroup(gid) {
    delete state.expanded[gid];
    groups[gid].members.forEach(function (v) { delete state.revealed[v]; });
    refresh(true);
    fit();
    updateMode();
  }
  function expandNeighbours(id) {
    var around = neighbours(id).filter(passes);
    around.forEach(function (v) {
      delete state.hidden[v];
      if (state.focus) { state.focus[v] = true; } else { state.revealed[v] = true; }
    });
    if (!visible[id]) { if (state.focus) { state.focus[id] = true; } else { state.revealed[id] = true; } }
    refresh(true);
    fit([id].concat(around));
    showNode(id);
    return around.length;
  }
  function hideNode(id) {
    state.hidden[id] = true;
    refresh(true);
    fit();
    updateMode();
  }
  function pinNode(id, on) {
    if (on) {
      state.pinned[id] = true;
      nodes.update({ id: id, fixed: { x: true, y: true }, borderWidth: 4, shapeProperties: { borderDashes: [5, 3] } });
    } else {
      delete state.pinned[id];
      nodes.update({ id: id, fixed: { x: false, y: false }, borderWidth: 1, shapeProperties: { borderDashes: false } });
    }
  }
  function focusNode(id, k) {
    if (!meta.nodes[id]) { return 0; }
    state.k = k || state.k;
    state.focusId = id;
    var seen = {};
    seen[id] = true;
    var ring = [id];
    for (var step = 0; step < state.k; step++) {
      var next = [];
      ring.forEach(function (v) {
        neighbours(v).forEach(function (w) { if (!seen[w] && passes(w)) { seen[w] = true; next.push(w); } });
      });
      ring = next;
    }
    state.focus = seen;
    refresh(true);
    network.selectNodes([id]);
    fit();
    showNode(id);
    updateMode();
    return Object.keys(seen).length;
  }
  function leaveFocus() {
    state.focus = null;
    state.focusId = null;
    refresh(true);
    fit();
    updateMode();
  }

  network.on("click", function (params) {
    if (params.nodes.length) {
      var id = params.nodes[0];
      if (groups[id]) { expandGroup(id); showGroup(id); } else { showNode(id); }
    } else if (params.edges.length && meta.edges[params.edges[0]]) { showEdge(params.edges[0]); }
  });
  network.on("doubleClick", function (params) {
    if (!params.nodes.length) { return; }
    var id = params.nodes[0];
    if (groups[id]) { expandGroup(id); } else { expandNeighbours(id); }
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
    if (hits.length) { selectNode(hits[0]); } else { fit(); }
    return hits;
  }
  searchBox.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { search(searchBox.value); } });
  document.getElementById("pk-search-go").addEventListener("click", function () { search(searchBox.value); });

  // ---------------------------------------------------------------- filters and legend
  var count = document.getElementById("pk-count");
  var realNodes = data.nodes.length, realEdges = data.edges.length;
  // recompute what is shown; without ``keep`` the view re-fits to it (after every filter)
  function refresh(keep) {
    computeVisible();
    rebuildBridges();
    nodeView.refresh();
    edgeView.refresh();
    applyLabels();
    var shownNodes = 0, shownEdges = 0;
    nodeView.getIds().forEach(function (id) { if (meta.nodes[id]) { shownNodes++; } });
    edgeView.getIds().forEach(function (id) { if (meta.edges[id]) { shownEdges++; } });
    count.textContent = shownNodes + "/" + realNodes + " 节点 nodes · " + shownEdges + "/" + realEdges + " 连线 edges" +
      (OV && state.mode === "overview" && !state.focus ? " · " + Object.keys(groups).filter(function (g) { return visible[g]; }).length + " 组 groups" : "");
    if (!keep) { fit(); }
    updateMode();
  }
  var classBoxes = [];
  var relationBoxes = [];
  function resetFilters(keep) {
    hiddenClasses = {};
    industry = "";
    state.hiddenRelations = {};
    industrySelect.value = "";
    classBoxes.forEach(function (b) { b.checked = true; b.parentNode.classList.remove("pk-off"); });
    relationBoxes.forEach(function (b) { b.checked = true; b.parentNode.classList.remove("pk-off"); });
    refresh(keep);
  }
  function setRelation(rel, on) {
    if (on) { delete state.hiddenRelations[rel]; } else { state.hiddenRelations[rel] = true; }
    relationBoxes.forEach(function (b) {
      if (b.getAttribute("data-relation") === rel) { b.checked = !!on; b.parentNode.classList.toggle("pk-off", !on); }
    });
    if (state.focusId) { focusNode(state.focusId, state.k); } else { refresh(); }
  }
  var modeLine = document.getElementById("pk-mode");
  function updateMode() {
    var ov = document.getElementById("pk-overview"), all = document.getElementById("pk-all"), unhide = document.getElementById("pk-unhide");
    var hiddenCount = Object.keys(state.hidden).length;
    unhide.hidden = hiddenCount === 0;
    unhide.textContent = "显示隐藏 Show hidden (" + hiddenCount + ")";
    document.getElementById("pk-focus-bar").hidden = !state.focus;
    if (OV) {
      ov.hidden = state.mode === "overview" && !state.focus && !Object.keys(state.expanded).length && !Object.keys(state.revealed).length;
      all.hidden = state.mode === "all";
    }
    var text = "";
    if (state.focus) { text = "聚焦 Focus: " + label(state.focusId) + " · " + state.k + " 跳 hop(s)"; }
    else if (OV && state.mode === "overview") { text = "总览：点击组展开，双击节点展开邻居 · Overview: click a group to expand it, double-click a node for its neighbours"; }
    else { text = "双击节点展开邻居 · Double-click a node to expand its neighbours"; }
    modeLine.textContent = text;
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
  if (data.relations.length) { legendRelations.firstChild.textContent = "关系（点击筛选）Relations (click to filter)"; }
  data.relations.forEach(function (r) {
    var item = el("label", "pk-legend-item");
    item.setAttribute("data-relation", r.relation);
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.setAttribute("data-relation", r.relation);
    box.addEventListener("change", function () { setRelation(r.relation, box.checked); });
    relationBoxes.push(box);
    item.appendChild(box);
    item.appendChild(line(r.colour));
    item.appendChild(el("span", null, r.zh + " " + r.en));
    item.appendChild(el("span", "pk-n", "(" + r.count + ")"));
    legendRelations.appendChild(item);
  });

  if (OV) {  // the overview's groups are coloured by their main industry
    var seenColours = {};
    var groupLegend = el("div");
    groupLegend.id = "pk-legend-groups";
    groupLegend.appendChild(el("div", "pk-hint", "组（按主要产业着色）Groups (by main industry)"));
    OV.groups.forEach(function (g) {
      if (seenColours[g.industry]) { return; }
      seenColours[g.industry] = true;
      var item = el("div", "pk-legend-item");
      item.appendChild(swatch("dot", g.colour));
      item.appendChild(el("span", null, g.industry || "无产业 No industry"));
      groupLegend.appendChild(item);
    });
    legendClasses.parentNode.insertBefore(groupLegend, legendClasses);
  }

  var industrySelect = document.getElementById("pk-industry");
  var industryOptions = data.industries.map(function (name) {
    var o = el("option", null, name);
    o.value = name;
    industrySelect.appendChild(o);
    return o;
  });
  function industryNames() {  // the filter's industries in the chosen language (zh when no English label is known)
    var en = data.industry_en || {};
    industryOptions.forEach(function (o) { o.textContent = lang === "en" && en[o.value] ? en[o.value] : o.value; });
  }
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
    labelled = {};
    applyLabels();
    industryNames();
    if (OV) { nodes.update(OV.groups.map(function (g) { return { id: g.id, title: groupTip(g) }; })); }
    if (data.edges.length && data.edges[0].label !== undefined) {
      edges.update(Object.keys(meta.edges).map(function (id) {
        var r = relationNames[meta.edges[id].relation];
        return { id: id, label: r ? (lang === "en" ? r.en : r.zh) : meta.edges[id].relation };
      }));
    }
  });

  // ---------------------------------------------------------------- ready flag (tests and users)
  document.getElementById("pk-overview").addEventListener("click", function () {
    state.mode = "overview"; state.expanded = {}; state.revealed = {}; state.focus = null; state.focusId = null;
    refresh();
  });
  document.getElementById("pk-all").addEventListener("click", function () { state.mode = "all"; state.focus = null; refresh(); });
  document.getElementById("pk-unhide").addEventListener("click", function () { state.hidden = {}; refresh(); });
  document.getElementById("pk-focus-exit").addEventListener("click", leaveFocus);
  var kSelect = document.getElementById("pk-k");
  kSelect.addEventListener("change", function () { if (state.focusId) { focusNode(state.focusId, parseInt(kSelect.value, 10)); } });

  var api = {
    network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView, groups: groups, state: state,
    meta: meta, search: search, selectNode: selectNode, showNode: showNode, showEdge: showEdge, showGroup: showGroup,
    expandGroup: expandGroup, collapseGroup: collapseGroup, expandNeighbours: expandNeighbours, hideNode: hideNode,
    pinNode: pinNode, focusNode: focusNode, leaveFocus: leaveFocus, setRelation: setRelation, refresh: refresh,
    shownNodes: function () { return nodeView.getIds().filter(function (id) { return !!meta.nodes[id]; }); },
    shownGroups: function () { return nodeView.getIds().filter(function (id) { return !!groups[id]; }); },
    ready: false
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
  refresh(true);
  // #focus=<IRI> (from an entity page): open focused on that node
  var wanted = /^#focus=(.+)$/.exec(window.location.hash);
  var target = wanted ? decodeURIComponent(wanted[1]) : null;
  if (target && meta.nodes[target]) { focusNode(target, 1); }
  else {
    if (!data.physics && nodes.length) { fit(); }  // a fixed layout: fitted now, so labels are placed at the opening zoom
    if (target) { modeLine.textContent = "此视图中没有该节点 · not in this view: " + target; }
  }
})();
