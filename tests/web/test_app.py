"""The web application's protections and API, through Flask's test client (no browser needed)."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from drafter.web.app import Settings, create_app
from drafter.web.safety import PathRefused, resolve_inside, upload_name

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def root(tmp_path):
    folder = tmp_path / "office"
    folder.mkdir()
    return folder


def make(root, **options):
    settings = Settings(root=root, host=options.pop("host", "127.0.0.1"), port=8765, **options)
    app = create_app(settings)
    return app.test_client()


def signed_in(root, **options):
    client = make(root, token="tok-123", **options)
    response = client.get("/?token=tok-123", headers={"Host": "127.0.0.1:8765"})
    assert response.status_code == 302 and "token" not in response.headers["Location"]
    page = client.get("/", headers={"Host": "127.0.0.1:8765"}).get_data(as_text=True)
    csrf = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)
    return client, csrf


H = {"Host": "127.0.0.1:8765"}


@pytest.mark.parametrize("name", ["../x.yaml", "a/../../x.yaml", "/etc/x.yaml", "C:/x.yaml", "c:x.yaml",
                                  "\\\\server\\share\\x.yaml", "..\\x.yaml", "CON.yaml", "nul.yml", "com1.yaml",
                                  "LPT9.txt.yaml", "a:stream.yaml", "x.yaml ", "x.yaml.", "x.txt", "",
                                  "x\x00.yaml"])
def test_paths_outside_or_unsafe_are_refused(root, name):
    with pytest.raises(PathRefused) as info:
        resolve_inside(root, name)
    assert info.value.message.startswith("拒绝访问")


def test_paths_inside_are_allowed(root):
    assert resolve_inside(root, "2024.yaml") == (root / "2024.yaml").resolve()
    assert resolve_inside(root, "各部门\\司法局.yaml") == (root / "各部门" / "司法局.yaml").resolve()


def test_symlink_out_of_the_folder_is_refused(root, tmp_path):
    outside = tmp_path / "secret.yaml"
    outside.write_text("a: 1\n", encoding="utf-8")
    (root / "link.yaml").symlink_to(outside)
    (root / "dir").symlink_to(tmp_path)
    for name in ("link.yaml", "dir/secret.yaml"):
        with pytest.raises(PathRefused):
            resolve_inside(root, name)


def test_upload_names_are_reduced_to_a_safe_base_name():
    assert upload_name("C:\\Users\\张三\\2023年报告.docx") == "2023年报告.docx"
    assert upload_name("../../etc/passwd") == "passwd"
    assert upload_name("CON") == "草稿.docx"
    assert upload_name("a<b>:c.txt") == "abc.txt"


def test_host_header_is_checked_against_dns_rebinding(root):
    client, _ = signed_in(root)
    assert client.get("/", headers={"Host": "evil.example:8765"}).status_code == 400
    assert make(root, token="t").get("/?token=t", headers={"Host": "localhost:8765"}).status_code == 302
    lan = make(root, host="0.0.0.0", token="t")
    assert lan.get("/?token=t", headers={"Host": "192.168.1.20:8765"}).status_code == 302
    assert lan.get("/?token=t", headers={"Host": "attacker.example"}).status_code == 400


def test_token_required_and_compared(root):
    client = make(root, token="tok-123")
    assert client.get("/", headers=H).status_code == 403
    wrong = client.get("/?token=nope", headers=H)
    assert wrong.status_code == 403 and "访问令牌不正确" in wrong.get_data(as_text=True)
    assert client.post("/api/validate", json={"data": {}}, headers=H).status_code == 403


def test_password_login(root):
    client = make(root, password="correct horse")
    assert client.get("/", headers=H).status_code == 302
    page = client.get("/login", headers=H).get_data(as_text=True)
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    assert client.post("/login", data={"password": "nope", "csrf": csrf}, headers=H).status_code == 403
    assert client.post("/login", data={"password": "correct horse"}, headers=H).status_code == 403  # no CSRF
    assert client.post("/login", data={"password": "correct horse", "csrf": csrf}, headers=H).status_code == 302
    assert client.get("/", headers=H).status_code == 200


def test_csrf_origin_csp_and_no_cors(root):
    client, csrf = signed_in(root)
    assert client.post("/api/validate", json={"data": {}}, headers=H).status_code == 403
    ok = client.post("/api/validate", json={"data": {}}, headers={**H, "X-CSRF-Token": csrf})
    assert ok.status_code == 200
    foreign = client.post("/api/validate", json={"data": {}},
                          headers={**H, "X-CSRF-Token": csrf, "Origin": "http://evil.example"})
    assert foreign.status_code == 403
    page = client.get("/", headers={**H, "Origin": "http://evil.example"})
    csp = page.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "object-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp
    assert not any(k.lower().startswith("access-control-") for k in page.headers.keys())


def test_validate_gives_the_cli_messages(root):
    from drafter.data.validate import validate_file
    client, csrf = signed_in(root)
    example = EXAMPLES / "county-2024.yaml"
    if not example.exists():
        example = sorted(EXAMPLES.glob("*.yaml"))[0]
    from drafter.data.loader import load_file
    from drafter.web.form import to_form
    data = to_form(load_file(example).data)
    data["meta"]["date"] = f"{data['meta']['year']}-06-01"
    answer = client.post("/api/validate", json={"file": "x.yaml", "data": data}, headers={**H, "X-CSRF-Token": csrf})
    messages = {d["message"] for d in answer.get_json()["diagnostics"]}
    broken = root / "broken.yaml"
    text = example.read_text(encoding="utf-8")
    broken.write_text(re.sub(r"(?m)^  date: .*$", f"  date: {data['meta']['year']}-06-01", text), encoding="utf-8")
    assert messages == {d.message for d in validate_file(broken).diagnostics}
    assert any("不在报告年度" in m for m in messages)


def test_upload_size_is_limited_and_nothing_is_kept(root):
    client, csrf = signed_in(root)
    big = io.BytesIO(b"x" * (21 * 1024 * 1024))
    answer = client.post("/api/lint", data={"draft": (big, "big.txt")}, headers={**H, "X-CSRF-Token": csrf},
                         content_type="multipart/form-data")
    assert answer.status_code == 413 and "过大" in answer.get_json()["error"]
    text = "关于2024年法治政府建设情况的报告\n一、主要举措\n全年办理案件13件。\n"
    answer = client.post("/api/lint", data={"draft": (io.BytesIO(text.encode()), "草稿.txt")},
                         headers={**H, "X-CSRF-Token": csrf}, content_type="multipart/form-data")
    assert answer.status_code == 200
    report = answer.get_json()["report"]["files"][0]
    assert report["path"] == "草稿.txt" and report["items"]["problems"]["status"] == "missing"
    assert list(root.iterdir()) == []


def test_unreadable_upload_is_a_chinese_message(root):
    client, csrf = signed_in(root)
    answer = client.post("/api/lint", data={"draft": (io.BytesIO(b"PK\x03\x04 not a zip"), "坏文件.docx")},
                         headers={**H, "X-CSRF-Token": csrf}, content_type="multipart/form-data")
    assert answer.status_code == 400
    assert re.search(r"[\u4e00-\u9fff]", answer.get_json()["error"])


def test_user_text_is_never_a_template(root):
    client, csrf = signed_in(root)
    from drafter.data.loader import load_file
    from drafter.web.form import to_form
    data = to_form(load_file(sorted(EXAMPLES.glob("*.yaml"))[0]).data)
    data["intro"] = "正文中的 <script>alert(1)</script> 和 A & B 以及 7*7 都照原样显示。"
    answer = client.post("/api/preview", json={"file": "x.yaml", "data": data}, headers={**H, "X-CSRF-Token": csrf})
    html = answer.get_json()["html"]
    assert "7*7" in html and "49" not in html and "<script>" not in html and "&lt;script&gt;" in html
    # Template marks are leftovers validate refuses (as lint does), so they never reach a template either.
    data["intro"] = "{{ 7*7 }} {% for x in range(3) %}x{% endfor %}"
    refused = client.post("/api/preview", json={"file": "x.yaml", "data": data}, headers={**H, "X-CSRF-Token": csrf})
    assert refused.status_code == 422
    assert any(d["field"] == "intro" and "模板标记" in d["message"] for d in refused.get_json()["diagnostics"])


def test_new_report_refuses_to_overwrite(root):
    client, csrf = signed_in(root)
    form = {"level": "county", "joint": "0", "year": "2024", "body": "兴平市人民政府", "file": "2024.yaml"}
    first = client.post("/api/new", data=form, headers={**H, "X-CSRF-Token": csrf})
    assert first.get_json()["ok"] is True
    text = (root / "2024.yaml").read_text(encoding="utf-8")
    assert "body: 兴平市人民政府" in text and (root / "drafter-report.schema.json").exists()
    again = client.post("/api/new", data=form, headers={**H, "X-CSRF-Token": csrf})
    assert again.status_code == 400 and "已存在" in again.get_json()["error"]
    assert (root / "2024.yaml").read_text(encoding="utf-8") == text
    bare = client.post("/api/new", data={**form, "file": "兴平2024"}, headers={**H, "X-CSRF-Token": csrf})
    assert bare.get_json()["ok"] is True and (root / "兴平2024.yaml").is_file()
    evil = client.post("/api/new", data={**form, "file": "../2024.yaml"}, headers={**H, "X-CSRF-Token": csrf})
    assert evil.status_code == 400 and not (root.parent / "2024.yaml").exists()
    json.dumps(first.get_json())


def test_form_is_generated_from_the_schema_and_the_levels():
    from drafter import levels
    from drafter.data.validate import raw_schema
    from drafter.web.form import form_spec

    spec = form_spec()

    def walk(rules: dict, node: dict, where: str):
        meta = rules.get("meta") or {}
        if meta.get("title"):
            assert node["title"] == meta["title"], where
        assert node["required"] == bool(rules.get("required")), where
        if rules.get("allowed"):
            assert [c[0] for c in node["choices"]] == list(rules["allowed"]), where
            assert all(re.search(r"[\u4e00-\u9fff]", c[1]) for c in node["choices"]) or where.endswith("kind"), where
        if rules.get("type") == "dict":
            assert [f["key"] for f in node["fields"]] == list(rules["schema"]), where
            for field in node["fields"]:
                walk(rules["schema"][field["key"]], field, f"{where}.{field['key']}")
        if rules.get("type") == "list":
            walk(rules["schema"], node["item"], where + "[]")
        if rules.get("type") == "date":
            assert node["widget"] == "date", where
        # help in the words of the form: no YAML syntax, no field names in Latin letters
        assert "“|”" not in node["help"] and not re.search(r"[A-Za-z_]{3,}", node["help"]), (where, node["help"])
        assert bool(node["help"]) == bool(meta.get("description")), where

    for key, rules in raw_schema().items():
        walk(rules, spec["fields"][key], key)
    for level in levels.all_levels().values():
        assert spec["orders"][level.id] == ["meta", "intro", *level.item_order]
    assert spec["fields"]["intro"]["widget"] == "textarea"
    assert spec["fields"]["meta"]["fields"][1]["widget"] == "select"      # level, with Chinese names


def test_form_data_is_typed_and_ordered_by_the_schema():
    import datetime as dt

    from drafter.web.form import from_form, to_yaml
    data = from_form({"intro": "第一段\r\n\r\n第二段  ", "meta": {"year": "2024", "date": "2025-02-20", "body": "某县人民政府",
                                                              "level": "county", "title": "", "cc": [], "joint": False,
                                                              "recipients": ["甲", ""]},
                      "measures": {"areas": [{"stats": [{"total": "13件", "name": "案件", "unit": "件",
                                                         "parts": [{"value": "1.5", "name": "甲"}]}],
                                              "title": "标题", "kind": "enforcement"}]}})
    assert list(data) == ["meta", "intro", "measures"]
    assert list(data["meta"]) == ["body", "level", "joint", "year", "date", "recipients"]
    assert data["meta"]["year"] == 2024 and data["meta"]["date"] == dt.date(2025, 2, 20)
    assert data["meta"]["recipients"] == ["甲"]
    assert data["intro"] == "第一段\n\n第二段\n"
    stat = data["measures"]["areas"][0]["stats"][0]
    assert list(data["measures"]["areas"][0]) == ["kind", "title", "stats"]
    assert stat["total"] == "13件" and stat["parts"][0]["value"] == 1.5
    text = to_yaml(data)
    assert text.startswith("# yaml-language-server: $schema=./drafter-report.schema.json\n")
    assert "  intro: |" not in text and "intro: |\n  第一段\n\n  第二段\n" in text


def test_docs_screenshots_exist_and_stay_small():
    docs = Path(__file__).resolve().parents[2] / "docs"
    text = (docs / "serve.md").read_text(encoding="utf-8")
    images = re.findall(r"\]\((images/[^)]+\.png)\)", text)
    assert len(images) >= 5
    for name in images:
        path = docs / name
        assert path.is_file(), name
        assert path.stat().st_size < 200 * 1024, name


def test_comments_survive_the_form(tmp_path):
    """Comments (init's help, import's 待核对 and prompts) come back exactly when a file is saved from the form."""
    from drafter.data.loader import load_text
    from drafter.data.skeleton import skeleton
    from drafter.web.form import load_for_form, saved

    texts = [skeleton("township", 2024, True)]
    texts.append("# 我的说明\nmeta:\n  body: 某县人民政府  # 待核对：从标题识别\n  level: county\n  year: 2024\n"
                 "  # 原文缺失，请补充：成文日期\n  date:\n  recipients:\n    - 中共某市委  # 待核对：主送\n"
                 "    - 某市人民政府\nintro: |\n  第一段 # 不是注释\n\n  第二段\n"
                 "measures:\n  areas:\n    # 去年安排：甲\n    - kind: enforcement\n      title: 甲\n"
                 "    # 去年安排：乙\n    - kind: disputes  # 待核对：猜测\n      title: 乙\n")
    for text in texts:
        data = load_for_form(text, load_text(text, "x.yaml"))
        out, _ = saved(data, "x.yaml")
        if text is texts[0]:
            assert out == text                   # drafter init's file, byte for byte
        else:
            assert out.startswith("# yaml-language-server: $schema=./drafter-report.schema.json\n# 我的说明\n")
            assert out.split("\n", 3)[3] == text.split("\n", 1)[1]
    # comments travel with their block when blocks are reordered, and go with a deleted one
    data = load_for_form(texts[1], load_text(texts[1], "x.yaml"))
    areas = data["measures"]["areas"]
    areas.reverse()
    out, _ = saved(data, "x.yaml")
    assert out.index("# 去年安排：乙") < out.index("- kind: disputes  # 待核对：猜测") < out.index("# 去年安排：甲")
    del areas[0]
    out, _ = saved(data, "x.yaml")
    assert "乙" not in out and "# 去年安排：甲" in out
    assert "第一段 # 不是注释" in out
