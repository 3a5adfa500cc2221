// cnnlings `show --html`: draws the page from the JSON in #data. No network, no server.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("data").textContent);
  const T = data.text;

  // A sentence with its {places} filled.
  function t(key, args) {
    const text = T[key] === undefined ? key : T[key];
    return text.replace(/\{(\w+)\}/g, (m, k) => (args && k in args ? String(args[k]) : m));
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined) continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  // A number as a person writes it: 4, -0.5, 0.25 (as the terminal's `show`).
  function fmt(x) {
    if (x === null || x === undefined || Number.isNaN(x)) return "NaN";
    if (!Number.isFinite(x)) return x > 0 ? "∞" : "-∞";
    if (Number.isInteger(x) && Math.abs(x) < 1e6) return String(x);
    let s = x.toFixed(2).replace(/0+$/, "").replace(/\.$/, "");
    if (s === "-0") s = "0";
    if (s === "0" && x !== 0) s = x.toExponential(1);
    return s;
  }
  function factor(x) {
    const s = fmt(x);
    return s.startsWith("-") ? "(" + s + ")" : s;
  }
  // As the terminal judges a cell: relative to the reference's value.
  function differs(a, b) {
    if (a === null || b === null) return a !== b;
    return Math.abs(a - b) > 1e-4 * (1 + Math.abs(b));
  }

  // Viridis: its lightness grows with the value, so the maps read in grey as well.
  const RAMP = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
  function ramp(u) {
    if (u === null || Number.isNaN(u)) return [255, 0, 0];
    const x = Math.min(1, Math.max(0, u)) * (RAMP.length - 1);
    const i = Math.min(RAMP.length - 2, Math.floor(x));
    const f = x - i;
    return RAMP[i].map((c, k) => Math.round(c + (RAMP[i + 1][k] - c) * f));
  }
  // The input digit as ink on paper, as the digits lesson shows it.
  function ink(u) {
    const v = Math.round(255 * (1 - Math.min(1, Math.max(0, u))));
    return [v, v, v];
  }
  function range(cells) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const x of cells) {
      if (x === null || !Number.isFinite(x)) continue;
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    return lo > hi ? [0, 0] : [lo, hi];
  }
  function colourOf(x, lo, hi, gray) {
    if (gray) return ink(x);
    return ramp(hi > lo ? (x - lo) / (hi - lo) : 0.5);
  }
  function css(rgb) {
    return "rgb(" + rgb.join(",") + ")";
  }
  function textOn(rgb) {
    const l = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    return l > 140 ? "#000" : "#fff";
  }

  // A map drawn cell by cell on a canvas of `px` pixels a cell.
  function mapCanvas(rows, cols, cells, lo, hi, gray, px) {
    const canvas = el("canvas", { width: cols * px, height: rows * px, "aria-hidden": "true" });
    const g = canvas.getContext("2d");
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        g.fillStyle = css(colourOf(cells[r * cols + c], lo, hi, gray));
        g.fillRect(c * px, r * px, px, px);
      }
    }
    return canvas;
  }

  // A table of numbers, coloured; `opts`: current cell, window cells, reference, click.
  function gridTable(rows, cols, cells, opts) {
    const o = opts || {};
    const [lo, hi] = o.range || range(cells);
    const table = el("table", { class: "grid" + (o.onpick ? " click" : "") });
    if (o.label) table.setAttribute("aria-label", o.label);
    if (o.layer) table.setAttribute("data-layer", o.layer);
    for (let r = 0; r < rows; r++) {
      const tr = el("tr");
      for (let c = 0; c < cols; c++) {
        const i = r * cols + c;
        const x = cells[i];
        const hidden = o.upto !== undefined && i > o.upto;
        const rgb = o.plain || hidden ? [255, 255, 255] : colourOf(x, lo, hi, o.gray);
        const classes = [];
        if (o.current === i) classes.push("current");
        if (o.window && o.window(r, c)) classes.push("window");
        if (!hidden && o.reference && differs(x, o.reference[i])) classes.push("off");
        if (hidden) classes.push("todo");
        const td = el("td", {
          class: classes.join(" ") || null,
          style: "background:" + css(rgb) + ";color:" + textOn(rgb),
          "data-cell": i,
          title: o.reference && differs(x, o.reference[i])
            ? t("yours", { v: fmt(x) }) + " / " + t("reference_value", { v: fmt(o.reference[i]) })
            : null,
        }, hidden ? "·" : fmt(x));
        if (o.onpick) td.addEventListener("click", () => o.onpick(i));
        tr.append(td);
      }
      table.append(tr);
    }
    return table;
  }

  function group(title, ...children) {
    return el("div", { class: "group" }, el("h3", { text: title }), ...children);
  }

  const overview = document.getElementById("overview");
  const detail = document.getElementById("detail");
  const controls = document.getElementById("controls");
  document.getElementById("footer").textContent = t("footer");

  // Stepping through cells, by buttons, keys and a timer.
  const stepper = { count: 0, cell: 0, timer: null, draw: null };
  function go(cell) {
    if (stepper.count === 0) return;
    stepper.cell = ((cell % stepper.count) + stepper.count) % stepper.count;
    if (stepper.draw) stepper.draw();
  }
  function stop() {
    if (stepper.timer !== null) clearInterval(stepper.timer);
    stepper.timer = null;
  }
  function stepButtons(extra) {
    const play = el("button", { class: "step", type: "button", id: "play" },
      stepper.timer === null ? t("play") : t("pause"));
    play.addEventListener("click", () => {
      if (stepper.timer === null) {
        stepper.timer = setInterval(() => go(stepper.cell + 1), 900);
      } else {
        stop();
      }
      play.textContent = stepper.timer === null ? t("play") : t("pause");
    });
    return el("div", { class: "buttons" },
      el("button", { class: "step", type: "button", id: "prev", onclick: () => go(stepper.cell - 1) }, t("prev")),
      el("button", { class: "step", type: "button", id: "next", onclick: () => go(stepper.cell + 1) }, t("next")),
      play, extra || null,
      el("span", { class: "muted" }, t("keys")));
  }
  document.addEventListener("keydown", (e) => {
    if (detail.hidden || e.target.tagName === "SELECT") return;
    if (e.key === "ArrowRight") go(stepper.cell + 1);
    else if (e.key === "ArrowLeft") go(stepper.cell - 1);
    else if (e.key === "Escape" && data.kind === "network") closeDetail();
  });

  // ---- A sliding window: a convolution or max pooling ----

  function slidingPage() {
    const conv = data.kind === "conv";
    const out = data.output;
    const [kh, kw] = data.window;
    document.getElementById("lead").textContent = t(conv ? "lead_conv" : "lead_pool",
      { kh, kw, rows: data.image.rows, cols: data.image.cols, n: kh * kw });
    stepper.count = out.rows * out.cols;
    const noteOrigin = data.origin ? el("p", { class: "notes ref" }, data.origin) : null;
    stepper.draw = function () {
      const k = stepper.cell;
      const r = Math.floor(k / out.cols);
      const c = k % out.cols;
      const top = r * data.stride;
      const left = c * data.stride;
      const inWindow = (i, j) => i >= top && i < top + kh && j >= left && j < left + kw;
      const img = data.image;
      const [lo, hi] = range(img.cells);
      overview.replaceChildren(el("div", { class: "row" },
        group(t("image"), gridTable(img.rows, img.cols, img.cells, { window: inWindow, gray: true, range: [Math.min(0, lo), hi] })),
        conv ? group(t("kernel"), gridTable(data.kernel.rows, data.kernel.cols, data.kernel.cells, { plain: true })) : null,
        group(t("output"), gridTable(out.rows, out.cols, out.cells, {
          current: k, upto: k, reference: data.reference.cells, layer: data.kind,
          onpick: (i) => { stop(); go(i); },
        }))), ...(noteOrigin ? [noteOrigin] : []));
      const window = [];
      for (let i = top; i < top + kh; i++) for (let j = left; j < left + kw; j++) window.push(img.cells[i * img.cols + j]);
      const value = out.cells[k];
      const right = data.reference.cells[k];
      const body = [el("h2", { text: t("detail") }),
        el("p", {}, t("cell_title_plain", { row: r + 1, col: c + 1, k: k + 1, n: stepper.count }))];
      if (conv) {
        const products = window.map((x, i) => x * data.kernel.cells[i]);
        const sum = products.reduce((a, b) => a + b, 0);
        body.push(el("div", { class: "channel" },
          group(t("window"), gridTable(kh, kw, window, { plain: true })), el("span", { class: "op" }, "×"),
          group(t("kernel"), gridTable(kh, kw, data.kernel.cells, { plain: true })), el("span", { class: "op" }, "="),
          group(t("products"), gridTable(kh, kw, products, { plain: true }))));
        const terms = window.map((x, i) => factor(x) + "×" + factor(data.kernel.cells[i]));
        body.push(el("p", { class: "sum" }, terms.join(" + ") + " = ", el("b", { text: fmt(sum) })));
        body.push(el("p", {}, t(data.origin ? "reference_value" : "yours", { v: fmt(value) })));
        if (differs(value, sum)) {
          body.push(el("p", { class: "wrong" }, t("wrong_sum", { n: kh * kw, right: fmt(sum), value: fmt(value) })));
        }
      } else {
        const max = Math.max(...window);
        body.push(el("div", { class: "channel" },
          group(t("window"), gridTable(kh, kw, window, { plain: true, current: window.indexOf(max) }))));
        body.push(el("p", { class: "sum" }, t("max_line", { cells: window.map(fmt).join(", "), m: "" }), el("b", { text: fmt(max) })));
        body.push(el("p", {}, t(data.origin ? "reference_value" : "yours", { v: fmt(value) })));
        if (differs(value, max)) {
          body.push(el("p", { class: "wrong" }, t("wrong_max", { right: fmt(max), value: fmt(value) })));
        }
      }
      if (differs(value, right)) body.push(el("p", {}, t("reference_value", { v: fmt(right) })));
      body.push(stepButtons());
      detail.replaceChildren(...body);
      detail.hidden = false;
    };
    go(0);
  }

  // ---- The student's network on test inputs ----

  // Each stage as the lesson declares it: { id, title, explain, source, next,
  // probabilities, layer: { weights, bias } }, by id.
  const PLAN = {};
  for (const s of data.stages || []) PLAN[s.id] = s;
  let digit = 0;
  let open = null; // { id, map, cell } of the detail shown

  function stagesById() {
    const byId = {};
    for (const s of data.inputs[digit].stages) byId[s.id] = s;
    return byId;
  }
  // The maps of a stage, each { rows, cols, cells, reference }.
  function mapsOf(stage) {
    if (stage.shape.length !== 3) return [{ rows: 1, cols: stage.cells.length, cells: stage.cells, reference: stage.reference }];
    const [ch, rows, cols] = stage.shape;
    const maps = [];
    for (let m = 0; m < ch; m++) {
      const a = m * rows * cols;
      const b = a + rows * cols;
      maps.push({ rows, cols, cells: stage.cells.slice(a, b), reference: stage.reference.slice(a, b) });
    }
    return maps;
  }
  function layerName(stage) {
    return PLAN[stage.id] ? PLAN[stage.id].title : stage.id;
  }

  function networkControls() {
    const select = el("select", { id: "digit" });
    data.inputs.forEach((d, i) => select.append(el("option", { value: i }, t("digit_option", { index: d.index, label: d.label }))));
    select.addEventListener("change", () => {
      digit = select.selectedIndex;
      drawNetwork();
      if (open) openDetail(open.id, open.map, stepper.cell);
    });
    controls.replaceChildren(el("label", { for: "digit" }, t("digit") + " "), select);
  }

  function drawNetwork() {
    const d = data.inputs[digit];
    const net = el("div", { class: "network" });
    const img = d.image;
    net.append(el("div", { class: "layer", "data-stage": "input" },
      el("div", { class: "name", text: t("input") }),
      el("div", { class: "shape", text: img.rows + "×" + img.cols }),
      el("button", { class: "map", type: "button", "data-layer": "input", "aria-label": t("pixels", img) },
        mapCanvas(img.rows, img.cols, img.cells, 0, 1, true, 9)),
      el("div", { class: "range", text: t("pixels", img) })));
    const notes = el("div", { class: "notes" });
    const said = new Set();
    for (const stage of d.stages) {
      net.append(el("div", { class: "arrow", "aria-hidden": "true" }, "→"));
      const column = el("div", { class: "layer", "data-stage": stage.id },
        el("div", { class: "name", text: layerName(stage) }),
        el("div", { class: "code", text: stage.id }),
        el("div", { class: "shape", text: stage.shapeText }));
      const [lo, hi] = range(stage.cells);
      if (stage.shape.length === 3) {
        const maps = mapsOf(stage);
        const box = el("div", { class: "maps two" });
        const px = Math.max(3, Math.floor(30 / stage.shape[1]));
        maps.forEach((m, i) => {
          const off = m.cells.some((x, k) => differs(x, m.reference[k]));
          box.append(el("button", {
            class: "map" + (off ? " off" : ""), type: "button", "data-layer": stage.id, "data-map": i,
            "aria-label": t("map_label", { layer: layerName(stage), map: i + 1, shape: m.rows + "×" + m.cols }),
            onclick: () => openDetail(stage.id, i, 0),
          }, mapCanvas(m.rows, m.cols, m.cells, lo, hi, false, px)));
        });
        column.append(el("div", { class: "muted", text: t("maps", { n: maps.length }) }), box);
      } else if (PLAN[stage.id] && PLAN[stage.id].probabilities) {
        const answer = stage.cells.reduce((best, p, i) => (p > stage.cells[best] ? i : best), 0);
        const list = el("div", { class: "classes" });
        stage.cells.forEach((p, k) => {
          const pct = (100 * (p || 0)).toFixed(1) + "%";
          const off = differs(p, stage.reference[k]);
          list.append(el("button", {
            class: "class" + (k === answer ? " answer" : ""), type: "button", "data-class": k,
            style: "border:none;background:none;padding:0;cursor:pointer;font:inherit",
            onclick: () => openDetail(stage.id, 0, k),
            "aria-label": k + ": " + pct,
          }, el("span", { text: (k === answer ? "★" : "") + k }),
          el("span", { class: "bar" }, el("span", { style: "width:" + Math.round(100 * Math.min(1, Math.max(0, p || 0))) + "%" })),
          el("span", { text: pct + (off ? "!" : "") })));
        });
        column.append(list);
        const verdict = t("answer", { answer, p: (100 * stage.cells[answer]).toFixed(1) + "%" }) + t("colon") +
          (answer === d.label ? t("right") : t("wrong", { label: d.label }));
        notes.prepend(el("p", { class: "verdict", id: "verdict" }, verdict));
      } else {
        const n = stage.cells.length;
        const px = n > 16 ? 6 : 12;
        const off = stage.cells.some((x, k) => differs(x, stage.reference[k]));
        const strip = el("button", {
          class: "units map" + (off ? " off" : ""), type: "button", "data-layer": stage.id, "data-map": 0,
          "aria-label": t("units_label", { layer: layerName(stage), n }),
        }, mapCanvas(n, 1, stage.cells, lo, hi, false, px));
        strip.addEventListener("click", (e) => {
          const rect = strip.getBoundingClientRect();
          const unit = e.clientY > rect.top ? Math.floor(((e.clientY - rect.top) / rect.height) * n) : 0;
          openDetail(stage.id, 0, Math.min(n - 1, Math.max(0, unit)));
        });
        column.append(el("div", { class: "muted", text: t("units", { n }) }), strip);
      }
      column.append(el("div", { class: "range", text: t("range", { lo: fmt(lo), hi: fmt(hi) }) }));
      if (stage.origin) {
        column.append(el("div", { class: "badge ref", title: stage.origin, text: "* " + t("reference_badge") }));
        if (!said.has(stage.origin)) notes.append(el("p", { class: "ref" }, "* " + stage.origin));
        said.add(stage.origin);
      } else if (stage.offBy === null || stage.offBy > 1e-4) {
        const d2 = stage.offBy === null ? "NaN" : fmt(stage.offBy);
        column.append(el("div", { class: "badge off", text: t("off_by", { d: d2 }) }));
        notes.append(el("p", { class: "off" }, t("layer_id", { name: layerName(stage), id: stage.id }) + t("colon") + t("off_by", { d: d2 })));
      }
      net.append(column);
    }
    notes.append(el("p", { class: "muted" }, t("legend_maps") + " " + t("differs_legend")));
    overview.replaceChildren(net, notes);
    if (open) markSelection();
  }

  function markSelection() {
    for (const b of overview.querySelectorAll(".selected, .source")) b.classList.remove("selected", "source");
    if (!open) return;
    const chosen = overview.querySelector('[data-layer="' + open.id + '"][data-map="' + open.map + '"]');
    if (chosen) chosen.classList.add("selected");
    const plan = PLAN[open.id] || {};
    const from = plan.source;
    let sources;
    if (plan.explain === "relu" || plan.explain === "pool") {
      sources = overview.querySelectorAll('[data-layer="' + from + '"][data-map="' + open.map + '"]');
    } else {
      sources = overview.querySelectorAll('[data-layer="' + from + '"]');
    }
    for (const s of sources) s.classList.add("source");
  }

  function closeDetail() {
    stop();
    open = null;
    detail.hidden = true;
    markSelection();
  }

  function openDetail(id, map, cell) {
    stop();
    open = { id, map };
    const byId = stagesById();
    const stage = byId[id];
    if (!stage) return;
    const maps = mapsOf(stage);
    const m = maps[Math.min(map, maps.length - 1)];
    stepper.count = m.cells.length;
    stepper.draw = () => drawDetail(id, map);
    markSelection();
    go(cell);
    detail.scrollIntoView({ block: "nearest" });
  }

  // The maps a stage reads: the stage before it, or the input.
  function inputMaps(id) {
    const byId = stagesById();
    const from = PLAN[id].source;
    if (from === "input") {
      const img = data.inputs[digit].image;
      return [{ rows: img.rows, cols: img.cols, cells: img.cells, reference: img.cells }];
    }
    return mapsOf(byId[from]);
  }

  function drawDetail(id, map) {
    const byId = stagesById();
    const stage = byId[id];
    const maps = mapsOf(stage);
    const m = maps[Math.min(map, maps.length - 1)];
    const k = stepper.cell;
    const r = Math.floor(k / m.cols);
    const c = k % m.cols;
    const value = m.cells[k];
    const right = m.reference[k];
    const name = t("layer_id", { name: layerName(stage), id });
    const body = [el("div", { class: "buttons" }, el("h2", { text: t("detail") }),
      el("button", { class: "step", type: "button", id: "close", onclick: closeDetail }, t("close")))];
    if (stage.shape.length === 3) {
      body.push(el("p", {}, t("cell_title", { layer: name, map: map + 1, row: r + 1, col: c + 1, k: k + 1, n: m.cells.length })));
    } else {
      body.push(el("p", {}, t("unit_title", { layer: name, unit: k + 1, n: m.cells.length })));
    }
    let computed = null; // what the arithmetic shown gives
    const plan = PLAN[id];
    const how = plan.explain;
    const nextLayer = plan.next;
    if (how === "conv") {
      const inputs = inputMaps(id);
      const filters = plan.layer.weights;
      const bias = plan.layer.bias[map];
      const ch = inputs.length;
      const kh = inputs[0].rows - m.rows + 1;
      const kw = inputs[0].cols - m.cols + 1;
      let sum = 0;
      const rows = [];
      for (let q = 0; q < ch; q++) {
        const inp = inputs[q];
        const win = [];
        for (let i = 0; i < kh; i++) for (let j = 0; j < kw; j++) win.push(inp.cells[(r + i) * inp.cols + (c + j)]);
        const off = (map * ch + q) * kh * kw;
        const kernel = filters.slice(off, off + kh * kw);
        const products = win.map((x, i) => x * kernel[i]);
        const sub = products.reduce((a, b) => a + b, 0);
        sum += sub;
        const inWindow = (i, j) => i >= r && i < r + kh && j >= c && j < c + kw;
        const source = plan.source === "input"
          ? group(t("input"), gridTable(inp.rows, inp.cols, inp.cells, { window: inWindow, gray: true, range: [0, 1] }))
          : null;
        rows.push(el("div", { class: "channel" },
          ch > 1 ? el("span", { class: "sub", text: t("channel", { c: q + 1 }) }) : null,
          source,
          group(t("window"), gridTable(kh, kw, win, { plain: true })), el("span", { class: "op" }, "×"),
          group(t("kernel"), gridTable(kh, kw, kernel, { plain: true })), el("span", { class: "op" }, "="),
          group(t("products"), gridTable(kh, kw, products, { plain: true })),
          ch > 1 ? el("span", { class: "sub", text: t("subtotal", { s: fmt(sub) }) }) : null));
      }
      body.push(...rows);
      computed = sum + bias;
      body.push(el("p", { class: "sum" },
        t("sum") + " " + fmt(sum) + " + " + t("bias") + " " + factor(bias) + " = ", el("b", { text: fmt(computed) })));
      if (differs(value, computed)) {
        body.push(el("p", { class: "wrong" }, t("wrong_conv", { n: ch * kh * kw, right: fmt(computed), value: fmt(value) })));
      }
    } else if (how === "pool") {
      const inp = inputMaps(id)[map];
      const size = inp.rows / m.rows;
      const win = [];
      for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) win.push(inp.cells[(r * size + i) * inp.cols + (c * size + j)]);
      computed = Math.max(...win);
      const inWindow = (i, j) => i >= r * size && i < (r + 1) * size && j >= c * size && j < (c + 1) * size;
      body.push(el("div", { class: "channel" },
        group(t("max_from", { map: map + 1, size, layer: layerName(byId[plan.source]) }), gridTable(inp.rows, inp.cols, inp.cells, { window: inWindow }))));
      body.push(el("p", { class: "sum" }, t("max_line", { cells: win.map(fmt).join(", "), m: "" }), el("b", { text: fmt(computed) })));
      if (differs(value, computed)) body.push(el("p", { class: "wrong" }, t("wrong_max", { right: fmt(computed), value: fmt(value) })));
    } else if (how === "relu") {
      const z = inputMaps(id)[map].cells[k];
      computed = Math.max(0, z);
      body.push(el("p", { class: "sum" }, t("relu_line", { z: fmt(z), a: "" }), el("b", { text: fmt(computed) })));
    } else if (how === "dense") {
      const x = inputMaps(id).flatMap((mm) => mm.cells);
      const n = x.length;
      const weights = plan.layer.weights.slice(k * n, k * n + n);
      const bias = plan.layer.bias[k];
      const products = x.map((v, i) => ({ i, v, w: weights[i], p: v * weights[i] }));
      const sum = products.reduce((a, b) => a + b.p, 0);
      const top = products.slice().sort((a, b) => Math.abs(b.p) - Math.abs(a.p)).slice(0, 8);
      const rest = sum - top.reduce((a, b) => a + b.p, 0);
      body.push(el("p", {}, t("dense_line", { n, k: top.length })));
      const list = el("table", { class: "list" });
      for (const p of top) {
        list.append(el("tr", {}, el("td", { text: t("input_n", { i: p.i + 1 }) }),
          el("td", { text: factor(p.v) + " × " + factor(p.w) }), el("td", { text: "= " + fmt(p.p) })));
      }
      body.push(list, el("p", { class: "muted" }, t("dense_rest", { r: n - top.length, s: fmt(rest) })));
      computed = sum + bias;
      body.push(el("p", { class: "sum" }, t("sum") + " " + fmt(sum) + " + " + t("bias") + " " + factor(bias) + " = ", el("b", { text: fmt(computed) })));
      if (differs(value, computed)) {
        body.push(el("p", { class: "wrong" }, t("wrong_conv", { n, right: fmt(computed), value: fmt(value) })));
      }
    } else if (how === "softmax") {
      const z = inputMaps(id).flatMap((mm) => mm.cells);
      const top = Math.max(...z);
      const e = z.map((v) => Math.exp(v - top));
      const total = e.reduce((a, b) => a + b, 0);
      computed = e[k] / total;
      body.push(el("p", {}, t("softmax_line")));
      const list = el("table", { class: "list" }, el("tr", {}, el("th", { text: t("class") }), el("th", { text: "z" }),
        el("th", { text: t("probability") })));
      z.forEach((v, i) => list.append(el("tr", { style: i === k ? "font-weight:700" : null },
        el("td", { text: String(i) }), el("td", { text: fmt(v) }), el("td", { text: (100 * e[i] / total).toFixed(1) + "%" }))));
      body.push(list);
    }
    if (stage.origin) {
      body.push(el("p", {}, t("reference_value", { v: fmt(value) })));
    } else {
      body.push(el("p", {}, t("yours", { v: fmt(value) })));
      if (differs(value, right)) body.push(el("p", { class: "wrong" }, t("reference_value", { v: fmt(right) })));
    }
    if (nextLayer) {
      const a = mapsOf(byId[nextLayer])[map].cells[k];
      body.push(el("p", {}, t("relu_line", { z: fmt(value), a: fmt(Math.max(0, value)) }) + " " + t("relu_next", { a: fmt(a) })));
    }
    if (stage.origin) body.push(el("p", { class: "notes ref" }, "* " + stage.origin));
    body.push(group(name, gridTable(m.rows, m.cols, m.cells, {
      current: k, reference: m.reference, onpick: (i) => { stop(); go(i); },
    })));
    body.push(stepButtons());
    void computed;
    detail.replaceChildren(...body);
    detail.hidden = false;
  }

  if (data.kind === "network") {
    document.getElementById("lead").textContent = t("lead_network");
    networkControls();
    drawNetwork();
  } else {
    slidingPage();
  }
})();
