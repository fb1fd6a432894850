"""Measure extraction against a gold file, field by field, and count the worst failure: a wrong date that
was not flagged for review.

Gold file (YAML): a list of articles, each
    - article: content/articles/x.txt      # relative to the project, or to the gold file, or absolute
      expected:                             # what an extractor can know from the article alone
        date: 2021-09-22                    # or null when the article does not settle it
        precision: day                      # year | month | day | null
        kind: meeting
        place: Helsinki, Finland            # or null
        participants: [{name, title, role, country}]
        outlet: ...
        url: ...
        published: 2021-09-22
      truth:                                # optional: what really happened, from other reports
        date: 2021-09-22
Only the keys present under `expected` are scored for that article. `event: null` says the article reports
no event of its own (an op-ed, an analysis): it is scored right when extraction yields no event, or only a
draft whose kind is flagged for review and whose date is missing or flagged too, i.e. nothing confident.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ContentError
from ..load.people import name_key
from ..load.yaml_source import YamlList, YamlMap, mark_of, read_yaml
from ..partial_date import DateSpec, DateValueError, parse_date_spec, parse_partial_date

FIELDS = ("event", "date", "precision", "participants", "roles", "countries", "place", "kind", "outlet", "url", "published")
_ROLE_STOP = frozenset("of the for and to a an us u s".split())


@dataclass
class FieldResult:
    field: str
    expected: Any
    got: Any
    correct: bool


@dataclass
class ArticleResult:
    article: str
    fields: list[FieldResult] = field(default_factory=list)
    date_flagged: bool = False
    date_wrong_unflagged: bool = False
    day_knowable: bool = False  # the gold says the page settles the day
    date_got: str | None = None  # the date extraction gave, as ISO text
    people_expected: int = 0  # participants the gold names
    people_found: int = 0  # participants extraction named
    people_matched: int = 0  # of the gold's participants, those extraction found
    error: str | None = None


@dataclass
class MergeResult:
    """How ingest's merging grouped the gold's reports, against the gold's `happening` groups.

    A pair is two reports of one happening: joined when they end in one event. A false merge is two
    reports of different happenings in one event, the worse failure.
    """

    pairs: int = 0
    joined: int = 0
    false_merges: list[tuple[str, str]] = field(default_factory=list)
    missed: list[tuple[str, str]] = field(default_factory=list)

    def table(self) -> str:
        recall = f"{self.joined / self.pairs:.0%}" if self.pairs else "-"
        lines = [f"merging: {self.joined} of {self.pairs} same-happening pair(s) joined ({recall}); "
                 f"{len(self.false_merges)} false merge(s)   (must be 0)"]
        lines += [f"  false merge: {a} + {b}" for a, b in self.false_merges]
        lines += [f"  not joined:  {a} + {b}" for a, b in self.missed]
        return "\n".join(lines)


@dataclass
class EvalReport:
    """Per-article, per-field results of one gold file."""

    gold: str
    articles: list[ArticleResult] = field(default_factory=list)
    merging: MergeResult | None = None

    def accuracy(self, name: str) -> tuple[int, int]:
        """(correct, scored) for one field across all articles."""
        scored = [f for a in self.articles for f in a.fields if f.field == name]
        return sum(f.correct for f in scored), len(scored)

    @property
    def wrong_unflagged_dates(self) -> int:
        return sum(a.date_wrong_unflagged for a in self.articles)

    @property
    def flagged_dates(self) -> int:
        return sum(a.date_flagged for a in self.articles)

    def headline(self) -> dict[str, tuple[int, int]]:
        """The figures the targets are set on, each (hits, out of)."""
        dated = [a for a in self.articles if any(f.field == "date" for f in a.fields)]

        def date_right(a: ArticleResult) -> bool:
            return next(f.correct for f in a.fields if f.field == "date")

        with_people = [a for a in self.articles if a.people_expected or any(f.field == "participants" for f in a.fields)]
        return {
            "date exact, all articles": (sum(map(date_right, dated)), len(dated)),
            "date exact, day knowable": (sum(date_right(a) for a in dated if a.day_knowable),
                                         sum(a.day_knowable for a in dated)),
            "date right or flagged": (sum(date_right(a) or a.date_flagged for a in dated), len(dated)),
            "participant recall": (sum(a.people_matched for a in with_people), sum(a.people_expected for a in with_people)),
            "participant precision": (sum(a.people_matched for a in with_people), sum(a.people_found for a in with_people)),
            "place": self.accuracy("place"),
            "kind": self.accuracy("kind"),
        }

    def misses(self) -> list[str]:
        """One line per wrong field: article, field, expected, got."""
        return [f"{a.article}: {f.field}: expected {f.expected!r}, got {f.got!r}"
                for a in self.articles for f in a.fields if not f.correct]

    def table(self) -> str:
        lines = [f"Extraction accuracy on {self.gold} ({len(self.articles)} article(s))", "",
                 f"{'field':<14}{'correct':>9}{'scored':>8}{'accuracy':>10}"]
        for name in FIELDS:
            correct, scored = self.accuracy(name)
            if scored:
                lines.append(f"{name:<14}{correct:>9}{scored:>8}{correct / scored:>10.0%}")
        lines += ["", f"{'headline':<26}{'hits':>6}{'of':>6}{'rate':>8}"]
        for name, (hits, total) in self.headline().items():
            rate = f"{hits / total:.0%}" if total else "-"
            lines.append(f"{name:<26}{hits:>6}{total:>6}{rate:>8}")
        lines += ["", f"dates flagged for review:          {self.flagged_dates}",
                  f"dates wrong and not flagged:       {self.wrong_unflagged_dates}   (the worst failure; must be 0)"]
        lines += [f"  wrong and not flagged: {a.article}: got {a.date_got}" for a in self.articles if a.date_wrong_unflagged]
        errors = [f"{a.article}: {a.error}" for a in self.articles if a.error]
        if errors:
            lines += ["", "articles that could not be read:", *(f"  {e}" for e in errors)]
        if self.merging is not None:
            lines += ["", self.merging.table()]
        misses = self.misses()
        if misses:
            lines += ["", "misses:", *(f"  {m}" for m in misses)]
        return "\n".join(lines)


def _norm(text: Any) -> str:
    return re.sub(r"[^\w]+", " ", str(text or "").lower()).strip()


def _date(value: Any, where: str) -> DateSpec | None:
    if value is None:
        return None
    try:
        return parse_date_spec(value)
    except DateValueError as exc:
        raise ContentError.at(where.split(":")[0], int(where.split(":")[1]), f"gold date: {exc}") from None


def _role_matches(expected: str | None, got: str | None) -> bool:
    if not expected:
        return True  # nothing to check against
    if not got:
        return False
    from ..extract.people_mentions import OFFICE_HEADS

    want = {w for w in _norm(expected).split() if w not in _ROLE_STOP}
    have = {w for w in _norm(got).split() if w not in _ROLE_STOP}
    if want & OFFICE_HEADS and not want & have & OFFICE_HEADS:
        return False  # the office itself ("commander", "chief") must be there, not just its organisation
    # "Army chief" for "Chief of Army Staff", "Commander of the US Central Command" for "Commander, U.S. Central
    # Command": the office words overlap by half or more.
    return bool(want) and len(want & have) / len(want) >= 0.5


def _place_matches(expected: str | None, got: str | None) -> bool:
    if expected is None or got is None:
        return expected is None and got is None
    # "The Netherlands" (the gazetteer's spelling) and "Netherlands" are one country.
    want = [re.sub(r"^the ", "", _norm(p)) for p in str(expected).split(",")]
    have = [re.sub(r"^the ", "", _norm(p)) for p in str(got).split(",")]
    if want == have:
        return True
    if len(want) >= 2 and len(have) >= 2 and want[-1] == have[-1] and _one_city(want[-2], have[-2]):
        return True  # "New York" and "New York City": two names the gazetteer gives one city
    # "Rawalpindi, Pakistan" for "General Headquarters, Rawalpindi, Pakistan": the town and country agree.
    return want[-2:] == have[-2:] if len(want) >= 2 and len(have) >= 2 else want[-1:] == have[:1]


def _one_city(a: str, b: str) -> bool:
    from ..extract.places import gazetteer

    gaz = gazetteer()
    city = gaz.city(a)
    return city is not None and city == gaz.city(b)


def _resolve_article(value: str, gold_path: Path, project_dir: Path) -> Path:
    path = Path(value)
    if path.is_absolute():
        return path
    for base in (project_dir, gold_path.parent, gold_path.parent.parent.parent):
        if (base / path).is_file():
            return base / path
    return project_dir / path


def _person_key(name: str) -> str:
    """name_key without generational suffixes: "Lloyd J. Austin III" and "Lloyd Austin" are one person."""
    return re.sub(r"\s+(?:jr|sr|ii|iii|iv)$", "", name_key(name))


def _score(result: ArticleResult, expected: YamlMap, truth: YamlMap | None, event: Any, where: str,
           article: Any = None) -> None:
    got_date: DateSpec | None = event.date if event else None
    flagged = event is None or "date" in event.review.needs
    want_date = _date(expected.get("date"), where)
    add = result.fields.append
    if "event" in expected and expected.get("event") is None:
        # Confident: a date no one is asked to check, or a kind no one is asked to check.
        confident = event is not None and (event.date is not None and "date" not in event.review.needs
                                           or "kind" not in event.review.needs)
        add(FieldResult("event", None, event.kind if confident else None, not confident))
    if "date" in expected:
        result.day_knowable = want_date is not None and expected.get("precision", "day") == "day"
        add(FieldResult("date", want_date.iso() if want_date else None, got_date.iso() if got_date else None,
                        (want_date.iso() if want_date else None) == (got_date.iso() if got_date else None)))
    if "precision" in expected:
        got_precision = got_date.precision if got_date else None
        add(FieldResult("precision", expected.get("precision"), got_precision, expected.get("precision") == got_precision))
    true_date = _date(truth.get("date"), where) if truth is not None and "date" in truth else want_date
    result.date_flagged = flagged
    result.date_got = got_date.iso() if got_date else None
    if got_date is not None and not flagged:
        # Wrong: it misses the real date, or it states a date where the article (per the gold) settles none.
        result.date_wrong_unflagged = true_date is None or not got_date.overlaps(true_date) or (
            "date" in expected and want_date is None)
    participants = event.participants if event else []
    if "participants" in expected:
        wanted = [p if isinstance(p, dict) else {"name": p} for p in (expected.get("participants") or [])]
        got_keys = {_person_key(p.name): p for p in participants}
        matched = []
        for person in wanted:
            key = _person_key(str(person.get("name", "")))
            # The same last name, or the same words in the other order ("Kishida Fumio", family name first).
            hit = got_keys.get(key) or next((p for k, p in got_keys.items()
                                             if k and (k.split()[-1:] == key.split()[-1:]
                                                       or sorted(k.split()) == sorted(key.split()))), None)
            matched.append((person, hit))
        names_ok = all(hit is not None for _, hit in matched) and len(participants) == len(wanted)
        result.people_expected, result.people_found = len(wanted), len(participants)
        result.people_matched = len({id(hit) for _, hit in matched if hit is not None})
        add(FieldResult("participants", sorted(str(p.get("name")) for p in wanted),
                        sorted(p.name for p in participants), names_ok))
        for person, hit in matched:
            if person.get("role") is not None:
                add(FieldResult("roles", person.get("role"), hit.role if hit else None,
                                hit is not None and _role_matches(person.get("role"), hit.role)))
            if person.get("country") is not None:
                add(FieldResult("countries", person.get("country"), hit.country if hit else None,
                                hit is not None and _norm(person.get("country")) == _norm(hit.country)))
    if "place" in expected:
        got_place = event.place if event else None
        add(FieldResult("place", expected.get("place"), got_place, _place_matches(expected.get("place"), got_place)))
    if "kind" in expected:
        got_kind = event.kind if event else None
        add(FieldResult("kind", expected.get("kind"), got_kind, expected.get("kind") == got_kind))
    # With no event, what the page says about itself is still read (and scored) from the article.
    source = event.sources[0] if event and event.sources else article
    for name in ("outlet", "url"):
        if name in expected:
            got = getattr(source, name) if source else None
            add(FieldResult(name, expected.get(name), got, _norm(expected.get(name)) == _norm(got)))
    if "published" in expected:
        want = expected.get("published")
        want_iso = parse_partial_date(want).iso() if want is not None else None
        got_iso = source.published.iso() if source and source.published else None
        add(FieldResult("published", want_iso, got_iso, want_iso == got_iso))


def evaluate_gold_file(gold_path: Path, project_dir: Path) -> EvalReport:
    """Run extraction on every article of a gold file and score it; bad gold files raise ContentError."""
    from ..extract.reading import read_article
    from ..extract.stub import extract_article
    from ..load.content import Project, load_content

    gold_path = Path(gold_path)
    if not gold_path.is_file():
        raise ContentError.at(gold_path, None, "gold file not found; give the path of a YAML list of "
                              "{article, expected} entries (see tests/gold/seeds.yaml)")
    data = read_yaml(gold_path)
    if not isinstance(data, YamlList):
        raise ContentError.at(gold_path, 1, "a gold file must be a YAML list of {article, expected} entries")
    registry = None
    if (project_dir / "content").is_dir():
        registry = load_content(Project(project_dir)).people
    report = EvalReport(str(gold_path))
    for index, item in enumerate(data):
        line = data.item_mark(index)[0]
        if not isinstance(item, YamlMap) or not isinstance(item.get("article"), str) \
                or not isinstance(item.get("expected"), YamlMap):
            raise ContentError.at(gold_path, line, "each gold entry needs `article:` (a path) and `expected:` "
                                  "(a mapping of field: value)")
        truth = item.get("truth")
        if truth is not None and not isinstance(truth, YamlMap):
            raise ContentError.at(gold_path, mark_of(truth)[0], "`truth:` must be a mapping like {date: 2021-09-22}")
        path = _resolve_article(item["article"], gold_path, project_dir)
        result = ArticleResult(item["article"])
        article = None
        try:
            article = read_article(path, path.name)
            event = extract_article(article, registry).event
        except ContentError as exc:
            result.error = str(exc.problems[0]) if exc.problems else str(exc)
            event = None
        except OSError as exc:
            result.error = f"cannot read {path}: {exc.strerror or exc}"
            event = None
        _score(result, item["expected"], truth, event, f"{gold_path}:{line}", article)
        report.articles.append(result)
    happenings = {_resolve_article(item["article"], gold_path, project_dir): str(item["happening"])
                  for item in data if isinstance(item, YamlMap) and item.get("happening") is not None}
    if happenings:
        report.merging = evaluate_merging(happenings, project_dir)
    return report


def evaluate_merging(happenings: dict[Path, str], project_dir: Path) -> MergeResult:
    """Extract and merge the articles as ingest would, then score the events against `happenings`."""
    from .pipeline import extract_events

    paths = sorted(happenings)
    names = {path.name: path for path in paths}
    event_of: dict[Path, int] = {}
    for number, event in enumerate(extract_events(paths, project_dir).events):
        for source in event.sources:
            if source.article in names:
                event_of[names[source.article]] = number
    result = MergeResult()
    for i, a in enumerate(paths):
        for b in paths[i + 1:]:
            same_event = a in event_of and event_of.get(a) == event_of.get(b)
            if happenings[a] == happenings[b]:
                result.pairs += 1
                result.joined += same_event
                if not same_event:
                    result.missed.append((a.name, b.name))
            elif same_event:
                result.false_merges.append((a.name, b.name))
    return result
