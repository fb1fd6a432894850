"""`timeline eval`: per-field accuracy against a gold file, and the worst-failure count."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.errors import ContentError
from timeline.ingest.evaluation import evaluate_gold_file

REPO = Path(__file__).resolve().parent.parent
GOLD = Path(__file__).resolve().parent / "gold" / "seeds.yaml"


def test_seed_gold_has_no_wrong_unflagged_dates():
    report = evaluate_gold_file(GOLD, REPO)
    assert len(report.articles) == 5 and not any(a.error for a in report.articles)
    assert report.wrong_unflagged_dates == 0
    assert report.flagged_dates == 4  # 000, 002, 003, 004 state no publication date
    for field in ("date", "precision", "participants", "countries", "place", "kind"):
        correct, scored = report.accuracy(field)
        assert scored == 5 or field == "countries"
        assert correct == scored, report.table()
    table = report.table()
    assert "dates wrong and not flagged:       0" in table and "accuracy" in table


def test_a_confident_wrong_date_is_counted(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Ministers meet\n\nMay 3, 2024\n\nForeign Minister Ana Ruiz met Foreign Minister Tomas Vidal "
                       "on Monday in Geneva, officials said, to discuss the ceasefire.\n", encoding="utf-8")
    gold = tmp_path / "gold.yaml"
    gold.write_text("- article: a.txt\n  expected: {date: 2024-04-29, kind: meeting}\n"
                    "  truth: {date: 2024-04-22}\n", encoding="utf-8")
    report = evaluate_gold_file(gold, tmp_path)
    assert report.articles[0].fields[0].correct  # what the text says...
    assert report.wrong_unflagged_dates == 1  # ...but not what happened, and it was not flagged


def test_a_name_in_the_other_order_is_the_same_participant(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Leaders meet\n\nMay 26, 2024\n\nOn May 26, Mr. KISHIDA Fumio, Prime Minister of Japan, held a "
                       "meeting with Mr. YOON Suk Yeol, President of the Republic of Korea, in Seoul.\n", encoding="utf-8")
    gold = tmp_path / "gold.yaml"
    gold.write_text("- article: a.txt\n  expected:\n    participants: [{name: Fumio Kishida}, {name: Yoon Suk Yeol}]\n",
                    encoding="utf-8")
    report = evaluate_gold_file(gold, tmp_path)
    assert report.articles[0].people_matched == 2, report.table()


def test_two_names_of_one_city_are_one_place_and_two_cities_are_not(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Leaders meet\n\nMay 26, 2024\n\nPrime Minister Ana Ruiz met President Tomas Vidal in New York "
                       "on Sunday.\n", encoding="utf-8")
    gold = tmp_path / "gold.yaml"
    for place, right in (("New York, United States", True), ("New York City, United States", True),
                         ("Washington, United States", False)):
        gold.write_text(f"- article: a.txt\n  expected: {{place: '{place}'}}\n", encoding="utf-8")
        assert evaluate_gold_file(gold, tmp_path).accuracy("place") == (int(right), 1), place


def test_cli_prints_the_table(cli):
    result = cli("-C", str(REPO), "eval", str(GOLD))
    assert result.code == 0
    assert "participants" in result.out and "dates wrong and not flagged" in result.out


@pytest.mark.parametrize(("text", "message"), [
    ("article: a.txt\n", "must be a YAML list"),
    ("- article: a.txt\n", "needs `article:`"),
    ("- {article: a.txt, expected: {date: 2021-02-30}}\n", "gold date"),
])
def test_bad_gold_files_name_the_line(tmp_path, text, message):
    gold = tmp_path / "gold.yaml"
    gold.write_text(text, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Some text about a meeting.\n", encoding="utf-8")
    with pytest.raises(ContentError) as error:
        evaluate_gold_file(gold, tmp_path)
    assert message in str(error.value) and "gold.yaml" in str(error.value)


def test_missing_gold_file(tmp_path):
    with pytest.raises(ContentError, match="gold file not found"):
        evaluate_gold_file(tmp_path / "nope.yaml", tmp_path)
