"""File discovery and the robustness of `check_paths` on hostile trees."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from check_cli_support import CALLS, FIXTURE_SKILL, SEND, install_fake_engine, write

from realtime_skill.check.runner import CheckReport, check_paths, read_source
from realtime_skill.check.walk import SNIFF_LANGUAGE, discover, language_for_path, looks_like_nginx
from realtime_skill.loader import load_skill

MiB = 1024 * 1024


@pytest.fixture
def skill():  # type: ignore[no-untyped-def]
    return load_skill(FIXTURE_SKILL, use_cache=False)


@pytest.fixture(autouse=True)
def _engine(monkeypatch: pytest.MonkeyPatch) -> None:
    install_fake_engine(monkeypatch)


def run(paths: list[Path] | list[str], skill: object, **kwargs: object) -> CheckReport:
    return check_paths([str(p) for p in paths], skill=skill, **kwargs)  # type: ignore[arg-type]


def rules_by_path(report: CheckReport) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for d in (*report.findings, *report.notices):
        out.setdefault(Path(d.path).name, set()).add(d.rule)
    return out


def test_hostile_files_each_give_a_notice_and_the_rest_is_still_checked(tmp_path: Path, skill: object) -> None:
    write(tmp_path / "ok.js", "SEND(1)\n")
    write(tmp_path / "blob.js", b"\x7fELF\x00\x00binary SEND(")
    big = tmp_path / "huge.js"
    with big.open("wb") as handle:  # sparse: 50 MB on paper, no time or disk to create
        handle.truncate(50 * 1000 * 1000)
    write(tmp_path / "latin1.py", "caf\xe9 = 1\nSEND(2)\n".encode("latin-1"))
    (tmp_path / "sub").mkdir()
    os.symlink("..", tmp_path / "sub" / "up")  # sub/up -> tmp_path: a loop
    os.symlink("self.js", tmp_path / "self.js")  # a link to itself
    os.symlink("missing.js", tmp_path / "dangling.js")

    report = run([tmp_path], skill)

    seen = rules_by_path(report)
    assert seen["ok.js"] == {SEND}
    assert seen["blob.js"] == {"skipped-binary"}
    assert seen["huge.js"] == {"skipped-too-large"}
    assert seen["latin1.py"] == {"skipped-not-utf8"}
    assert seen["up"] == {"skipped-symlink-loop"}
    assert seen["self.js"] == {"skipped-symlink-loop"}
    assert seen["dangling.js"] == {"skipped-unreadable"}
    assert all(n.severity == "info" for n in report.notices)
    assert report.files_checked == 1
    assert report.files_skipped == 6
    latin = next(n for n in report.notices if n.rule == "skipped-not-utf8")
    assert (latin.line, latin.column) == (1, 4)  # the first bad byte


def test_max_bytes_is_configurable(tmp_path: Path, skill: object) -> None:
    write(tmp_path / "a.js", "SEND(1)\n" + "x" * 2000)
    assert rules_by_path(run([tmp_path], skill, max_bytes=1000))["a.js"] == {"skipped-too-large"}
    assert rules_by_path(run([tmp_path], skill, max_bytes=10_000))["a.js"] == {SEND}


def test_gitignore_at_every_level_with_negation(tmp_path: Path, skill: object) -> None:
    write(tmp_path / ".gitignore", "generated/\n*.gen.js\n")
    write(tmp_path / "generated" / "a.js", "SEND(1)\n")
    write(tmp_path / "src" / "b.gen.js", "SEND(1)\n")
    write(tmp_path / "src" / "keep.gen.js", "SEND(1)\n")
    write(tmp_path / "src" / ".gitignore", "!keep.gen.js\nlocal.py\n")
    write(tmp_path / "src" / "local.py", "SEND(1)\n")
    write(tmp_path / "other" / "local.py", "SEND(1)\n")  # the src/ rule does not reach here

    found = {d.path for d in run([tmp_path], skill).findings}
    rel = {str(Path(p).relative_to(tmp_path)) for p in found}
    assert rel == {"src/keep.gen.js", "other/local.py"}


def test_gitignore_above_the_walked_directory_counts_inside_a_repository(tmp_path: Path, skill: object) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    write(tmp_path / ".gitignore", "app/vendor/\n")
    write(tmp_path / "app" / "vendor" / "lib.js", "SEND(1)\n")
    write(tmp_path / "app" / "main.js", "SEND(1)\n")
    found = [Path(d.path).name for d in run([tmp_path / "app"], skill).findings]
    assert found == ["main.js"]


def test_dependency_cache_and_build_directories_are_skipped(tmp_path: Path, skill: object) -> None:
    for rel in ("node_modules/x/i.js", ".venv/lib/a.py", "venv/b.py", "env2/lib/c.py", "__pycache__/d.py",
                "dist/e.js", "build/f.js", ".git/hooks/g.py", "src/h.ts"):
        write(tmp_path / rel, "SEND(1)\n")
    write(tmp_path / "env2" / "pyvenv.cfg", "home = /usr\n")  # a virtualenv under any name
    assert {Path(d.path).name for d in run([tmp_path], skill).findings} == {"h.ts"}


def test_named_files_are_checked_even_where_a_walk_would_not_go(tmp_path: Path, skill: object) -> None:
    write(tmp_path / ".gitignore", "ignored.js\n")
    named = [write(tmp_path / "ignored.js", "SEND(1)\n"),
             write(tmp_path / "node_modules" / "n.js", "SEND(1)\n"),
             write(tmp_path / "site.conf", "SEND(1)\n"),  # a named .conf is nginx
             write(tmp_path / "README.md", "SEND(1)\n")]
    report = run(named, skill)
    assert {Path(d.path).name for d in report.findings} == {"ignored.js", "n.js", "site.conf"}
    assert [(Path(n.path).name, n.rule) for n in report.notices] == [("README.md", "skipped-unknown-language")]


def test_exclude_globs_and_force_exclude(tmp_path: Path, skill: object) -> None:
    write(tmp_path / "fixtures" / "a.js", "SEND(1)\n")
    write(tmp_path / "src" / "b.test.js", "SEND(1)\n")
    write(tmp_path / "src" / "c.js", "SEND(1)\n")
    excl = {"exclude": ["fixtures/", "*.test.js"], "exclude_root": str(tmp_path)}
    assert {Path(d.path).name for d in run([tmp_path], skill, **excl).findings} == {"c.js"}
    named = [tmp_path / "fixtures" / "a.js", tmp_path / "src" / "c.js"]
    assert len(run(named, skill, **excl).findings) == 2  # named files are checked...
    forced = run(named, skill, force_exclude=True, **excl)  # ...unless force_exclude (pre-commit)
    assert {Path(d.path).name for d in forced.findings} == {"c.js"}


def test_a_file_reached_twice_is_checked_once(tmp_path: Path, skill: object) -> None:
    write(tmp_path / "lib" / "a.js", "SEND(1)\n")
    os.symlink(tmp_path / "lib", tmp_path / "alias")
    os.symlink(tmp_path / "lib" / "a.js", tmp_path / "b.js")
    report = run([tmp_path, tmp_path / "lib"], skill)
    assert len(report.findings) == 1 and report.files_checked == 1


def test_a_loop_through_two_links_is_not_followed(tmp_path: Path, skill: object) -> None:
    write(tmp_path / "a" / "x.js", "SEND(1)\n")
    (tmp_path / "b").mkdir()
    os.symlink(tmp_path / "b", tmp_path / "a" / "to_b")
    os.symlink(tmp_path / "a", tmp_path / "b" / "to_a")
    report = run([tmp_path / "a"], skill)
    assert report.files_checked == 1
    assert [n.rule for n in report.notices] == ["skipped-symlink-loop"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_and_directory(tmp_path: Path, skill: object) -> None:
    secret = write(tmp_path / "secret.js", "SEND(1)\n")
    closed = tmp_path / "closed"
    write(closed / "x.js", "SEND(1)\n")
    secret.chmod(0)
    closed.chmod(0)
    try:
        report = run([tmp_path], skill)
    finally:
        closed.chmod(0o755)
    assert sorted(n.rule for n in report.notices) == ["skipped-unreadable", "skipped-unreadable"]


def test_nginx_files_by_name_place_and_content(tmp_path: Path, skill: object) -> None:
    server = "server {\n  listen 80;\n  location /ws { proxy_pass http://app; SEND(1); }\n}\n"
    write(tmp_path / "deploy" / "proxy.conf", server)  # sniffed: looks like nginx
    write(tmp_path / "deploy" / "supervisord.conf", "[program:x]\ncommand=SEND(1)\n")  # sniffed: not nginx
    write(tmp_path / "etc" / "nginx" / "conf.d" / "app.conf", "SEND(1);\n")  # nginx by place
    write(tmp_path / "sites-available" / "default", "SEND(1);\n")  # nginx by place, no suffix
    report = run([tmp_path], skill)
    assert {Path(d.path).name for d in report.findings} == {"proxy.conf", "app.conf", "default"}
    # the engine is told the language: the file names alone do not say nginx
    assert any(call.endswith("sites-available/default:nginx") for call in CALLS)
    assert any(call.endswith("deploy/proxy.conf:nginx") for call in CALLS)


def test_an_engine_failure_is_a_notice_and_the_run_goes_on(tmp_path: Path, skill: object) -> None:
    write(tmp_path / "a.js", "CRASH(1)\n")
    write(tmp_path / "b.js", "SEND(1)\n")
    report = run([tmp_path], skill)
    assert [Path(d.path).name for d in report.findings] == ["b.js"]
    assert [(n.rule, n.severity) for n in report.notices] == [("check-error", "error")]


def test_an_empty_selection_runs_no_rule(tmp_path: Path, skill: object) -> None:
    write(tmp_path / "a.js", "SEND(1)\n")
    report = run([tmp_path], skill, select=[])
    assert report.findings == () and report.files_checked == 1


@pytest.mark.parametrize(("path", "expected"), [
    ("a/b.js", "javascript"), ("a.mjs", "javascript"), ("a.jsx", "javascript"), ("a.ts", "typescript"),
    ("a.tsx", "tsx"), ("a.py", "python"), ("nginx.conf", "nginx"), ("x/site.nginx", "nginx"),
    ("docker/nginx/default.conf", "nginx"), ("etc/nginx-proxy/app.conf", "nginx"),
    ("nginx/templates/default.conf.template", "nginx"), ("sites-enabled/app", "nginx"),
    ("random/app.conf", SNIFF_LANGUAGE), ("README.md", None), ("Makefile", None), ("a.json", None),
])
def test_language_for_path(path: str, expected: str | None) -> None:
    assert language_for_path(path) == expected


def test_looks_like_nginx_needs_a_block_and_a_directive() -> None:
    assert looks_like_nginx("upstream app {\n  server 127.0.0.1:8080;\n}\nserver {\n  listen 80;\n}\n")
    assert not looks_like_nginx("[server]\nlisten=80\n")
    assert not looks_like_nginx("<VirtualHost *:80>\nServerName x\n</VirtualHost>\n")


def test_read_source_strips_a_bom_and_keeps_text(tmp_path: Path) -> None:
    path = write(tmp_path / "a.js", "\ufeffconst a = 1;\n".encode())
    assert read_source(str(path), "a.js", 100).text == "const a = 1;\n"


def test_parallel_run_equals_serial_run_and_reports_progress(tmp_path: Path, skill: object) -> None:
    for i in range(260):
        write(tmp_path / f"d{i % 7}" / f"f{i}.js", "ok();\n" * (i % 5) + ("SEND(1)\n" if i % 3 == 0 else ""))
    write(tmp_path / "d0" / "bin.js", b"\x00\x01")
    calls: list[tuple[int, int]] = []
    parallel = run([tmp_path], skill, jobs=2, progress=lambda done, total: calls.append((done, total)))
    serial = run([tmp_path], skill, jobs=1)
    assert parallel == serial
    assert parallel.files_checked == 260 and len(parallel.findings) == 87
    assert calls[-1] == (261, 261)


def test_discover_reports_display_paths_relative_to_what_was_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "src" / "a.js", "")
    monkeypatch.chdir(tmp_path)
    assert [t.display for t in discover(["."], max_bytes=MiB).targets] == ["src/a.js"]
    assert [t.display for t in discover(["./src/"], max_bytes=MiB).targets] == ["src/a.js"]
    assert [t.display for t in discover([str(tmp_path)], max_bytes=MiB).targets] == [f"{tmp_path}/src/a.js"]


def test_missing_named_path_is_an_error_notice(tmp_path: Path, skill: object) -> None:
    report = run([tmp_path / "nope.js"], skill)
    assert [(n.rule, n.severity) for n in report.notices] == [("path-not-found", "error")]
