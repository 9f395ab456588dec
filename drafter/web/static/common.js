/* Shared helpers: requests carry the CSRF token; answers are JSON with Chinese messages. */
"use strict";
const Drafter = {
  csrf() { return document.querySelector('meta[name="csrf-token"]').content; },
  async post(url, body) {
    const headers = { "X-CSRF-Token": Drafter.csrf() };
    let payload = body;
    if (!(body instanceof FormData)) {
      headers["Content-Type"] = "application/json";
      payload = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(url, { method: "POST", headers, body: payload, credentials: "same-origin" });
    } catch (e) {
      return { status: 0, json: { ok: false, error: "无法连接 drafter（它可能已关闭）", hint: "请确认启动 drafter serve 的窗口仍在运行" } };
    }
    let json;
    try { json = await response.json(); } catch (e) { json = { ok: false, error: "服务器返回了无法识别的内容" }; }
    return { status: response.status, json };
  },
  message(json) { return (json.error || "操作失败") + (json.hint ? "（" + json.hint + "）" : ""); },
  el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "text") node.textContent = v;
      else if (k === "class") node.className = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children) if (c !== null && c !== undefined) node.append(c);
    return node;
  },
};
