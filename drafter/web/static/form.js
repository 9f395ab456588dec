/* The report form: built from the schema description the server sends (no field is written by hand),
   checked as you type by the same validator as `drafter validate`, autosaved in the browser. */
"use strict";
(function () {
  const el = Drafter.el;
  const spec = JSON.parse(document.getElementById("doc-spec").textContent);
  const info = JSON.parse(document.getElementById("doc-info").textContent);
  let state = JSON.parse(document.getElementById("doc-data").textContent);
  const TODO = spec.todo;
  const form = document.getElementById("form");
  const statusBox = document.getElementById("status");
  const storeKey = "drafter:autosave:" + location.host + ":" + info.file;
  let diagnostics = null;            // null until the first check answers
  let dirty = false;

  // --- data paths -------------------------------------------------------------------------------
  function fieldName(path) {           // ["measures","areas",0,"title"] → measures.areas[1].title
    let out = "";
    for (const p of path) out += typeof p === "number" ? "[" + (p + 1) + "]" : (out ? "." : "") + p;
    return out;
  }
  function getAt(path) {
    let v = state;
    for (const p of path) { if (v === null || typeof v !== "object") return undefined; v = v[p]; }
    return v;
  }
  function setAt(path, value) {
    let v = state;
    for (let i = 0; i < path.length - 1; i++) {
      if (v[path[i]] === null || typeof v[path[i]] !== "object") v[path[i]] = typeof path[i + 1] === "number" ? [] : {};
      v = v[path[i]];
    }
    const last = path[path.length - 1];
    if (value === undefined) { if (Array.isArray(v)) v.splice(last, 1); else delete v[last]; }
    else v[last] = value;
  }
  function year() { const y = parseInt((state.meta || {}).year, 10); return isNaN(y) ? null : y; }

  // --- building the form ------------------------------------------------------------------------
  function render() {
    const y = window.scrollY;
    const order = spec.orders[(state.meta || {}).level] || spec.default_order;
    form.replaceChildren(...order.map(section));
    showNotes();
    window.scrollTo(0, y);
    showMessages();
  }

  // --- comments in the file (import's “待核对”, last year's plan …): shown beside their fields, kept on save
  const NOTES = "_notes";
  function joinField(base, rel) {
    if (!rel) return base;
    if (!base) return rel;
    return rel.startsWith("[") ? base + rel : base + "." + rel;
  }
  function showNotes() {
    const walk = (value, path) => {
      if (Array.isArray(value)) { value.forEach((v, i) => walk(v, path.concat(i))); return; }
      if (value === null || typeof value !== "object") return;
      for (const [rel, note] of Object.entries(value[NOTES] || {})) {
        if (rel === "#header" || !note || note.quiet) continue;
        const lines = (note.before || []).concat(note.eol ? [note.eol] : []);
        if (!lines.some((l) => l.trim())) continue;
        const target = targetFor(joinField(fieldName(path), rel));
        const holder = target.matches("input,select,textarea") ? target.closest(".row") : target;
        const text = lines.join("\n");
        const box = el("details", { class: "note", open: /待核对|原文缺失|去年/.test(text) },
          el("summary", { text: "文件中的注释" }),
          el("pre", { text }),
          el("button", { type: "button", class: "icon", title: "删除这条注释", "aria-label": "删除这条注释", text: "删除注释",
            onclick: () => { delete value[NOTES][rel]; changed(true); } }));
        const head = holder.querySelector(":scope > .entry-head");
        const msgs = holder.querySelector(":scope > .msgs");
        if (head) head.after(box); else if (msgs) holder.insertBefore(box, msgs); else holder.prepend(box);
      }
      for (const [k, v] of Object.entries(value)) if (k !== NOTES) walk(v, path.concat(k));
    };
    walk(state, []);
  }

  function section(key) {
    const node = spec.fields[key];
    const item = spec.items[key];
    const sec = el("section", { class: "card section", id: "sec-" + key, "data-section": key });
    const title = item ? item.marker + " " + node.title.replace(/^[①②③④⑤]\s*/, "") : node.title;
    sec.append(el("h2", { text: title }));
    if (node.help) sec.append(el("p", { class: "help", text: node.help }));
    if (item && item.rule) sec.append(el("p", { class: "help rule", text: "规定：" + item.rule }));
    if (state[key] === undefined && node.widget === "group") state[key] = {};
    sec.append(widget(node, [key], state[key], key));
    return sec;
  }

  function widget(node, path, value, sectionKey) {
    if (node.widget === "group") return group(node, path, value, sectionKey);
    if (node.widget === "list") return list(node, path, value);
    return row(node, path, value, sectionKey);
  }

  function group(node, path, value, sectionKey) {
    const box = el("div", { class: "group", "data-field": fieldName(path) });
    box.append(el("div", { class: "msgs" }));
    const summary = el("summary");
    const folded = el("details", { class: "more" }, summary);
    const foldedTitles = [];
    for (const child of node.fields) {
      const childPath = path.concat(child.key);
      const childValue = value ? value[child.key] : undefined;
      let part;
      if (child.widget === "group" && !child.required && childValue === undefined) {
        part = el("div", { class: "row optional-group", "data-field": fieldName(childPath) },
          el("button", { type: "button", class: "secondary add", text: "添加“" + child.title + "”",
            onclick: () => { setAt(childPath, {}); changed(true); } }),
          el("span", { class: "help", text: child.help }));
      } else if (child.widget === "group" && !child.required) {
        part = el("fieldset", { class: "subgroup" }, el("legend", { text: child.title }),
          el("button", { type: "button", class: "secondary remove", text: "删除“" + child.title + "”",
            onclick: () => { setAt(childPath, undefined); changed(true); } }),
          widget(child, childPath, childValue, sectionKey));
      } else {
        part = widget(child, childPath, childValue, sectionKey);
      }
      if (node.fold.includes(child.key)) {
        folded.append(part);
        if (childValue !== undefined && childValue !== "" && childValue !== false) folded.open = true;
        foldedTitles.push(child.title);
      } else {
        box.append(part);
      }
    }
    if (foldedTitles.length) {
      summary.textContent = "更多可选项：" + foldedTitles.slice(0, 5).join("、") + (foldedTitles.length > 5 ? "等" : "");
      box.append(folded);
    }
    return box;
  }

  function itemTitle(node) { return node.item.title || node.title; }

  function list(node, path, value) {
    const items = Array.isArray(value) ? value : [];
    const box = el("fieldset", { class: "list", "data-field": fieldName(path) },
      el("legend", { text: node.title + (node.required ? " *" : "") }));
    if (node.help) box.append(el("p", { class: "help", text: node.help }));
    box.append(el("div", { class: "msgs" }));
    items.forEach((v, i) => {
      const itemPath = path.concat(i);
      const tools = el("span", { class: "tools" },
        el("button", { type: "button", class: "icon", title: "上移", "aria-label": "上移", text: "↑", disabled: i === 0,
          onclick: () => move(path, i, -1) }),
        el("button", { type: "button", class: "icon", title: "下移", "aria-label": "下移", text: "↓",
          disabled: i === items.length - 1, onclick: () => move(path, i, 1) }),
        el("button", { type: "button", class: "icon danger", title: "删除", "aria-label": "删除第" + (i + 1) + "项",
          text: "×", onclick: () => remove(path, i) }));
      if (node.item.widget === "group") {
        const entry = el("div", { class: "entry", "data-field": fieldName(itemPath) },
          el("div", { class: "entry-head" }, el("span", { class: "entry-title", text: itemTitle(node) + " " + (i + 1) }), tools));
        entry.append(widget(node.item, itemPath, v));
        box.append(entry);
      } else {
        const r = row(Object.assign({}, node.item, { title: itemTitle(node) + " " + (i + 1), help: "" }), itemPath, v);
        r.classList.add("list-row");
        r.querySelector(".control").append(tools);
        box.append(r);
      }
    });
    box.append(el("button", { type: "button", class: "secondary add", text: "＋ 添加" + itemTitle(node),
      onclick: () => { const list = getAt(path); const blank = node.item.widget === "group" ? {} : "";
        if (Array.isArray(list)) list.push(blank); else setAt(path, [blank]); changed(true, path.concat(getAt(path).length - 1)); } }));
    return box;
  }

  function move(path, i, step) {
    const items = getAt(path);
    const [moved] = items.splice(i, 1);
    items.splice(i + step, 0, moved);
    changed(true);
  }
  // A deleted block can be brought back (it may hold paragraphs of work).
  const undo = document.getElementById("undo");
  let removed = null;
  function remove(path, i) {
    const [value] = getAt(path).splice(i, 1);
    removed = { path, i, value };
    undo.hidden = false;
    changed(true);
  }
  undo.addEventListener("click", () => {
    if (!removed) return;
    const list = getAt(removed.path);
    if (Array.isArray(list)) list.splice(Math.min(removed.i, list.length), 0, removed.value);
    else setAt(removed.path, [removed.value]);
    removed = null;
    undo.hidden = true;
    changed(true);
  });

  function headingPlaceholder(sectionKey) {
    const item = spec.items[sectionKey];
    const y = year();
    if (!item || y === null) return null;
    return "不填则用标准标题：" + item.heading.replace("{year}", y).replace("{next_year}", y + 1);
  }

  function row(node, path, value, sectionKey) {
    const name = fieldName(path);
    const id = "f-" + name.replace(/[^A-Za-z0-9_]/g, "_");
    const label = el("label", { for: id, text: node.title + (node.required ? " *" : "") });
    const todo = typeof value === "string" && value.startsWith(TODO) ? value : null;
    let input;
    const common = { id, name, "data-field": name, "data-path": JSON.stringify(path), "data-todo": todo };
    if (node.widget === "select") {
      input = el("select", common, el("option", { value: "", text: "（请选择）" }));
      for (const [v, text] of node.choices) input.append(el("option", { value: v, text }));
      input.value = value === undefined || value === null ? "" : String(value);
    } else if (node.widget === "checkbox") {
      input = el("input", Object.assign({ type: "checkbox" }, common));
      input.checked = value === true;
    } else if (node.widget === "textarea") {
      const text = value === undefined || value === null || todo ? "" : String(value);
      input = el("textarea", Object.assign({ rows: Math.min(18, Math.max(3, text.split("\n").length + 1)) }, common));
      input.value = text;
    } else {
      const type = node.widget === "date" ? "date" : "text";
      input = el("input", Object.assign({ type, inputmode: node.widget === "number" ? "decimal" : null,
        maxlength: node.maxlength || null }, common));
      input.value = value === undefined || value === null || todo ? "" : String(value);
    }
    if (todo) input.placeholder = "待填写：" + todo.slice(TODO.length);
    else if (node.key === "title" && path.length === 2 && headingPlaceholder(sectionKey)) input.placeholder = headingPlaceholder(sectionKey);
    else if (node.example && node.widget !== "checkbox" && node.widget !== "select") input.placeholder = "例如：" + node.example;
    input.addEventListener(node.widget === "select" || node.widget === "checkbox" ? "change" : "input", () => {
      let v;
      if (node.widget === "checkbox") v = input.checked;
      else if (input.value === "" && input.dataset.todo) v = input.dataset.todo;
      else v = input.value;
      setAt(path, v);
      if (node.widget === "textarea") input.rows = Math.min(18, Math.max(3, input.value.split("\n").length + 1));
      // the level decides the order of the five items: rebuild (on "change", so typing is never interrupted)
      changed(["level", "joint"].includes(node.key) && path[0] === "meta" && path.length === 2);
    });
    const r = el("div", { class: "row" + (node.widget === "checkbox" ? " check" : "") + (node.widget === "textarea" ? " wide" : "") });
    const control = el("div", { class: "control" }, input);
    if (node.widget === "checkbox") r.append(control, label); else r.append(label, control);
    if (node.help && node.widget !== "checkbox") r.append(el("p", { class: "help", text: node.help }));
    else if (node.help) label.title = node.help;
    r.append(el("div", { class: "msgs" }));
    return r;
  }

  // --- changes: autosave, live validation -----------------------------------------------------------
  let autosaveTimer = null, validateTimer = null, focusAfter = null;
  function changed(structural, focusPath) {
    dirty = true;
    if (structural) { focusAfter = focusPath || null; render(); focusNew(); }
    clearTimeout(autosaveTimer);
    autosaveTimer = setTimeout(autosave, 300);
    clearTimeout(validateTimer);
    statusBox.textContent = "正在检查…";
    validateTimer = setTimeout(validate, 350);
  }
  function focusNew() {
    if (!focusAfter) return;
    const target = form.querySelector('[data-field="' + CSS.escape(fieldName(focusAfter)) + '"]');
    focusAfter = null;
    if (!target) return;
    const input = target.matches("input,select,textarea") ? target : target.querySelector("input,select,textarea");
    if (input) input.focus();
  }
  function autosave() {
    try {
      localStorage.setItem(storeKey, JSON.stringify({ time: Date.now(), base: info.base, data: state }));
    } catch (e) { /* storage full or disabled: saving to the file still works */ }
  }

  let sequence = 0;
  async function validate() {
    const mine = ++sequence;
    const { json } = await Drafter.post("/api/validate", { file: info.file, data: state });
    if (mine !== sequence) return;          // an older answer arriving late
    if (json.diagnostics) { diagnostics = json.diagnostics; showMessages(); }
    else statusBox.textContent = Drafter.message(json);
  }

  function targetFor(field) {
    let name = field || "";
    while (name) {
      const found = form.querySelector('[data-field="' + CSS.escape(name) + '"]');
      if (found) return found;
      const cut = Math.max(name.lastIndexOf("."), name.lastIndexOf("["));
      name = cut > 0 ? name.slice(0, cut) : "";
    }
    return form.querySelector('[data-field="meta"]');
  }

  function showMessages() {
    form.querySelectorAll(".msgs").forEach((m) => m.replaceChildren());
    form.querySelectorAll(".has-error, .has-warning, .contains-error").forEach((n) =>
      n.classList.remove("has-error", "has-warning", "contains-error"));
    form.querySelectorAll("[aria-invalid]").forEach((n) => n.removeAttribute("aria-invalid"));
    const listBox = document.getElementById("problem-list");
    listBox.replaceChildren();
    if (diagnostics === null) { statusBox.textContent = "正在检查…"; return; }
    let errors = 0, warnings = 0;
    diagnostics.forEach((d, i) => {
      const isError = d.severity === "error";
      if (isError) errors++; else warnings++;
      const target = targetFor(d.field);
      const holder = target.matches("input,select,textarea") ? target.closest(".row") : target;
      const msgs = holder.querySelector(":scope > .msgs") || holder.querySelector(".msgs");
      const msg = el("p", { class: "msg " + (isError ? "error" : "warning"), id: "msg-" + i },
        el("b", { text: isError ? "错误：" : "警告：" }), d.message,
        d.hint ? el("span", { class: "hint", text: "（" + d.hint + "）" }) : null);
      if (msgs) msgs.append(msg);
      holder.classList.add(isError ? "has-error" : "has-warning");
      if (target.matches("input,select,textarea")) target.setAttribute("aria-invalid", "true");
      let up = holder.parentElement;
      while (up && up !== form) {
        if (up.matches(".entry") && isError) up.classList.add("contains-error");
        up = up.parentElement;
      }
      const link = el("a", { href: "#msg-" + i, class: isError ? "error" : "warning", text: d.message,
        onclick: (event) => { event.preventDefault(); reveal(target); } });
      listBox.append(el("li", { class: isError ? "error" : "warning" }, link,
        d.field ? el("span", { class: "where", text: " · " + sectionTitle(d.field) }) : null));
    });
    if (!diagnostics.length) listBox.append(el("li", { class: "ok", text: "没有发现问题。" }));
    statusBox.className = "status " + (errors ? "bad" : "good");
    statusBox.textContent = errors || warnings ? errors + "个错误，" + warnings + "个警告" : "数据有效";
  }

  function sectionTitle(field) {
    const key = field.split(/[.[]/)[0];
    const item = spec.items[key];
    const node = spec.fields[key];
    return node ? (item ? item.marker + " " : "") + node.title.replace(/^[①②③④⑤]\s*/, "") : field;
  }

  function reveal(target) {
    let up = target.parentElement;
    while (up) { if (up.tagName === "DETAILS") up.open = true; up = up.parentElement; }
    target.scrollIntoView({ block: "center" });
    const input = target.matches("input,select,textarea") ? target : target.querySelector("input,select,textarea");
    if (input) input.focus();
  }

  // --- save, conflicts ------------------------------------------------------------------------------
  async function save(force) {
    clearTimeout(validateTimer);              // the save answers with its own check:
    sequence++;                               // a check still on its way must not overwrite what it says
    const button = document.getElementById("save");
    button.disabled = true;
    statusBox.textContent = "正在保存…";
    const { status, json } = await Drafter.post("/api/save", { file: info.file, data: state, base: info.base, force: !!force });
    button.disabled = false;
    if (status === 409 && json.conflict) {
      document.getElementById("conflict-disk").textContent = json.disk;
      document.getElementById("conflict-mine").textContent = json.mine;
      document.getElementById("conflict").hidden = false;
      document.getElementById("conflict").scrollIntoView();
      statusBox.textContent = "未保存：文件已被其他程序修改";
      return;
    }
    if (!json.ok) { statusBox.textContent = "保存失败：" + Drafter.message(json); return; }
    info.base = json.base;
    dirty = false;
    localStorage.removeItem(storeKey);
    document.getElementById("conflict").hidden = true;
    diagnostics = json.diagnostics;
    showMessages();
    const now = new Date();
    statusBox.textContent = "已保存（" + now.toLocaleTimeString("zh-CN", { hour12: false }) + "）" +
      (json.valid ? "，数据有效" : "，但数据还有问题，见右侧列表") + (json.backup ? "；原文件已备份为 " + json.backup : "");
    statusBox.className = "status " + (json.valid ? "good" : "bad");
  }
  document.getElementById("save").addEventListener("click", () => save(false));
  document.addEventListener("keydown", (event) => {          // Ctrl+S saves, as in Word
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") { event.preventDefault(); save(false); }
  });
  document.getElementById("conflict-overwrite").addEventListener("click", () => save(true));
  document.getElementById("conflict-reload").addEventListener("click", () => {
    localStorage.removeItem(storeKey); dirty = false; location.reload();
  });
  window.addEventListener("beforeunload", (event) => { if (dirty) { autosave(); event.preventDefault(); } });

  // --- outputs: .docx, approximate preview, PDF with progress -----------------------------------
  const output = document.getElementById("output");
  const outputBody = document.getElementById("output-body");
  function showOutput(...nodes) { outputBody.replaceChildren(...nodes); output.hidden = false; output.scrollIntoView({ block: "nearest" }); }
  function failed(json) {
    if (json.diagnostics) { diagnostics = json.diagnostics; showMessages(); }
    showOutput(el("p", { class: "msg error", role: "alert", text: Drafter.message(json) }));
  }
  document.getElementById("docx").addEventListener("click", async () => {
    showOutput(el("p", { text: "正在生成 .docx…" }));
    const { json } = await Drafter.post("/api/render", { file: info.file, data: state });
    if (!json.ok) return failed(json);
    const link = el("a", { href: json.url, download: json.filename, id: "docx-link", class: "button", text: "下载 " + json.filename });
    showOutput(el("p", { text: "已生成。若没有自动下载，请点击：" }), link);
    link.click();
  });
  document.getElementById("approx").addEventListener("click", async () => {
    const { json } = await Drafter.post("/api/preview", { file: info.file, data: state });
    if (!json.ok) return failed(json);
    const overlay = el("div", { class: "overlay", id: "preview", role: "dialog", "aria-label": "近似预览" });
    const close = el("button", { type: "button", class: "close", text: "关闭预览", onclick: () => overlay.remove() });
    const body = el("div", { class: "overlay-body" });
    body.innerHTML = json.html;              // rendered by the server's autoescaping template
    overlay.append(close, body);
    document.body.append(overlay);
    overlay.addEventListener("keydown", (event) => { if (event.key === "Escape") overlay.remove(); });
    close.focus();
  });
  const pdfButton = document.getElementById("pdf");
  if (pdfButton) pdfButton.addEventListener("click", async () => {
    pdfButton.disabled = true;
    const stage = el("p", { class: "stage", text: "正在开始…" });
    showOutput(stage, el("progress", { "aria-label": "PDF 生成进度" }));
    const { json } = await Drafter.post("/api/pdf", { file: info.file, data: state });
    if (!json.ok) { pdfButton.disabled = false; return failed(json); }
    const poll = async () => {
      const response = await fetch("/api/job/" + encodeURIComponent(json.job), { credentials: "same-origin" });
      const job = await response.json();
      if (!job.done) { stage.textContent = job.stage + "（已用 " + job.elapsed + " 秒）"; setTimeout(poll, 700); return; }
      pdfButton.disabled = false;
      if (job.error) { showOutput(el("p", { class: "msg error", role: "alert", text: job.error })); return; }
      const nodes = [];
      if (job.fonts) nodes.push(el("p", { class: "msg warning", id: "fonts-warning", role: "status", text: job.fonts }));
      nodes.push(el("p", {}, el("a", { href: job.pdf + "?inline=1", target: "_blank", rel: "noopener", class: "button", text: "在新标签页打开 PDF" }),
        " ", el("a", { href: job.pdf, download: true, class: "button secondary", text: "下载 PDF" })));
      const pages = el("div", { class: "pages" });
      (job.pages || []).forEach((src, i) => pages.append(el("img", { src: src + "?inline=1", alt: "第" + (i + 1) + "页" })));
      nodes.push(pages);
      showOutput(...nodes);
    };
    setTimeout(poll, 500);
  });

  // --- start: restore offer, notices, first check ---------------------------------------------------
  function offerRestore() {
    let saved;
    try { saved = JSON.parse(localStorage.getItem(storeKey) || "null"); } catch (e) { saved = null; }
    if (!saved || !saved.data || JSON.stringify(saved.data) === JSON.stringify(state)) return;
    const when = new Date(saved.time).toLocaleString("zh-CN", { hour12: false });
    document.getElementById("restore-text").textContent =
      "发现 " + when + " 自动保存、尚未保存到文件的修改（可能是浏览器或电脑意外关闭）。要恢复吗？";
    const banner = document.getElementById("restore");
    banner.hidden = false;
    document.getElementById("restore-yes").onclick = () => {
      state = saved.data; banner.hidden = true; changed(true);
    };
    document.getElementById("restore-no").onclick = () => { localStorage.removeItem(storeKey); banner.hidden = true; };
  }
  const notice = sessionStorage.getItem("drafter:notice");
  if (notice) {
    sessionStorage.removeItem("drafter:notice");
    const banner = el("div", { class: "banner info", role: "status", text: notice });
    document.querySelector(".editor").insertBefore(banner, document.querySelector(".layout"));
  }
  render();
  offerRestore();
  validate();
})();
