"""Every page gets one policy that names exactly the trusted inline scripts."""

from __future__ import annotations

import base64
import hashlib

from generator.csp import inline_script_hashes, policy, source_hash, with_policy


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_policy_forbids_inline_handlers_plugins_and_foreign_bases():
    text = policy([sha("a()")])
    directives = dict(d.split(" ", 1) for d in text.split("; "))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == f"'self' 'wasm-unsafe-eval' {sha('a()')}"
    sources = text.split()
    assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'self'"
    assert directives["form-action"] == "'self'"


def test_only_runnable_inline_scripts_are_hashed():
    html = (
        "<script>one()</script>"
        '<script type="application/json">{"a": 1}</script>'
        '<script src="x.js"></script>'
        '<script type="module">two()</script>'
        '<script id="__config" type="application/json">{}</script>'
    )
    assert inline_script_hashes(html) == [sha("one()"), sha("two()")]
    assert source_hash("one()") == sha("one()")


def test_the_policy_is_first_in_the_head_and_trusts_only_the_trusted_part():
    theme = '<html><head><meta charset="utf-8"><script>theme()</script></head><body>'
    content = "<script>injected()</script>"
    page = f"{theme}{content}</body></html>"
    out = with_policy(page, page.replace(content, ""))
    _, rest = out.split('<meta charset="utf-8">', 1)
    assert rest.startswith('<meta http-equiv="Content-Security-Policy" content="')
    assert sha("theme()") in out
    assert sha("injected()") not in out
    assert out.count("Content-Security-Policy") == 1
