"""The ``drafter serve`` web application (Flask): pages, the JSON API and the protections.

Everything here is a thin layer over the library: validation is
:mod:`drafter.data.validate`, new files :mod:`drafter.data.skeleton`, saving
:mod:`drafter.data.writer` (through :mod:`drafter.web.form`), rendering
:mod:`drafter.render`, draft checks the lint runner and :mod:`drafter.report`,
and “start from last year” :mod:`drafter.importer`.

Protections: a Host-header allow-list (DNS rebinding), an access token or a
password before anything else, a CSRF token on every POST (plus an Origin
check), a strict Content-Security-Policy, no CORS headers, files only inside
the start folder (:mod:`drafter.web.safety`), uploads size-limited and kept
only in a temporary folder that is removed when the request ends.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import secrets
import tempfile
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from flask import Flask, abort, jsonify, redirect, render_template, request, send_file, session, url_for

from drafter.errors import DrafterError, InputError
from drafter.web import form as formmod
from drafter.web.safety import allowed_hosts, host_ok, relative_name, resolve_inside, upload_name

MAX_UPLOAD = 20 * 1024 * 1024
MAX_JSON = 5 * 1024 * 1024
KEEP_ARTIFACTS = 40

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
       "frame-ancestors 'none'; form-action 'self'")


@dataclass
class Settings:
    root: Path
    host: str = "127.0.0.1"
    port: int = 8765
    token: str | None = None
    password: str | None = None


@dataclass
class Artifact:
    data: bytes
    filename: str
    mimetype: str


@dataclass
class Job:
    stage: str = "排队中"
    done: bool = False
    error: str | None = None
    started: float = field(default_factory=time.monotonic)
    result: dict = field(default_factory=dict)


class Store:
    """Generated files (.docx, PDF, page images, annotated copies) kept in memory only, newest last."""

    def __init__(self):
        self.items: OrderedDict[str, Artifact] = OrderedDict()
        self.jobs: dict[str, Job] = {}
        self.lock = threading.Lock()

    def put(self, data: bytes, filename: str, mimetype: str) -> str:
        key = secrets.token_urlsafe(12)
        with self.lock:
            self.items[key] = Artifact(data, filename, mimetype)
            while len(self.items) > KEEP_ARTIFACTS:
                self.items.popitem(last=False)
        return key

    def get(self, key: str) -> Artifact | None:
        with self.lock:
            return self.items.get(key)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _problem(exc: DrafterError, status: int = 400):
    return jsonify({"ok": False, "error": exc.message, "hint": exc.hint, "line": exc.line,
                    "column": exc.column}), status


def create_app(settings: Settings) -> Flask:
    app = Flask(__name__)
    app.secret_key = secrets.token_bytes(32)
    app.config.update(
        MAX_CONTENT_LENGTH=MAX_UPLOAD,
        # one cookie per port: two servers on one machine never share a session
        SESSION_COOKIE_NAME=f"drafter_{settings.port}",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        JSON_AS_ASCII=False,
    )
    app.json.ensure_ascii = False
    app.json.sort_keys = False           # the data keeps its (schema) order in the page
    root = settings.root.resolve()
    hosts = allowed_hosts(settings.host, settings.port)
    any_ip = settings.host in ("0.0.0.0", "::")
    store = Store()
    app.extensions["drafter"] = {"settings": settings, "store": store}

    # --- protections ------------------------------------------------------------------------

    def is_api() -> bool:
        return request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json"

    def refuse(status: int, message: str, hint: str):
        if is_api():
            return jsonify({"ok": False, "error": message, "hint": hint}), status
        return render_template("refused.html", message=message, hint=hint), status

    def without_token():
        """The same page again without ``?token=`` in the address bar (and out of the history)."""
        args = {k: v for k, v in request.args.items() if k != "token"}
        return redirect(url_for(request.endpoint or "index", **(request.view_args or {}), **args))

    @app.before_request
    def protect():
        if not host_ok(request.headers.get("Host"), hosts, any_ip):
            return refuse(400, "请求的主机名不被允许", "请使用 drafter serve 启动时显示的网址打开")
        if request.endpoint == "static":
            return None
        if session.get("auth") and "token" in request.args and request.method == "GET":
            return without_token()
        if not session.get("auth"):
            given = request.args.get("token")
            if settings.token and given is not None:
                if hmac.compare_digest(given.encode(), settings.token.encode()):
                    session.clear()
                    session["auth"] = True
                    session["csrf"] = secrets.token_urlsafe(24)
                    return without_token()
                return refuse(403, "访问令牌不正确", "请使用 drafter serve 启动时显示的完整网址（含 token=…）")
            if settings.password and request.endpoint == "login":
                session.setdefault("csrf", secrets.token_urlsafe(24))
            elif settings.password:
                if is_api():
                    return refuse(403, "尚未登录", "请先在首页输入密码登录")
                return redirect(url_for("login"))
            elif settings.token:
                return refuse(403, "缺少访问令牌", "请使用 drafter serve 启动时显示的完整网址（含 token=…）")
            else:
                session["auth"] = True
        session.setdefault("csrf", secrets.token_urlsafe(24))
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            origin = request.headers.get("Origin")
            if origin and origin != "null" and not host_ok(origin.split("://", 1)[-1], hosts, any_ip):
                return refuse(403, "拒绝来自其他网站的请求", "请直接在 drafter 页面中操作")
            sent = request.headers.get("X-CSRF-Token") or request.form.get("csrf") or ""
            if not hmac.compare_digest(sent.encode(), session["csrf"].encode()):
                return refuse(403, "页面已过期（安全校验未通过）", "请刷新页面后重试；未保存的内容已自动保存在浏览器中")
        return None

    @app.after_request
    def headers(response):
        # a PDF opened in a tab needs the browser's viewer, which object-src 'none' would block;
        # it is not HTML (and nosniff keeps it so), so framing is all there is to forbid
        pdf = request.endpoint == "download" and response.mimetype == "application/pdf"
        response.headers["Content-Security-Policy"] = "frame-ancestors 'none'" if pdf else CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
        response.headers["Cross-Origin-Resource-Policy"] = "same-origin"
        if request.endpoint != "static":
            response.headers["Cache-Control"] = "no-store"
        return response

    @app.errorhandler(413)
    def too_large(_exc):
        return refuse(413, f"上传的文件过大（上限 {MAX_UPLOAD // 1024 // 1024} MB）", "请确认选对了文件")

    @app.errorhandler(DrafterError)
    def drafter_error(exc):
        return (_problem(exc, 400) if is_api() else
                (render_template("refused.html", message=exc.message, hint=exc.hint), 400))

    @app.errorhandler(Exception)
    def internal(exc):
        from werkzeug.exceptions import HTTPException
        if isinstance(exc, HTTPException):
            return exc
        import os
        import sys
        if os.environ.get("DRAFTER_DEBUG"):
            app.logger.exception("internal error")
        else:
            print(f"程序内部错误（{exc.__class__.__name__}: {exc}），请求：{request.method} {request.path}。"
                  "设置环境变量 DRAFTER_DEBUG=1 后重新启动可显示详细信息。", file=sys.stderr)
        return refuse(500, f"程序内部错误（{exc.__class__.__name__}），您的文件未被修改",
                      "请把终端窗口中的信息发给维护人员")

    @app.context_processor
    def common():
        # the folder's name only for those signed in
        return {"csrf": session.get("csrf", ""), "root_name": (root.name or str(root)) if session.get("auth") else ""}

    # --- helpers ----------------------------------------------------------------------------

    def body_json() -> dict:
        if request.content_length and request.content_length > MAX_JSON:
            abort(413)
        data = request.get_json(silent=True)
        if not isinstance(data, dict):
            raise InputError("请求内容无法识别", hint="请刷新页面后重试")
        return data

    def data_files() -> list[Path]:
        """Data files in the folder and up to two levels below (hidden folders and links not followed)."""
        import os
        found = []
        for folder, dirs, files in os.walk(root):
            depth = len(Path(folder).relative_to(root).parts)
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and depth < 2)
            for name in sorted(files):
                path = Path(folder) / name
                if (path.suffix.lower() in (".yaml", ".yml") and not name.startswith((".", "~$"))
                        and not path.is_symlink()):
                    found.append(path)
            if len(found) >= 200:
                break
        return found[:200]

    def write_schema_beside(target: Path) -> None:
        from drafter.data.jsonschema import SCHEMA_FILE_NAME, json_schema_text
        from drafter.fsutil import write_text
        schema_path = target.parent / SCHEMA_FILE_NAME
        text = json_schema_text()
        if not schema_path.exists() or schema_path.read_text(encoding="utf-8", errors="replace") != text:
            write_text(schema_path, text)

    def new_target(name: str) -> Path:
        from drafter.errors import OutputError
        name = name.strip()
        if name and not name.lower().endswith((".yaml", ".yml")) and "." not in name.replace("\\", "/").rsplit("/", 1)[-1]:
            name += ".yaml"                       # “2024” means 2024.yaml
        target = resolve_inside(root, name)
        if target.exists():
            raise OutputError("文件已存在，未做任何修改", path=name, hint="请换一个文件名，或在首页打开已有文件")
        return target

    def edit_url(target: Path) -> str:
        return url_for("edit", file=relative_name(root, target))

    # --- pages ------------------------------------------------------------------------------

    @app.get("/")
    def index():
        from drafter import levels
        from drafter.data.loader import load_file
        from drafter.data.validate import validate_loaded
        rows = []
        for path in data_files():
            row = {"name": relative_name(root, path), "level": "", "year": "", "state": "", "ok": False}
            try:
                result = validate_loaded(load_file(path))
                meta = result.document.get("meta") if isinstance(result.document, dict) else None
                meta = meta if isinstance(meta, dict) else {}
                level = levels.all_levels().get(meta.get("level"))
                row["level"] = level.name if level else str(meta.get("level") or "")
                row["year"] = meta.get("year") or ""
                row["ok"] = result.ok()
                row["state"] = "有效" if row["ok"] else f"{len(result.errors)}个错误"
                if result.warnings:
                    row["state"] += f"，{len(result.warnings)}个警告"
            except DrafterError as exc:
                row["state"] = "无法读取：" + exc.message
            rows.append(row)
        level_choices = [(lv.id, lv.name, lv.variant(True) is not None) for lv in levels.all_levels().values()]
        year = time.localtime().tm_year - 1
        return render_template("index.html", files=rows, levels=level_choices, year=year,
                               pdf=_soffice() is not None)

    @app.route("/login", methods=["GET", "POST"])
    def login():
        if request.method == "POST":
            given = request.form.get("password", "")
            if settings.password and hmac.compare_digest(given.encode(), settings.password.encode()):
                csrf = session.get("csrf") or secrets.token_urlsafe(24)
                session.clear()
                session["auth"] = True
                session["csrf"] = csrf
                return redirect(url_for("index"))
            time.sleep(1)          # slow down guessing
            return render_template("login.html", error="密码不正确"), 403
        return render_template("login.html", error=None)

    @app.get("/edit")
    def edit():
        name = request.args.get("file", "")
        target = resolve_inside(root, name)
        if not target.is_file():
            raise InputError("文件不存在", path=name, hint="请回到首页重新选择")
        from drafter.data.loader import MAX_BYTES, load_text, read_text
        raw = target.read_bytes()
        if len(raw) > MAX_BYTES:
            raise InputError("文件过大，不像是数据文件", path=name)
        try:
            text, notes = read_text(target)
            loaded = load_text(text, relative_name(root, target), notes)
        except InputError as exc:
            lines = raw.decode("utf-8", errors="replace").splitlines()
            backup = target.with_name(target.name + ".bak")
            return render_template("readonly.html", file=relative_name(root, target), error=exc, lines=lines,
                                   backup=relative_name(root, backup) if backup.is_file() else None)
        return render_template("edit.html", file=relative_name(root, target), base=_sha(raw),
                               data=formmod.load_for_form(text, loaded), spec=formmod.form_spec(),
                               pdf=_soffice() is not None)

    @app.get("/favicon.ico")
    def favicon():
        return "", 204

    @app.get("/download/<key>")
    def download(key):
        item = store.get(key)
        if item is None:
            abort(404)
        inline = request.args.get("inline") == "1" and item.mimetype in ("image/png", "application/pdf")
        return send_file(io.BytesIO(item.data), mimetype=item.mimetype, as_attachment=not inline,
                         download_name=item.filename)

    # --- API ----------------------------------------------------------------------------------

    @app.post("/api/validate")
    def api_validate():
        body = body_json()
        _, result = formmod.check(body.get("data"), str(body.get("file") or "表单"))
        return jsonify({"ok": result.ok(), "diagnostics": formmod.diagnostics_json(result)})

    @app.post("/api/save")
    def api_save():
        from drafter.fsutil import write_bytes, write_text
        body = body_json()
        name = str(body.get("file") or "")
        target = resolve_inside(root, name)
        text, result = formmod.saved(body.get("data"), name)
        if target.exists():
            current = target.read_bytes()
            if _sha(current) != body.get("base") and not body.get("force"):
                return jsonify({"ok": False, "conflict": True,
                                "error": "文件在您载入之后已被其他程序修改（如在编辑器中改过）",
                                "disk": current.decode("utf-8", errors="replace"), "mine": text}), 409
            write_bytes(target.with_name(target.name + ".bak"), current)
        write_text(target, text)
        write_schema_beside(target)
        return jsonify({"ok": True, "base": _sha(text.encode("utf-8")), "valid": result.ok(),
                        "diagnostics": formmod.diagnostics_json(result),
                        "backup": (target.name + ".bak") if target.with_name(target.name + ".bak").exists() else None})

    @app.post("/api/new")
    def api_new():
        from drafter.data.skeleton import skeleton
        from drafter.fsutil import write_text
        try:
            year = int(request.form.get("year", ""))
        except ValueError:
            raise InputError("请填写报告年度（四位数字，如 2024）") from None
        if not 2000 <= year <= 2100:
            raise InputError("报告年度应在 2000 到 2100 之间")
        level = request.form.get("level", "")
        joint = request.form.get("joint") == "1"
        target = new_target(request.form.get("file") or f"{year}.yaml")
        text = skeleton(level, year, joint, body=(request.form.get("body") or "").strip() or None)
        write_text(target, text)
        write_schema_beside(target)
        return jsonify({"ok": True, "url": edit_url(target)})

    @app.post("/api/import")
    def api_import():
        from drafter.fsutil import write_text
        from drafter.importer import import_file
        upload = request.files.get("draft")
        if upload is None or not upload.filename:
            raise InputError("请选择去年的报告文件（.docx、.doc、.wps 或 .txt）")
        with tempfile.TemporaryDirectory(prefix="drafter-upload-") as tmp:
            source = Path(tmp) / upload_name(upload.filename)
            upload.save(source)
            imported = import_file(source, next_year=True)
        year = imported.data["meta"].get("year")
        default = f"{year}.yaml" if isinstance(year, int) else Path(upload_name(upload.filename)).stem + ".yaml"
        target = new_target(request.form.get("file") or default)
        write_text(target, imported.yaml())
        write_schema_beside(target)
        return jsonify({"ok": True, "url": edit_url(target), "found": imported.found,
                        "missing": imported.missing, "guesses": imported.guesses})

    @app.post("/api/lint")
    def api_lint():
        from drafter import levels
        from drafter.document.read import read_document
        from drafter.lint.runner import lint_document
        from drafter.report.json import file_dict
        upload = request.files.get("draft")
        if upload is None or not upload.filename:
            raise InputError("请选择要检查的草稿文件（.docx、.doc、.wps 或 .txt）")
        display = upload_name(upload.filename)
        with tempfile.TemporaryDirectory(prefix="drafter-upload-") as tmp:
            source = Path(tmp) / display
            upload.save(source)
            document = read_document(source)
            result = lint_document(document)
            annotated = None
            if document.source is not None and source.suffix.lower() in (".docx", ".docm"):
                from drafter.report.annotate import annotate
                out = Path(tmp) / ("批注-" + Path(display).stem + ".docx")
                count = annotate(result, out)
                annotated = {"url": url_for("download", key=store.put(
                    out.read_bytes(), out.name,
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document")),
                    "count": count}
        result.path = display
        document.path = display
        data = file_dict(result)
        report = {"version": 1, "files": [data]}
        json_key = store.put((json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
                             Path(display).stem + "-检查结果.json", "application/json")
        html = render_template("lint_result.html", name=display, result=data, level=levels.get_level(result.level), groups=_lint_groups(result),
                               items=_item_rows(result), annotated=annotated,
                               json_url=url_for("download", key=json_key))
        return jsonify({"ok": True, "html": html, "report": report})

    @app.post("/api/preview")
    def api_preview():
        from drafter.render.context import build_context
        _, result, refused = valid_document("无法预览")
        if refused:
            return refused
        context, _ = build_context(result.document)
        return jsonify({"ok": True, "html": render_template("preview.html", c=context)})

    def valid_document(what: str):
        """(file name, validation result, None) for the form's data, or a 422 answer listing the problems."""
        body = body_json()
        name = str(body.get("file") or "报告.yaml")
        _, result = formmod.check(body.get("data"), name)
        if result.ok():
            return name, result, None
        return name, result, (jsonify({"ok": False, "error": f"数据还有错误，{what}（请先按提示修改）",
                                       "diagnostics": formmod.diagnostics_json(result)}), 422)

    def render_docx(document: dict, name: str) -> bytes:
        from drafter.render.render import render_report
        with tempfile.TemporaryDirectory(prefix="drafter-render-") as tmp:
            out = Path(tmp) / "report.docx"
            render_report(document, out, force=True, source=name)
            return out.read_bytes()

    @app.post("/api/render")
    def api_render():
        name, result, refused = valid_document("未生成报告")
        if refused:
            return refused
        data = render_docx(result.document, name)
        filename = Path(name).stem + ".docx"
        key = store.put(data, filename, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        return jsonify({"ok": True, "url": url_for("download", key=key), "filename": filename})

    @app.post("/api/pdf")
    def api_pdf():
        name, result, refused = valid_document("无法生成 PDF")
        if refused:
            return refused
        if _soffice() is None:
            return jsonify({"ok": False, "error": "未安装 LibreOffice，无法生成 PDF 预览",
                            "hint": "可使用“近似预览”，或下载 .docx 在 Word/WPS 中查看"}), 422
        job_id = secrets.token_urlsafe(12)
        with store.lock:
            for old in [k for k, j in store.jobs.items() if j.done][:-10]:
                del store.jobs[old]
            job = store.jobs[job_id] = Job()
        document = result.document
        stem = Path(name).stem

        def work():
            try:
                job.stage = "正在生成 .docx"
                data = render_docx(document, name)
                job.stage = "正在用 LibreOffice 排版（首次约需 10–30 秒）"
                pdf, job.result["fonts"] = _to_pdf(data)
                job.result["pdf"] = _download_url(store.put(pdf, stem + ".pdf", "application/pdf"))
                job.stage = "正在生成页面图像"
                job.result["pages"] = [_download_url(store.put(png, f"{stem}-{i + 1}.png",
                                                                                  "image/png"))
                                       for i, png in enumerate(_pages(pdf))]
                job.stage = "完成"
            except DrafterError as exc:
                job.error = exc.message + (f"（{exc.hint}）" if exc.hint else "")
            except Exception as exc:  # reported on the page, never a traceback
                job.error = f"生成 PDF 时出错（{exc.__class__.__name__}）"
            finally:
                job.done = True

        threading.Thread(target=work, daemon=True).start()
        return jsonify({"ok": True, "job": job_id})

    @app.get("/api/job/<job_id>")
    def api_job(job_id):
        job = store.jobs.get(job_id)
        if job is None:
            abort(404)
        return jsonify({"done": job.done, "stage": job.stage, "error": job.error,
                        "elapsed": round(time.monotonic() - job.started), **job.result})

    return app


def _download_url(key: str) -> str:
    return f"/download/{quote(key)}"


def _soffice():
    from drafter.render.render import find_soffice
    return find_soffice()


def _to_pdf(docx: bytes) -> tuple[bytes, str | None]:
    """(the PDF, the missing-fonts warning ``drafter render --pdf`` gives, or None)."""
    from drafter.render.fonts import fonts_warning, missing_fonts
    from drafter.render.render import convert_to_pdf
    with tempfile.TemporaryDirectory(prefix="drafter-pdf-") as tmp:
        path = Path(tmp) / "report.docx"
        path.write_bytes(docx)
        missing = missing_fonts([path])
        return convert_to_pdf([path], missing_fonts=missing)[0].read_bytes(), fonts_warning(missing)


def _pages(pdf: bytes, limit: int = 40) -> list[bytes]:
    """Page images through poppler's pdftoppm when installed (else the PDF link alone)."""
    import shutil
    import subprocess
    tool = shutil.which("pdftoppm")
    if tool is None:
        return []
    with tempfile.TemporaryDirectory(prefix="drafter-pages-") as tmp:
        source = Path(tmp) / "r.pdf"
        source.write_bytes(pdf)
        subprocess.run([tool, "-png", "-r", "60", "-l", str(limit), str(source), str(Path(tmp) / "p")],
                       capture_output=True, timeout=120, check=False)
        return [p.read_bytes() for p in sorted(Path(tmp).glob("p*.png"), key=lambda p: int(p.stem.split("-")[-1]))]


def _item_rows(result) -> list[dict]:
    from drafter import levels
    level = levels.get_level(result.level)
    names = {"section": "有（独立成节）", "subsection": "有（在小节中）", "body": "有（在正文中提到）", "missing": "缺少"}
    rows = []
    for item in level.ordered_items():
        status = result.items.get(item.key)
        state = status.status if status else "missing"
        rows.append({"marker": item.marker, "name": item.name, "status": state, "label": names.get(state, state),
                     "heading": status.heading if status else None})
    return rows


def _lint_groups(result) -> list[dict]:
    """Findings grouped by top-level heading (the items), then by paragraph, with the paragraph's text."""
    paragraphs = result.document.paragraphs if result.document is not None else []
    groups: OrderedDict = OrderedDict()
    for finding in result.findings:
        loc = finding.location
        head = loc.heading_path[0] if loc.heading_path else "全文 / 开头部分"
        group = groups.setdefault(head, OrderedDict())
        where = loc.index if loc.index is not None else -1
        entry = group.get(where)
        if entry is None:
            text = paragraphs[where].text if 0 <= where < len(paragraphs) else ""
            label = (f"第{loc.line}行" if loc.line else f"第{where + 1}段") if where >= 0 else "整篇"
            entry = group[where] = {"label": label, "text": text[:300] + ("…" if len(text) > 300 else ""),
                                    "path": " › ".join(loc.heading_path), "findings": []}
        entry["findings"].append(finding)
    from drafter import levels
    items = levels.get_level(result.level).items if result.level else {}
    marker = {status.heading: items[key].marker for key, status in result.items.items()
              if status is not None and status.heading and key in items}
    return [{"heading": head, "marker": marker.get(head, ""), "paragraphs": list(group.values())}
            for head, group in groups.items()]
