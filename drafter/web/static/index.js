/* Start page: new report, start from last year's report, check a draft. */
"use strict";
(function () {
  function wire(id, onOk) {
    const form = document.getElementById(id);
    if (!form) return;
    const error = form.querySelector(".msg.error");
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      error.hidden = true;
      const button = form.querySelector("button[type=submit]");
      button.disabled = true;
      const label = button.textContent;
      button.textContent = "正在处理…";
      const { json } = await Drafter.post(form.dataset.api, new FormData(form));
      button.disabled = false;
      button.textContent = label;
      if (json.ok) onOk(json);
      else { error.textContent = Drafter.message(json); error.hidden = false; }
    });
  }
  wire("new-form", (json) => { location.href = json.url; });
  wire("import-form", (json) => {
    const found = json.found && json.found.length ? "识别到：" + json.found.join("、") + "。" : "";
    if (found) sessionStorage.setItem("drafter:notice", "已根据去年的报告生成今年的初稿。" + found);
    if (json.missing && json.missing.length) {
      sessionStorage.setItem("drafter:notice", "已根据去年的报告生成今年的初稿。" + found + "还需要补写：" + json.missing.join("；") +
        "（已在相应位置填入“【待填写】”，右侧问题列表逐项列出）。");
    }
    location.href = json.url;
  });
  wire("lint-form", (json) => {
    const box = document.getElementById("lint-result");
    box.innerHTML = json.html;   // rendered by the server's autoescaping templates
    box.hidden = false;
    box.scrollIntoView({ behavior: "instant", block: "start" });
  });
  // A file dropped on the “check a draft” or “start from last year” card is used as if chosen there.
  for (const [card, formId] of [["lint", "lint-form"], ["import", "import-form"]]) {
    const zone = document.getElementById(card);
    if (!zone) continue;
    zone.addEventListener("dragover", (event) => { event.preventDefault(); zone.classList.add("dropping"); });
    zone.addEventListener("dragleave", () => zone.classList.remove("dropping"));
    zone.addEventListener("drop", (event) => {
      event.preventDefault();
      zone.classList.remove("dropping");
      const files = event.dataTransfer && event.dataTransfer.files;
      if (!files || !files.length) return;
      const form = document.getElementById(formId);
      form.querySelector("input[type=file]").files = files;
      form.requestSubmit();
    });
  }
  // Joint reports exist only for some levels.
  const level = document.querySelector("#new-form select[name=level]");
  const jointRadio = document.querySelector('#new-form input[name=joint][value="1"]');
  function syncJoint() {
    const ok = level.selectedOptions[0].dataset.joint === "1";
    jointRadio.disabled = !ok;
    if (!ok && jointRadio.checked) document.querySelector('#new-form input[name=joint][value="0"]').checked = true;
  }
  if (level) { level.addEventListener("change", syncJoint); syncJoint(); }
})();
