"""Generate a realistic synthetic timeline project of any size, deterministically from a seed.

    python benchmarks/generate.py --events 10000 --articles 1000 --seed 1 OUT_DIR

Writes OUT_DIR/content/{timeline.yaml, people.yaml, event.schema.json, events/*.yaml, articles/*.txt}.
Everything is composed from templates and name/place pools with one `random.Random(seed)`, so the same
arguments give the same bytes. Articles imitate the noisy news pages ingest is meant for (headline,
byline, dateline, a lead naming rank + name + verb + place + weekday, quotes, a background paragraph,
"ALSO READ" lines) without copying any real article. Every event written passes `timeline check`.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import random
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

try:
    from timeline.load.model import DRAFT, REVIEWED, Event, Mention, Participant, Related, Review, Source
except ImportError:  # run as a script from a checkout without the package installed
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from timeline.load.model import DRAFT, REVIEWED, Event, Mention, Participant, Related, Review, Source

from timeline.files.yaml_writer import dump_yaml
from timeline.load.people import Person, Role
from timeline.partial_date import DateSpec, PartialDate
from timeline.slugs import event_id_for, unique_id

SCHEMA_HEADER = "# yaml-language-server: $schema=../event.schema.json\n"
SCHEMA_SOURCE = Path(__file__).resolve().parent.parent / "timeline" / "schema" / "event.schema.json"

FIRST_NAMES = (
    "Aamir", "Adil", "Ahmed", "Aleksandr", "Alicia", "Amara", "Anders", "Andrei", "Anita", "Arjun", "Bilal",
    "Carlos", "Chen", "Daniel", "Dmitri", "Elena", "Emeka", "Farah", "Farid", "Fatima", "Gustavo", "Hamid",
    "Hana", "Hiroshi", "Ibrahim", "Ingrid", "Ivan", "Jae-won", "James", "Javier", "Kemal", "Khalid", "Kwame",
    "Lars", "Leila", "Lucia", "Mahmoud", "Maria", "Mehmet", "Mikhail", "Nadia", "Naveed", "Nikolai", "Noor",
    "Olga", "Omar", "Pavel", "Priya", "Rashid", "Robert", "Rustam", "Salma", "Samuel", "Sergei", "Shahid",
    "Sofia", "Tariq", "Thomas", "Tomasz", "Usman", "Valentina", "Viktor", "Wei", "Yusuf", "Zainab", "Zoran",
)
MIDDLE_NAMES = ("A.", "J.", "Erik", "Javed", "Syed", "Vasilyevich", "Maria", "Ali", "Paul", "K.", "de la")
SURNAMES = (
    "Abbasi", "Adeyemi", "Akhtar", "Alvarez", "Andersen", "Baig", "Barzani", "Belov", "Bergstrom", "Chaudhry",
    "Dimitrov", "Durrani", "Erdogan", "Fischer", "Gallagher", "Ghani", "Gordeev", "Haddad", "Hashmi", "Hayes",
    "Hussain", "Ivanova", "Jaber", "Kapoor", "Karimov", "Kazmi", "Khan", "Kiriyenko", "Kowalski", "Lindqvist",
    "Malik", "Markov", "Mendez", "Mirza", "Nakamura", "Nasser", "Novak", "Okafor", "Orlov", "Park", "Petrov",
    "Qureshi", "Rahimi", "Rahman", "Reyes", "Rossi", "Saeed", "Sato", "Shah", "Sharif", "Sokolov", "Suleiman",
    "Tanaka", "Tariq", "Toure", "Usmanov", "Vance", "Volkov", "Walsh", "Wang", "Yilmaz", "Zaheer", "Zhukov",
)
RANKS = (
    ("Gen.", "General"), ("Lt. Gen.", "Lieutenant General"), ("Maj. Gen.", "Major General"), ("Adm.", "Admiral"),
    ("Air Marshal", "Air Marshal"), ("Brig.", "Brigadier"), ("Secretary", "Secretary"), ("Minister", "Minister"),
    ("Ambassador", "Ambassador"), ("Dr.", "Dr."),
)
OFFICES = {
    "Gen.": ("Chief of Army Staff", "Chief of the General Staff", "Chairman of the Joint Chiefs of Staff",
             "Commander, Central Command", "Chairman, Joint Chiefs of Staff Committee"),
    "Lt. Gen.": ("Director General, Military Intelligence", "Corps Commander", "Chief of Staff, Central Command"),
    "Maj. Gen.": ("Director General, Public Relations", "Defence Attaché", "Division Commander"),
    "Adm.": ("Chief of Naval Staff", "Commander, Naval Forces"),
    "Air Marshal": ("Chief of Air Staff", "Deputy Chief of Air Staff"),
    "Brig.": ("Military Spokesperson", "Liaison Officer"),
    "Secretary": ("Secretary of Defense", "Secretary of State", "Defence Secretary"),
    "Minister": ("Minister of Defence", "Foreign Minister", "Interior Minister"),
    "Ambassador": ("Ambassador", "Special Representative", "Special Envoy"),
    "Dr.": ("National Security Adviser", "Deputy Foreign Minister"),
}
# country, demonym, capital, other cities, where its army has its headquarters
COUNTRIES = (
    ("Pakistan", "Pakistani", "Islamabad", ("Rawalpindi", "Karachi", "Lahore", "Quetta", "Peshawar"), "General Headquarters, Rawalpindi"),
    ("Afghanistan", "Afghan", "Kabul", ("Kandahar", "Herat", "Mazar-i-Sharif"), "Ministry of Defence, Kabul"),
    ("United States", "U.S.", "Washington", ("Tampa", "Norfolk", "Arlington"), "the Pentagon"),
    ("Russia", "Russian", "Moscow", ("St Petersburg", "Sochi", "Rostov-on-Don"), "the General Staff building, Moscow"),
    ("India", "Indian", "New Delhi", ("Mumbai", "Bengaluru"), "South Block, New Delhi"),
    ("China", "Chinese", "Beijing", ("Shanghai", "Urumqi"), "the Bayi Building, Beijing"),
    ("Turkey", "Turkish", "Ankara", ("Istanbul", "Izmir"), "General Staff Headquarters, Ankara"),
    ("Iran", "Iranian", "Tehran", ("Mashhad", "Isfahan"), "the Defence Ministry, Tehran"),
    ("Uzbekistan", "Uzbek", "Tashkent", ("Termez", "Samarkand"), "the Ministry of Defence, Tashkent"),
    ("Finland", "Finnish", "Helsinki", ("Turku", "Tampere"), "the Defence Command, Helsinki"),
    ("Switzerland", "Swiss", "Bern", ("Geneva", "Zurich"), "the Federal Palace, Bern"),
    ("Qatar", "Qatari", "Doha", ("Al Udeid",), "the Diwan, Doha"),
    ("Saudi Arabia", "Saudi", "Riyadh", ("Jeddah",), "the Ministry of Defence, Riyadh"),
    ("United Kingdom", "British", "London", ("Northwood", "Portsmouth"), "the Ministry of Defence, London"),
    ("Germany", "German", "Berlin", ("Bonn", "Ramstein"), "the Bendlerblock, Berlin"),
    ("Tajikistan", "Tajik", "Dushanbe", ("Khujand",), "the Ministry of Defence, Dushanbe"),
)
OUTLETS = (
    ("The Frontier Post Daily", "frontierpostdaily.example"), ("Capital Ledger", "capitalledger.example"),
    ("Northern Wire", "northernwire.example"), ("The Evening Dispatch", "eveningdispatch.example"),
    ("Regional Security Review", "regionalsecurity.example"), ("Metro Herald", "metroherald.example"),
    ("The Continental", "thecontinental.example"), ("Global Affairs Desk", "globalaffairsdesk.example"),
)
AGENCIES = ("AFP", "Reuters", "AP", "APP", "Anadolu", "staff reporter", "our correspondent")
TOPICS = (
    "regional security", "defence cooperation", "counterterrorism", "border management", "military training",
    "intelligence sharing", "maritime security", "arms control", "risk reduction", "de-confliction",
    "humanitarian access", "the security situation in Afghanistan", "safe havens for militants",
    "joint exercises", "the supply of spare parts", "peacekeeping", "cyber defence",
)
NOISE = (
    "ALSO READ  {a} says {b} talks will resume next year",
    "Read {a} outlines new budget priorities for {b}",
    "Related article: {a} warns of rising prices in {b}",
    "RELATED",
    "Load Next Story",
    "Advertisement",
    "To subscribe to our newsletters\n\n* Enter a valid email address",
    "This story was posted from a feed with no text editing",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = tuple(calendar.month_name)[1:]

# kind -> title template, lead verb, summary verb
KINDS = (
    ("meeting", "{a} meets {b} in {city}", "met", "met"),
    ("talks", "{a} and {b} hold talks in {city}", "held talks with", "held talks with"),
    ("call", "{a} calls {b}", "called", "spoke by telephone with"),
    ("visit", "{a} visits {city}", "visited {city} and met", "visited {city}, meeting"),
    ("summit", "{a} and {b} summit in {city}", "met at a summit with", "met at a summit with"),
    ("statement", "{a} statement on {topic}", "said in a statement alongside", "issued a statement with"),
    ("agreement", "{a} and {b} sign {topic} accord", "signed an accord with", "signed an agreement with"),
    ("exercise", "{country} and {country2} open joint exercise near {city}", "opened an exercise with",
     "opened a joint exercise with"),
)

THREADS = (
    ("border-security", "Border security and militancy", "#8a3b8f",
     ["safe havens", "border", "militant attack"], ["attack", "statement"]),
    ("defence-cooperation", "Defence cooperation", "#2f7d4f",
     ["defence cooperation", "military training", "joint exercises"], ["exercise", "agreement"]),
    ("military-channel", "The generals' back channel", "#3b6ea8",
     ["risk reduction", "de-confliction"], ["call"]),
    ("regional-diplomacy", "Regional diplomacy", "#b5540b",
     ["regional security", "peace talks"], ["summit", "talks"]),
    ("arms-and-supplies", "Arms, supplies and control", "#555555",
     ["arms control", "spare parts"], []),
)


@dataclass
class Place:
    city: str
    country: str
    demonym: str
    landmark: str | None = None

    def text(self) -> str:
        return f"{self.landmark}, {self.country}" if self.landmark else f"{self.city}, {self.country}"


class ProjectGenerator:
    """Builds one project's texts from one random stream; `write` puts them on disk."""

    def __init__(self, events: int, articles: int, seed: int, people: int | None = None):
        self.rng = random.Random(seed)
        self.n_events = events
        self.n_articles = min(articles, events) if events else 0
        self.n_people = people if people is not None else max(200, min(2000, events // 10))
        self.people: list[Person] = []
        self.person_country: dict[str, tuple] = {}

    # -- people ---------------------------------------------------------------------------------
    def make_people(self) -> list[Person]:
        rng = self.rng
        taken: set[str] = set()
        for _ in range(self.n_people):
            for _attempt in range(50):
                first, surname = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
                middle = rng.choice(MIDDLE_NAMES) if rng.random() < 0.3 else None
                name = f"{first} {middle} {surname}" if middle else f"{first} {surname}"
                person_id = _slug(name)
                if person_id not in taken:
                    break
            else:  # pools exhausted: number the name so ids stay unique
                name = f"{first} {surname} {len(taken) + 1}"
                person_id = _slug(name)
            taken.add(person_id)
            country = rng.choice(COUNTRIES)
            short, long = rng.choice(RANKS)
            start = PartialDate(rng.randint(2010, 2021), rng.randint(1, 12), rng.randint(1, 28))
            end = None if rng.random() < 0.5 else PartialDate(start.year + rng.randint(1, 4), rng.randint(1, 12))
            role = Role(role=rng.choice(OFFICES[short]), organisation=f"{country[1]} Armed Forces"
                        if short not in ("Secretary", "Minister", "Ambassador", "Dr.") else f"{country[0]} Government",
                        country=country[0], start=start, end=end)
            aliases = [f"{long} {surname}"]
            if middle:
                aliases.append(f"{first} {surname}")
            if rng.random() < 0.3:
                aliases.append(f"{short} {first[0]}. {surname}")
            person = Person(id=person_id, name=name, title=short, aliases=aliases, country=country[0], roles=[role])
            self.people.append(person)
            self.person_country[person_id] = country
        return self.people

    def people_yaml(self) -> str:
        header = "# Synthetic people registry generated by benchmarks/generate.py.\n"
        return dump_yaml({"people": [p.to_yaml() for p in self.people]}, header)

    # -- config ---------------------------------------------------------------------------------
    def config_yaml(self) -> str:
        threads = []
        for thread_id, title, color, phrases, kinds in THREADS:
            rules: dict = {"people": [p.name for p in self.rng.sample(self.people, min(4, len(self.people)))],
                           "phrases": list(phrases)}
            if kinds:
                rules["kinds"] = list(kinds)
            threads.append({"id": thread_id, "title": title, "color": color,
                            "description": f"{title}: events generated for benchmarking.", "rules": rules})
        config = {
            "title": "Synthetic chronology",
            "description": "Generated by benchmarks/generate.py to measure build and ingest speed.",
            "base_url": "/",
            "order": "oldest-first",
            "gap_days": 60,
            "threads": threads,
        }
        return dump_yaml(config, "# Synthetic project settings generated by benchmarks/generate.py.\n")

    # -- events and articles --------------------------------------------------------------------
    def _date(self) -> DateSpec:
        rng = self.rng
        year = rng.randint(2015, 2024)
        roll = rng.random()
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        if roll < 0.72:
            return DateSpec(PartialDate(year, month, day))
        if roll < 0.86:
            return DateSpec(PartialDate(year, month), approximate=rng.random() < 0.2)
        if roll < 0.92:
            return DateSpec(PartialDate(year))
        end_day = min(day + rng.randint(1, 3), 28)
        return DateSpec(PartialDate(year, month, day), PartialDate(year, month, end_day))

    def _place(self, country: tuple) -> Place:
        rng = self.rng
        name, demonym, capital, cities, landmark = country
        if rng.random() < 0.25:
            return Place(landmark.split(", ")[-1], name, demonym, landmark)
        return Place(rng.choice((capital, *cities)), name, demonym)

    def generate(self) -> tuple[list[tuple[str, str]], dict[str, str]]:
        """Event file texts in order and article texts by file name."""
        rng = self.rng
        if not self.people:
            self.make_people()
        taken: set[str] = set()
        ids: list[str] = []
        by_person: dict[str, list[str]] = {}
        covered = set(rng.sample(range(self.n_events), self.n_articles)) if self.n_articles else set()
        article_number = 0
        events: list[tuple[str, str]] = []
        articles: dict[str, str] = {}
        for index in range(self.n_events):
            kind, title_tpl, lead_verb, summary_verb = rng.choice(KINDS)
            a, b = rng.sample(self.people, 2)
            for _ in range(5):  # "Khan meets Khan" reads like a bug; two surnames make better titles
                if _surname(a) != _surname(b):
                    break
                b = rng.choice(self.people)
            country_a = self.person_country[a.id]
            host = self.person_country[b.id] if rng.random() < 0.6 else country_a
            place = self._place(host)
            other = rng.choice(COUNTRIES)
            topic, topic2 = rng.sample(TOPICS, 2)
            date = self._date()
            draft = rng.random() < 0.08
            if index in covered:  # news reports are of dated happenings; undated ones come from mentions
                start = date.start
                date = DateSpec(PartialDate(start.year, start.month or 6, start.day or 15))
            elif draft and rng.random() < 0.3:
                date = None
            title = title_tpl.format(a=_surname(a), b=_surname(b), city=place.city, topic=topic,
                                     country=country_a[0], country2=other[0])
            event_id = unique_id(event_id_for(date, title), taken)
            taken.add(event_id)
            participants = [_participant(a, self.person_country), _participant(b, self.person_country)]
            if rng.random() < 0.15:
                c = rng.choice(self.people)
                if c.id not in (a.id, b.id):
                    participants.append(_participant(c, self.person_country))
            summary = self._summary(a, b, place, topic, topic2, summary_verb, date)
            sources = []
            if index in covered and date is not None:
                article_number += 1
                name = f"{article_number:05d}_{rng.getrandbits(64):016x}.txt"
                outlet, domain = rng.choice(OUTLETS)
                published = date.start if date.start.precision == "day" else None
                headline, lead, text = self._article(a, b, place, topic, topic2, lead_verb, date, outlet,
                                                     published, title)
                articles[name] = text
                sources.append(Source(article=name, outlet=outlet, url=f"https://{domain}/{event_id}",
                                      published=published, headline=headline, quote=lead))
            for _ in range(rng.choice((0, 1, 1, 1, 2))):
                outlet, domain = rng.choice(OUTLETS)
                sources.append(Source(outlet=outlet, url=f"https://{domain}/{rng.getrandbits(40):x}",
                                      published=date.start if date and rng.random() < 0.5 else None,
                                      quote=f"{a.name} and {b.name} discussed {topic}."))
            if not sources:
                sources.append(Source(outlet="Wire report", url=f"https://wire.example/{event_id}"))
            history = by_person.get(a.id, []) + by_person.get(b.id, [])
            related = []
            for rid in dict.fromkeys(history[-3:]):
                related.append(Related(id=rid, reason=f"{_surname(a)} or {_surname(b)} took part in both"
                                       if rng.random() < 0.7 else None))
            if ids and rng.random() < 0.2:
                far = rng.choice(ids)
                if far not in {r.id for r in related}:
                    related.append(Related(id=far, reason=f"Also about {topic}."))
            mentions = []
            if ids and rng.random() < 0.3:
                mentioned = rng.choice(history or ids)
                mentions.append(Mention(summary=f"An earlier contact on {topic}", date=None, event=mentioned,
                                        quote=f"The two last met in {rng.choice(MONTHS)}."))
            threads = [t[0] for t in THREADS if topic in t[3] or kind in t[4]]
            if not threads and rng.random() < 0.5:
                threads = [rng.choice(THREADS)[0]]
            review = Review()
            if draft:
                review = Review(needs=["date"] if date is None else ["place"],
                                notes={"date" if date is None else "place": "the report does not say"},
                                evidence={"title": f"{_surname(a)} {lead_verb.split()[0]} {_surname(b)}"},
                                confidence={"title": round(rng.uniform(0.4, 0.9), 2)})
            event = Event(id=event_id, title=title, date=date, kind=kind, status=DRAFT if draft else REVIEWED,
                          place=place.text(), summary=summary, participants=participants, sources=sources,
                          mentions=mentions, threads=threads, related=related, review=review)
            events.append((event_id, dump_yaml(event.to_yaml(), SCHEMA_HEADER)))
            ids.append(event_id)
            by_person.setdefault(a.id, []).append(event_id)
            by_person.setdefault(b.id, []).append(event_id)
        return events, articles

    def _summary(self, a: Person, b: Person, place: Place, topic: str, topic2: str, verb: str,
                 date: DateSpec | None) -> str:
        rng = self.rng
        when = f" on {date.display()}" if date and date.precision == "day" else ""
        lines = [
            f"{a.title} {a.name} {verb} {b.title} {b.name} in {place.city}{when}. The two discussed **{topic}** "
            f"and {topic2}, according to statements from both sides.",
        ]
        if rng.random() < 0.5:
            lines.append(f"It was their {rng.choice(('first', 'second', 'third'))} contact this year; officials "
                         f"described the talks as *{rng.choice(('cordial', 'frank', 'productive', 'tense'))}*.")
        if rng.random() < 0.25:
            lines.append("\n".join(f"- {t.capitalize()}" for t in rng.sample(TOPICS, 3)))
        return "\n\n".join(lines)

    def _article(self, a: Person, b: Person, place: Place, topic: str, topic2: str, verb: str, date: DateSpec,
                 outlet: str, published: PartialDate | None, title: str) -> tuple[str, str, str]:
        """Headline, lead sentence and full text of one noisy news page about the event."""
        rng = self.rng
        verb = verb.format(city=place.city)
        day = date.start.first_day()
        weekday = WEEKDAYS[day.weekday()]
        ra, rb = a.roles[0].role, b.roles[0].role
        headline = rng.choice((
            f"{_surname(a)}, {_surname(b)} discuss {topic}",
            title,
            f"{place.demonym} and visiting officials meet amid concerns over {topic}",
            f"Top {self.person_country[a.id][1]} official meets {self.person_country[b.id][1]} counterpart",
        ))
        parts: list[str] = []
        if rng.random() < 0.3:
            parts.append(rng.choice(("Home Latest News", "World", "Pakistan", "Security", "Region")))
        parts.append(headline)
        if rng.random() < 0.4:
            parts.append(f"Officials say {topic} and {topic2} were discussed during the meeting")
        byline = rng.choice((f"By {rng.choice(AGENCIES)}", f"by {outlet}", f"By {rng.choice(FIRST_NAMES)} "
                             f"{rng.choice(SURNAMES)}", f"By <u>{rng.choice(AGENCIES)}</u>"))
        parts.append(byline)
        if published is not None and rng.random() < 0.7:
            parts.append(f"{MONTHS[published.month - 1]} {published.day}, {published.year}")
        dateline = place.city.upper() + ":"
        lead = (f"{a.title} {a.name}, {ra}, {verb} {b.title} {b.name}, {rb}, in {place.city} on {weekday}, "
                f"{rng.choice(('officials said', 'according to a statement', 'the military said'))}.")
        parts.append(f"{dateline}\n\n{lead}" if rng.random() < 0.5 else f"{dateline} {lead}")
        parts.append(f"The two sides discussed {topic} and {topic2}, "
                     f"{rng.choice(('a spokesperson said', 'an official handout said', 'the ministry added'))}.")
        parts.append(f"“Both leaders reiterated the desire to further enhance relations in all fields,” "
                     f"{_surname(a)} said.")
        noise = rng.choice(NOISE).format(a=rng.choice(SURNAMES), b=rng.choice(COUNTRIES)[0])
        parts.append(noise)
        earlier = rng.choice(("last month", f"in {rng.choice(MONTHS)}", "last week", "earlier this year"))
        parts.append(f"The meeting came after {rng.choice(('a militant attack', 'a round of talks', 'a visit'))} "
                     f"in {rng.choice(COUNTRIES)[2]} {earlier}. {_surname(b)} last visited "
                     f"{self.person_country[a.id][0]} in December, weeks after a change of command.")
        if rng.random() < 0.5:
            parts.append(f"“We will hold them to their commitments,” said {rng.choice(FIRST_NAMES)} "
                         f"{rng.choice(SURNAMES)}, a spokesperson.")
        parts.append(rng.choice(NOISE).format(a=rng.choice(SURNAMES), b=rng.choice(COUNTRIES)[0]))
        return headline, lead, "\n\n".join(parts) + "\n"

    # -- disk -----------------------------------------------------------------------------------
    def write(self, out: Path) -> dict[str, int]:
        """Write the whole project under `out` (which may exist; content/ is replaced)."""
        self.make_people()
        config = self.config_yaml()
        events, articles = self.generate()
        content = out / "content"
        if content.exists():
            shutil.rmtree(content)
        (content / "events").mkdir(parents=True)
        (content / "articles").mkdir(parents=True)
        (content / "timeline.yaml").write_text(config, encoding="utf-8")
        (content / "people.yaml").write_text(self.people_yaml(), encoding="utf-8")
        if SCHEMA_SOURCE.exists():
            shutil.copyfile(SCHEMA_SOURCE, content / "event.schema.json")
        for event_id, text in events:
            (content / "events" / f"{event_id}.yaml").write_text(text, encoding="utf-8")
        for name, text in articles.items():
            (content / "articles" / name).write_text(text, encoding="utf-8")
        return {"events": len(events), "articles": len(articles), "people": len(self.people)}


def _slug(name: str) -> str:
    from timeline.load.people import person_id_for

    return person_id_for(name)


def _surname(person: Person) -> str:
    return person.name.split()[-1]


def _participant(person: Person, countries: dict[str, tuple]) -> Participant:
    return Participant(name=person.name, title=person.title, role=person.roles[0].role if person.roles else None,
                       country=countries[person.id][0], person=person.id)


def generate_project(out: Path, events: int, articles: int, seed: int = 1, people: int | None = None) -> dict[str, int]:
    """Write a synthetic project with `events` events and `articles` articles under `out`; returns the counts."""
    return ProjectGenerator(events, articles, seed, people).write(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", metavar="OUT_DIR", help="project folder to write (its content/ is replaced)")
    parser.add_argument("--events", type=int, default=1000, help="number of event files (default 1000)")
    parser.add_argument("--articles", type=int, default=100, help="number of article files, at most --events")
    parser.add_argument("--people", type=int, default=None, help="registry size (default: events/10, 200-2000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed; same seed, same bytes (default 1)")
    args = parser.parse_args(argv)
    if args.events < 2 or args.articles < 0:
        parser.error("--events must be at least 2 and --articles at least 0")
    started = dt.datetime.now()
    counts = generate_project(Path(args.out), args.events, args.articles, args.seed, args.people)
    seconds = (dt.datetime.now() - started).total_seconds()
    print(f"wrote {counts['events']} events, {counts['articles']} articles, {counts['people']} people "
          f"to {args.out} in {seconds:.1f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
