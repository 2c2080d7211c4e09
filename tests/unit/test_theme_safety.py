"""Values handed to the theme are escaped, and URLs from settings are http(s) only."""

from __future__ import annotations

import pytest

from generator.theme_safety import (
    UnsafeSetting,
    checked_link,
    checked_plain_settings,
    checked_web_url,
    escape_meta,
    secure_settings,
    theme_text,
    url_path,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Health <img src=x onerror=alert(1)>", "Health &lt;img src=x onerror=alert(1)&gt;"),
        ('A summary" http-equiv="refresh', "A summary&quot; http-equiv=&quot;refresh"),
        ("it's", "it&#x27;s"),
        ("Q&A", "Q&amp;A"),
        ("Q&amp;A", "Q&amp;A"),  # already escaped for Markdown: not escaped twice
        ("&lt;b&gt;", "&lt;b&gt;"),
    ],
)
def test_theme_text_escapes_once(value, expected):
    assert theme_text(value) == expected
    assert theme_text(theme_text(value)) == expected


def test_front_matter_texts_are_escaped_at_every_depth():
    meta = {"title": "<b>", "tags": ['"x'], "search": {"boost": 0.2, "note": "<i>"}}
    escape_meta(meta)
    assert meta == {
        "title": "&lt;b&gt;",
        "tags": ["&quot;x"],
        "search": {"boost": 0.2, "note": "&lt;i&gt;"},
    }


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "javascript://example.com/%0aalert(1)",
        "JAVASCRIPT://x",
        "data:text/html,<script>alert(1)</script>",
        "vbscript://x",
        'https://example.com/" onmouseover="alert(1)',
        "https://example.com/' onmouseover='alert(1)",
        "https://example.com/<script>",
        "https://example.com/ x",
        "https://example.com/\tx",
        "https://example.com/`x",
        "https://exa\\mple.com/",
        "//example.com/",
        "ftp://example.com/",
        "https:///path-only",
    ],
)
def test_unsafe_setting_urls_are_refused_in_one_line(url):
    with pytest.raises(UnsafeSetting) as caught:
        checked_web_url("repo_url (CS_PLAYBOOK_REPO_URL)", url)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith("repo_url (CS_PLAYBOOK_REPO_URL): must be an http:// or https://")


@pytest.mark.parametrize(
    "url", ["https://example.com/", "http://127.0.0.1:8000/ja/", "https://h.example/a?b=1&c=2"]
)
def test_web_urls_pass(url):
    assert checked_web_url("site_url", url) == url


def test_alternate_links_may_be_relative_but_not_scripts():
    assert checked_link("link", "../en/") == "../en/"
    for bad in ("javascript:alert(1)", '../en/" onclick="x', "data:,x"):
        with pytest.raises(UnsafeSetting):
            checked_link("link", bad)


def test_secure_settings_checks_urls_and_escapes_texts():
    config = {
        "site_url": "http://127.0.0.1:8000/",
        "repo_url": "https://example.com/r",
        "edit_uri": "edit/main/",
        "site_name": "CS <b>Playbook</b>",
        "repo_name": 'r" onclick="x',
        "extra": {"alternate": [{"name": "<i>English</i>", "link": "../en/", "lang": "en"}]},
    }
    secure_settings(config)
    assert config["site_name"] == "CS &lt;b&gt;Playbook&lt;/b&gt;"
    assert config["repo_name"] == "r&quot; onclick=&quot;x"
    assert config["extra"]["alternate"][0]["name"] == "&lt;i&gt;English&lt;/i&gt;"
    for key, bad in (
        ("site_url", "javascript://x/%0aalert(1)"),
        ("repo_url", 'https://x/"'),
        ("edit_uri", 'edit" onclick="x'),
    ):
        with pytest.raises(UnsafeSetting, match=key):
            secure_settings({**config, key: bad})
    with pytest.raises(UnsafeSetting, match=r"extra.alternate\[0\].lang"):
        secure_settings(
            {**config, "extra": {"alternate": [{"name": "x", "link": "../", "lang": 'en" x'}]}}
        )


def test_settings_for_a_theme_that_prints_them_as_written_are_checked_not_escaped():
    config = {
        "repo_url": "https://example.com/r",
        "site_name": "CS Playbook & more",
        "extra": {"alternate": [{"name": "日本語", "link": "../ja/", "lang": "ja"}]},
    }
    checked_plain_settings(config)
    assert config["site_name"] == "CS Playbook & more"  # left as written
    for key, bad in (
        ("site_name", "</title><script>alert(1)</script>"),
        ("repo_name", "x' onmouseover='alert(1)' y='"),
        ("copyright", 'a" b'),
        ("repo_url", "javascript://x/%0aalert(1)"),
    ):
        with pytest.raises(UnsafeSetting, match=key):
            checked_plain_settings({**config, key: bad})
    hostile = {"alternate": [{"name": "<i>x</i>", "link": "../ja/", "lang": "ja"}]}
    with pytest.raises(UnsafeSetting, match=r"extra.alternate\[0\].name"):
        checked_plain_settings({**config, "extra": hostile})


def test_file_names_are_percent_encoded_in_urls():
    assert url_path('frameworks/zz" autofocus onfocus="alert(1)" x=".yaml') == (
        "frameworks/zz%22%20autofocus%20onfocus%3D%22alert%281%29%22%20x%3D%22.yaml"
    )
    assert url_path("frameworks/score.yaml") == "frameworks/score.yaml"
