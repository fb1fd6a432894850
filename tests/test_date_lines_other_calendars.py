"""A page's date line that prints the day in another calendar beside the Gregorian one (Hijri on Gulf and Pakistani
pages, Solar Hijri on Iranian ones, Bikram Sambat on Nepali ones) still gives the publication date, from its
Gregorian part (issue 15, point 1: "publication date from the page, in every common style").

Each page is written for this test.
"""

from __future__ import annotations

import pytest

from timeline.extract.reading import parse_article_text

BODY = ("Foreign Minister Ali Demir met his counterpart Omar Khan in the capital on Monday to discuss trade.\n\n"
        "The two agreed to meet again before the end of the year.\n")


@pytest.mark.parametrize("date_line", [
    "Rabi al-Awwal 8, 1443 AH | October 14, 2021",
    "Thursday, 14 October 2021 | 8 Rabi ul Awal 1443",
    "October 14, 2021 - 22 Mehr 1400",
    "Kartik 28, 2078 | October 14, 2021",
])
def test_the_gregorian_day_beside_another_calendar_is_the_publication_date(date_line: str):
    article = parse_article_text(f"Ministers meet for trade talks\n\n{date_line}\n\n{BODY}", "page.txt", "text")
    assert article.published is not None and article.published.iso() == "2021-10-14"


def test_a_sentence_with_a_day_and_a_year_beside_a_date_is_still_no_date_line():
    article = parse_article_text(f"Ministers meet for trade talks\n\nThe talks began on 12 May 2019 | October 14, "
                                 f"2021\n\n{BODY}", "page.txt", "text")
    assert article.published is None or article.published.iso() != "2019-05-12"
