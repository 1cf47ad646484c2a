"""The demo data set: real state events, the people invited to them and sourced claims.

Facts about past events are real and limited to what was widely reported. Outlets
are stand-ins (their URLs live under news.example / wire.example because demo links
cannot be verified live); claims about upcoming events are plain invitations of the
kind a host sends every member of a summit, not reported acceptances.

Dates:
- a one-off event has its real date (`on`), and claims about it real dates;
- a recurring event (`Yearly`) is rolled to its next occurrence on the day the demo
  is loaded, so "upcoming" is never empty; claims about upcoming events are dated a
  number of days before the event (`before`), never later than the loading day.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

D = datetime.date


@dataclass(frozen=True)
class Src:
    outlet: str
    url: str
    title: str = ""


@dataclass(frozen=True)
class P:
    """A person (or organisation) by a short key used below."""

    key: str
    name: str
    country: str | None
    role: str = ""
    kind: str = "person"
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class C:
    """A claim: a status with its date (`on`, or `before` days before the event)."""

    status: str
    source: Src
    on: datetime.date | None = None
    before: int | None = None
    evidence: str = ""
    extracted: bool = False  # from the pipeline, waiting in the editors' review queue
    confidence: float = 1.0


@dataclass(frozen=True)
class I:  # noqa: E742 - reads as a table row
    """An invitation: invitee key (a person key, or "troops:KP" / "delegation:AR")."""

    invitee: str
    claims: tuple[C, ...]
    inviter: str | None = None


@dataclass(frozen=True)
class Yearly:
    """A recurring event: month and day (day None: the month is the precision)."""

    month: int
    day: int | None = None
    days: int = 1


@dataclass(frozen=True)
class E:
    slug: str  # for a Yearly event, "{year}" is filled in
    title: str
    kind: str
    country: str
    city: str = ""
    on: datetime.date | None = None
    until: datetime.date | None = None
    yearly: Yearly | None = None
    precision: str = "day"
    host: str | None = None
    description: str = ""
    invitations: tuple[I, ...] = field(default_factory=tuple)


def wire(path: str, title: str = "") -> Src:
    return Src("Global Wire", f"https://wire.example/{path}", title)


def news(outlet: str, path: str, title: str = "") -> Src:
    return Src(outlet, f"https://news.example/{path}", title)


MARCH_REPORT = wire(
    "2025/03/14/putin-invites-maduro-victory-day-parade",
    "Putin invites Maduro to Victory Day parade in Moscow",
)
FRENCH_MAGAZINE = news(
    "Paris Hebdo",
    "paris-hebdo/2025/02/14/trump-moscou-9-mai",
    "Trump aurait accepté d'assister au défilé du 9 mai à Moscou",
)
JAPANESE_MEDIA = news(
    "Tokyo Evening Post",
    "tokyo-evening-post/2025/03/13/north-korea-troops-moscow-parade",
    "North Korea to send troops to Moscow Victory Day parade",
)
MOSCOW_PARADE = wire(
    "2025/05/09/leaders-watch-victory-day-parade-red-square",
    "Xi, Lula, Maduro among leaders at Red Square parade",
)
MODI_SKIPS = wire(
    "2025/04/30/modi-will-not-attend-moscow-parade",
    "Kremlin: Modi will not attend Victory Day parade",
)
BEIJING_LIST = wire(
    "2025/08/28/china-names-26-leaders-for-september-3-parade",
    "China names 26 foreign leaders to attend September 3 parade",
)
PRABOWO_CANCELS = news(
    "Jakarta Daily Observer",
    "jakarta-daily-observer/2025/08/31/prabowo-cancels-china-trip",
    "Prabowo cancels China trip as protests spread",
)
BEIJING_PARADE = news(
    "Asia Desk",
    "asia-desk/2025/09/03/xi-putin-kim-watch-beijing-parade",
    "Xi, Putin and Kim watch military parade in Beijing",
)
POPE_FUNERAL = wire(
    "2025/04/26/world-leaders-at-pope-francis-funeral",
    "World leaders gather in St Peter's Square for Pope Francis's funeral",
)
CORONATION = wire(
    "2023/05/06/foreign-guests-at-coronation",
    "Heads of state and royals among 2,000 guests at the coronation",
)
INAUGURATION = wire(
    "2025/01/20/foreign-guests-at-trump-inauguration",
    "Foreign leaders in the Rotunda for Trump's inauguration",
)
LEO_MASS = wire(
    "2025/05/18/vance-rubio-zelensky-at-pope-leo-mass",
    "Vance, Rubio and Zelensky at Pope Leo XIV's inauguration Mass",
)
PYONGYANG = wire(
    "2023/07/27/shoigu-li-hongzhong-at-pyongyang-parade",
    "Shoigu and China's Li Hongzhong join Kim at Pyongyang parade",
)
G20_INVITES = wire(
    "g20-2026/invitations-sent-for-miami-summit",
    "Invitations go out for the G20 leaders' summit in Miami",
)
G7_INVITES = news(
    "World News Desk",
    "world-news-desk/g7-2027/us-presidency-invites-members",
    "U.S. to host the G7 in 2027",
)


PEOPLE: tuple[P, ...] = (
    P("putin", "Vladimir Putin", "RU", "President of Russia", aliases=("Putin",)),
    P(
        "maduro",
        "Nicolás Maduro",
        "VE",
        "President of Venezuela (as of 2025)",
        aliases=("Nicolas Maduro", "Maduro"),
    ),
    P("xi", "Xi Jinping", "CN", "President of China", aliases=("Xi",)),
    P("modi", "Narendra Modi", "IN", "Prime Minister of India", aliases=("Modi",)),
    P("trump", "Donald Trump", "US", "President of the United States", aliases=("Trump",)),
    P(
        "lula",
        "Luiz Inácio Lula da Silva",
        "BR",
        "President of Brazil",
        aliases=("Lula", "Lula da Silva"),
    ),
    P("lukashenko", "Alexander Lukashenko", "BY", "President of Belarus"),
    P("vucic", "Aleksandar Vučić", "RS", "President of Serbia", aliases=("Aleksandar Vucic",)),
    P("sisi", "Abdel Fattah el-Sisi", "EG", "President of Egypt", aliases=("Sisi",)),
    P(
        "to-lam",
        "Tô Lâm",
        "VN",
        "General Secretary of the Communist Party of Vietnam",
        aliases=("To Lam",),
    ),
    P("kim", "Kim Jong Un", "KP", "Leader of North Korea", aliases=("Kim Jong-un",)),
    P("pezeshkian", "Masoud Pezeshkian", "IR", "President of Iran"),
    P("prabowo", "Prabowo Subianto", "ID", "President of Indonesia", aliases=("Prabowo",)),
    P("fico", "Robert Fico", "SK", "Prime Minister of Slovakia"),
    P("re", "Giovanni Battista Re", "VA", "Dean of the College of Cardinals"),
    P(
        "zelensky",
        "Volodymyr Zelensky",
        "UA",
        "President of Ukraine",
        aliases=("Zelenskyy", "Zelensky"),
    ),
    P("macron", "Emmanuel Macron", "FR", "President of France", aliases=("Macron",)),
    P("william", "William, Prince of Wales", "GB", "Prince of Wales", aliases=("Prince William",)),
    P("milei", "Javier Milei", "AR", "President of Argentina", aliases=("Milei",)),
    P(
        "von-der-leyen",
        "Ursula von der Leyen",
        None,
        "President of the European Commission",
        aliases=("von der Leyen",),
    ),
    P("charles", "Charles III", "GB", "King of the United Kingdom", aliases=("King Charles",)),
    P(
        "biden",
        "Joe Biden",
        "US",
        "President of the United States (2021-2025)",
        aliases=("Biden",),
    ),
    P("jill-biden", "Jill Biden", "US", "First Lady of the United States (2021-2025)"),
    P("han-zheng", "Han Zheng", "CN", "Vice President of China"),
    P("zelenska", "Olena Zelenska", "UA", "First Lady of Ukraine"),
    P("meloni", "Giorgia Meloni", "IT", "Prime Minister of Italy", aliases=("Meloni",)),
    P("vance", "JD Vance", "US", "Vice President of the United States", aliases=("J.D. Vance",)),
    P("rubio", "Marco Rubio", "US", "U.S. Secretary of State"),
    P("leo", "Pope Leo XIV", "VA", "Pope", aliases=("Leo XIV", "Robert Prevost")),
    P("shoigu", "Sergei Shoigu", "RU", "Secretary of the Security Council of Russia"),
    P("li-hongzhong", "Li Hongzhong", "CN", "Vice Chairman of the NPC Standing Committee"),
    P("starmer", "Keir Starmer", "GB", "Prime Minister of the United Kingdom"),
    P("merz", "Friedrich Merz", "DE", "Chancellor of Germany"),
    P("takaichi", "Sanae Takaichi", "JP", "Prime Minister of Japan"),
    P("albanese", "Anthony Albanese", "AU", "Prime Minister of Australia"),
    P("carney", "Mark Carney", "CA", "Prime Minister of Canada"),
    P("murmu", "Droupadi Murmu", "IN", "President of India"),
    P("tharman", "Tharman Shanmugaratnam", "SG", "President of Singapore"),
    P("sharif", "Shehbaz Sharif", "PK", "Prime Minister of Pakistan"),
    P("zardari", "Asif Ali Zardari", "PK", "President of Pakistan"),
    P("lyubimova", "Olga Lyubimova", "RU", "Minister of Culture of Russia"),
    P("seth", "Sanjay Seth", "IN", "Minister of State for Defence of India"),
    P("wef", "World Economic Forum", None, "International organisation", kind="organisation"),
    P(
        "msc",
        "Munich Security Conference",
        None,
        "Annual conference on international security",
        kind="organisation",
    ),
    P("un", "United Nations", None, "International organisation", kind="organisation"),
)


def _attended(key: str, source: Src, on: datetime.date, evidence: str, **kw) -> I:
    return I(key, (C("attended", source, on=on, evidence=evidence),), **kw)


EVENTS: tuple[E, ...] = (
    # --- Past one-off events, with attendance -------------------------------------------
    E(
        slug="victory-day-parade-moscow-2025",
        title="Victory Day parade, Moscow 2025",
        kind="parade",
        country="RU",
        city="Moscow",
        on=D(2025, 5, 9),
        host="putin",
        description="Military parade on Red Square for the 80th anniversary of the end of "
        "the Second World War in Europe.",
        invitations=(
            I(
                "maduro",
                inviter="putin",
                claims=(
                    C(
                        "invited",
                        MARCH_REPORT,
                        on=D(2025, 3, 14),
                        evidence="Vladimir Putin, in a video call, invited Venezuela's Nicolas "
                        "Maduro to the Victory Day military parade in Moscow on 9 May.",
                    ),
                    C(
                        "attended",
                        MOSCOW_PARADE,
                        on=D(2025, 5, 9),
                        evidence="Venezuela's Nicolas Maduro watched the parade from the stands "
                        "on Red Square.",
                    ),
                ),
            ),
            I(
                "xi",
                claims=(
                    C(
                        "accepted",
                        MARCH_REPORT,
                        on=D(2025, 3, 14),
                        evidence="At least 11 foreign leaders had accepted, Xi Jinping and "
                        "Narendra Modi among them.",
                    ),
                    C(
                        "attended",
                        MOSCOW_PARADE,
                        on=D(2025, 5, 9),
                        evidence="Chinese President Xi Jinping sat beside Putin as the parade "
                        "crossed Red Square.",
                    ),
                ),
            ),
            I(
                "modi",
                claims=(
                    C(
                        "accepted",
                        MARCH_REPORT,
                        on=D(2025, 3, 14),
                        evidence="At least 11 foreign leaders had accepted, Xi Jinping and "
                        "Narendra Modi among them.",
                    ),
                    C(
                        "declined",
                        MODI_SKIPS,
                        on=D(2025, 4, 30),
                        evidence="Indian Prime Minister Narendra Modi will not travel to Moscow "
                        "for the Victory Day celebrations, the Kremlin said.",
                    ),
                ),
            ),
            I(
                "troops:KP",
                claims=(
                    C(
                        "accepted",
                        JAPANESE_MEDIA,
                        on=D(2025, 3, 14),
                        evidence="North Korea was to send troops to the parade, Japanese media "
                        "reported.",
                    ),
                ),
            ),
            I(
                "trump",
                claims=(
                    C(
                        "accepted",
                        FRENCH_MAGAZINE,
                        on=D(2025, 2, 14),
                        evidence="Donald Trump a accepté l'invitation à assister au défilé du "
                        "9 mai à Moscou.",
                    ),
                    C(
                        "denied",
                        MARCH_REPORT,
                        on=D(2025, 3, 14),
                        evidence="A French magazine had reported a month earlier that Donald "
                        "Trump had accepted; both Trump and the Kremlin denied that.",
                    ),
                ),
            ),
            _attended(
                "lula",
                MOSCOW_PARADE,
                D(2025, 5, 9),
                "Brazil's Luiz Inacio Lula da Silva was among the guests on Red Square.",
            ),
            _attended(
                "lukashenko",
                MOSCOW_PARADE,
                D(2025, 5, 9),
                "Belarusian President Alexander Lukashenko attended the parade.",
            ),
            _attended(
                "vucic",
                MOSCOW_PARADE,
                D(2025, 5, 9),
                "Serbian President Aleksandar Vucic attended despite warnings from Brussels.",
            ),
            _attended(
                "sisi",
                MOSCOW_PARADE,
                D(2025, 5, 9),
                "Egypt's Abdel Fattah el-Sisi attended the parade.",
            ),
            _attended(
                "to-lam",
                MOSCOW_PARADE,
                D(2025, 5, 9),
                "Vietnam's To Lam attended the parade.",
            ),
            _attended(
                "seth",
                MOSCOW_PARADE,
                D(2025, 5, 9),
                "India was represented by Minister of State for Defence Sanjay Seth.",
            ),
        ),
    ),
    E(
        slug="victory-day-parade-beijing-2025",
        title="Victory Day parade, Beijing 2025",
        kind="parade",
        country="CN",
        city="Beijing",
        on=D(2025, 9, 3),
        host="xi",
        description="Military parade on Tiananmen Square for the 80th anniversary of the end "
        "of the Second World War.",
        invitations=(
            _attended(
                "putin",
                BEIJING_PARADE,
                D(2025, 9, 3),
                "Vladimir Putin and Kim Jong Un stood beside Xi Jinping on the Tiananmen rostrum.",
                inviter="xi",
            ),
            _attended(
                "kim",
                BEIJING_PARADE,
                D(2025, 9, 3),
                "Vladimir Putin and Kim Jong Un stood beside Xi Jinping on the Tiananmen rostrum.",
                inviter="xi",
            ),
            _attended(
                "lukashenko",
                BEIJING_PARADE,
                D(2025, 9, 3),
                "Belarus's Alexander Lukashenko was among the 26 foreign leaders present.",
            ),
            _attended(
                "pezeshkian",
                BEIJING_PARADE,
                D(2025, 9, 3),
                "Iranian President Masoud Pezeshkian watched from the rostrum.",
            ),
            _attended(
                "vucic",
                BEIJING_PARADE,
                D(2025, 9, 3),
                "Serbia's Aleksandar Vucic attended the parade.",
            ),
            _attended(
                "fico",
                BEIJING_PARADE,
                D(2025, 9, 3),
                "Slovak Prime Minister Robert Fico was the only EU head of government present.",
            ),
            # Contradictory reports within days of each other: shown as disputed.
            I(
                "prabowo",
                claims=(
                    C(
                        "accepted",
                        BEIJING_LIST,
                        on=D(2025, 8, 28),
                        evidence="Indonesian President Prabowo Subianto is among the 26 foreign "
                        "leaders who will attend, the foreign ministry said.",
                    ),
                    C(
                        "declined",
                        PRABOWO_CANCELS,
                        on=D(2025, 8, 31),
                        evidence="Prabowo has cancelled his trip to China to oversee the "
                        "response to the protests, the presidential palace said.",
                    ),
                    C(
                        "attended",
                        BEIJING_PARADE,
                        on=D(2025, 9, 3),
                        evidence="Prabowo made a surprise appearance on the rostrum after "
                        "flying in overnight.",
                    ),
                ),
            ),
        ),
    ),
    E(
        slug="funeral-of-pope-francis-2025",
        title="Funeral of Pope Francis",
        kind="funeral",
        country="VA",
        city="Vatican City",
        on=D(2025, 4, 26),
        host="re",
        description="Funeral Mass in St Peter's Square, presided over by the Dean of the "
        "College of Cardinals.",
        invitations=(
            _attended("trump", POPE_FUNERAL, D(2025, 4, 26), "Donald Trump attended the funeral."),
            _attended(
                "zelensky",
                POPE_FUNERAL,
                D(2025, 4, 26),
                "Volodymyr Zelensky met Donald Trump in St Peter's Basilica before the funeral.",
            ),
            _attended(
                "macron", POPE_FUNERAL, D(2025, 4, 26), "Emmanuel Macron attended the funeral."
            ),
            _attended(
                "william",
                POPE_FUNERAL,
                D(2025, 4, 26),
                "Prince William represented King Charles.",
            ),
            _attended(
                "starmer", POPE_FUNERAL, D(2025, 4, 26), "Keir Starmer attended the funeral."
            ),
            _attended("milei", POPE_FUNERAL, D(2025, 4, 26), "Argentina's Javier Milei attended."),
            _attended("lula", POPE_FUNERAL, D(2025, 4, 26), "Brazil's Lula attended."),
            _attended(
                "von-der-leyen",
                POPE_FUNERAL,
                D(2025, 4, 26),
                "Ursula von der Leyen attended for the European Union.",
            ),
            _attended("meloni", POPE_FUNERAL, D(2025, 4, 26), "Italy's Giorgia Meloni attended."),
            I(
                "putin",
                claims=(
                    C(
                        "declined",
                        wire("2025/04/22/kremlin-putin-no-plans-to-attend-pope-funeral"),
                        on=D(2025, 4, 22),
                        evidence="Putin has no plans to attend the funeral of Pope Francis, "
                        "the Kremlin spokesman said.",
                    ),
                ),
            ),
            _attended(
                "lyubimova",
                POPE_FUNERAL,
                D(2025, 4, 26),
                "Russia was represented by Culture Minister Olga Lyubimova.",
            ),
            # Waiting in the review queue: extracted by the pipeline.
            I(
                "biden",
                claims=(
                    C(
                        "attended",
                        news("Daily Ledger", "daily-ledger/2025/04/26/bidens-in-rome"),
                        on=D(2025, 4, 26),
                        evidence="Former President Joe Biden and Jill Biden were also in the "
                        "square.",
                        extracted=True,
                        confidence=0.72,
                    ),
                ),
            ),
        ),
    ),
    E(
        slug="coronation-of-charles-iii-2023",
        title="Coronation of Charles III and Camilla",
        kind="coronation",
        country="GB",
        city="London",
        on=D(2023, 5, 6),
        host="charles",
        description="Coronation service at Westminster Abbey.",
        invitations=(
            I(
                "biden",
                claims=(
                    C(
                        "declined",
                        wire("2023/04/04/biden-will-not-attend-coronation"),
                        on=D(2023, 4, 4),
                        evidence="President Biden will not attend the coronation; First Lady "
                        "Jill Biden will lead the U.S. delegation.",
                    ),
                ),
            ),
            _attended(
                "jill-biden",
                CORONATION,
                D(2023, 5, 6),
                "Jill Biden led the U.S. delegation at Westminster Abbey.",
            ),
            _attended("macron", CORONATION, D(2023, 5, 6), "Emmanuel Macron attended."),
            _attended(
                "han-zheng",
                CORONATION,
                D(2023, 5, 6),
                "China was represented by Vice President Han Zheng.",
            ),
            _attended(
                "zelenska",
                CORONATION,
                D(2023, 5, 6),
                "Ukraine's First Lady Olena Zelenska attended.",
            ),
        ),
    ),
    E(
        slug="inauguration-of-donald-trump-2025",
        title="Second inauguration of Donald Trump",
        kind="inauguration",
        country="US",
        city="Washington",
        on=D(2025, 1, 20),
        host="trump",
        description="Presidential inauguration, held in the Capitol Rotunda because of the cold.",
        invitations=(
            I(
                "xi",
                inviter="trump",
                claims=(
                    C(
                        "invited",
                        news("Capitol Report", "capitol-report/2024/12/11/trump-invites-xi"),
                        on=D(2024, 12, 11),
                        evidence="President-elect Trump has invited Chinese President Xi Jinping "
                        "to his inauguration.",
                    ),
                    C(
                        "declined",
                        wire("2025/01/17/china-sends-han-zheng-to-inauguration"),
                        on=D(2025, 1, 17),
                        evidence="China will send Vice President Han Zheng to the "
                        "inauguration, in Xi's place.",
                    ),
                ),
            ),
            _attended(
                "han-zheng",
                INAUGURATION,
                D(2025, 1, 20),
                "Chinese Vice President Han Zheng attended as Xi's special representative.",
            ),
            _attended("milei", INAUGURATION, D(2025, 1, 20), "Argentina's Javier Milei attended."),
            _attended("meloni", INAUGURATION, D(2025, 1, 20), "Italy's Giorgia Meloni attended."),
        ),
    ),
    E(
        slug="inauguration-mass-of-pope-leo-xiv-2025",
        title="Inauguration Mass of Pope Leo XIV",
        kind="ceremony",
        country="VA",
        city="Vatican City",
        on=D(2025, 5, 18),
        host="leo",
        description="Mass for the beginning of the pontificate, St Peter's Square.",
        invitations=(
            _attended("vance", LEO_MASS, D(2025, 5, 18), "Vice President JD Vance attended."),
            _attended(
                "rubio", LEO_MASS, D(2025, 5, 18), "Secretary of State Marco Rubio attended."
            ),
            _attended(
                "zelensky", LEO_MASS, D(2025, 5, 18), "Volodymyr Zelensky attended the Mass."
            ),
        ),
    ),
    E(
        slug="bastille-day-parade-2023",
        title="Bastille Day parade, Paris 2023",
        kind="parade",
        country="FR",
        city="Paris",
        on=D(2023, 7, 14),
        host="macron",
        description="The 14 July military parade on the Champs-Elysees; India guest of honour.",
        invitations=(
            I(
                "modi",
                inviter="macron",
                claims=(
                    C(
                        "attended",
                        wire("2023/07/14/modi-guest-of-honour-bastille-day"),
                        on=D(2023, 7, 14),
                        evidence="Narendra Modi was guest of honour as Indian troops opened "
                        "the parade.",
                    ),
                ),
            ),
        ),
    ),
    E(
        slug="victory-day-parade-pyongyang-2023",
        title="Victory Day parade, Pyongyang 2023",
        kind="parade",
        country="KP",
        city="Pyongyang",
        on=D(2023, 7, 27),
        host="kim",
        description="Parade for the 70th anniversary of the Korean War armistice.",
        invitations=(
            _attended(
                "shoigu",
                PYONGYANG,
                D(2023, 7, 27),
                "Russian Defence Minister Sergei Shoigu stood beside Kim Jong Un.",
            ),
            _attended(
                "li-hongzhong",
                PYONGYANG,
                D(2023, 7, 27),
                "Chinese Politburo member Li Hongzhong led China's delegation.",
            ),
        ),
    ),
    # --- Upcoming one-off events ----------------------------------------------------------
    E(
        slug="g20-leaders-summit-2026",
        title="G20 leaders' summit 2026",
        kind="summit",
        country="US",
        city="Miami",
        on=D(2026, 12, 14),
        until=D(2026, 12, 15),
        host="trump",
        description="Summit of the Group of Twenty under the U.S. presidency, at Doral near Miami.",
        invitations=tuple(
            I(
                key,
                inviter="trump",
                claims=(
                    C(
                        "invited",
                        G20_INVITES,
                        before=60,
                        evidence="The United States has invited the leaders of the G20 members "
                        "to Miami.",
                    ),
                ),
            )
            for key in (
                "modi",
                "starmer",
                "macron",
                "merz",
                "takaichi",
                "albanese",
                "carney",
                "milei",
                "meloni",
            )
        )
        + (
            I(
                "xi",
                inviter="trump",
                claims=(
                    C(
                        "invited",
                        G20_INVITES,
                        before=60,
                        evidence="The United States has invited the leaders of the G20 members "
                        "to Miami.",
                    ),
                    C(
                        "accepted",
                        news("Daily Ledger", "daily-ledger/g20-2026/xi-expected-in-miami"),
                        before=20,
                        evidence="Xi Jinping is expected to travel to Miami for the summit, "
                        "officials said.",
                        extracted=True,
                        confidence=0.55,
                    ),
                ),
            ),
            I(
                "lula",
                inviter="trump",
                claims=(
                    C(
                        "invited",
                        news("Daily Ledger", "daily-ledger/g20-2026/lula-invited"),
                        before=40,
                        evidence="Brazil's president has received an invitation to the Miami "
                        "summit.",
                        extracted=True,
                        confidence=0.64,
                    ),
                ),
            ),
        ),
    ),
    E(
        slug="inauguration-of-the-president-of-brazil-2027",
        title="Inauguration of the President of Brazil 2027",
        kind="inauguration",
        country="BR",
        city="Brasília",
        # Constitutional Amendment 111 (2021) moved the inauguration from 1 to 5 January,
        # from the term that starts in 2027 on.
        on=D(2027, 1, 5),
        description="Inauguration of the president elected in October 2026, at the National "
        "Congress and the Planalto Palace (5 January since Constitutional Amendment 111).",
        invitations=tuple(
            I(
                f"delegation:{code}",
                claims=(
                    C(
                        "invited",
                        news(
                            "Brasilia Post",
                            f"brasilia-post/posse-2027/foreign-delegations-{code.lower()}",
                        ),
                        before=30,
                        evidence="Itamaraty has sent invitations to foreign governments for "
                        "the inauguration.",
                    ),
                ),
            )
            for code in ("AR", "PT", "CL")
        ),
    ),
    E(
        slug="g7-summit-2027",
        title="G7 summit 2027",
        kind="summit",
        country="US",
        on=D(2027, 1, 1),
        until=D(2027, 12, 31),
        precision="year",
        host="trump",
        description="The United States holds the G7 presidency in 2027; date and venue to be "
        "announced.",
        invitations=tuple(
            I(
                key,
                inviter="trump",
                claims=(
                    C(
                        "invited",
                        G7_INVITES,
                        before=200,
                        evidence="The leaders of the G7 members are invited to the summit "
                        "the United States will host in 2027.",
                    ),
                ),
            )
            for key in ("macron", "starmer", "merz", "takaichi", "carney", "meloni")
        ),
    ),
    E(
        slug="pla-centenary-2027",
        title="Centenary of the People's Liberation Army",
        kind="ceremony",
        country="CN",
        city="Beijing",
        on=D(2027, 8, 1),
        host="xi",
        description="100th anniversary of the founding of the People's Liberation Army "
        "(1 August 1927).",
    ),
    E(
        slug="g20-leaders-summit-2027",
        title="G20 leaders' summit 2027",
        kind="summit",
        country="GB",
        on=D(2027, 1, 1),
        until=D(2027, 12, 31),
        precision="year",
        host="starmer",
        description="The United Kingdom holds the G20 presidency in 2027; date and venue to be "
        "announced.",
    ),
    # --- Recurring events, rolled to their next occurrence --------------------------------
    E(
        slug="republic-day-parade-{year}",
        title="Republic Day parade, New Delhi {year}",
        kind="parade",
        country="IN",
        city="New Delhi",
        yearly=Yearly(1, 26),
        host="murmu",
        description="India's Republic Day parade on Kartavya Path; a foreign leader is "
        "traditionally chief guest.",
    ),
    E(
        slug="victory-day-parade-moscow-{year}",
        title="Victory Day parade, Moscow {year}",
        kind="parade",
        country="RU",
        city="Moscow",
        yearly=Yearly(5, 9),
        host="putin",
        description="Annual military parade on Red Square marking the end of the Second World "
        "War in Europe.",
        invitations=(
            I(
                "xi",
                inviter="putin",
                claims=(
                    C(
                        "invited",
                        news("Daily Ledger", "daily-ledger/victory-day/putin-invites-xi"),
                        before=120,
                        evidence="Putin has invited Xi Jinping to the Victory Day parade, a "
                        "Kremlin aide said.",
                        extracted=True,
                        confidence=0.6,
                    ),
                ),
            ),
        ),
    ),
    E(
        slug="bastille-day-parade-{year}",
        title="Bastille Day parade, Paris {year}",
        kind="parade",
        country="FR",
        city="Paris",
        yearly=Yearly(7, 14),
        host="macron",
        description="The 14 July military parade on the Champs-Elysees.",
    ),
    E(
        slug="world-economic-forum-annual-meeting-{year}",
        title="World Economic Forum annual meeting {year}",
        kind="conference",
        country="CH",
        city="Davos",
        yearly=Yearly(1),
        precision="month",
        host="wef",
        description="Annual meeting of the World Economic Forum in Davos-Klosters, in January.",
    ),
    E(
        slug="munich-security-conference-{year}",
        title="Munich Security Conference {year}",
        kind="conference",
        country="DE",
        city="Munich",
        yearly=Yearly(2),
        precision="month",
        host="msc",
        description="Annual conference on international security at the Hotel Bayerischer Hof, "
        "in February.",
    ),
    E(
        slug="un-general-assembly-high-level-week-{year}",
        title="UN General Assembly high-level week {year}",
        kind="summit",
        country="US",
        city="New York",
        yearly=Yearly(9),
        precision="month",
        host="un",
        description="The general debate of the UN General Assembly, in September.",
    ),
    E(
        slug="national-day-parade-singapore-{year}",
        title="National Day Parade, Singapore {year}",
        kind="parade",
        country="SG",
        city="Singapore",
        yearly=Yearly(8, 9),
        host="tharman",
        description="Singapore's National Day Parade, 9 August.",
    ),
    E(
        slug="independence-day-red-fort-{year}",
        title="Independence Day ceremony, Red Fort {year}",
        kind="ceremony",
        country="IN",
        city="New Delhi",
        yearly=Yearly(8, 15),
        host="modi",
        description="The Prime Minister raises the flag at the Red Fort on 15 August.",
    ),
    E(
        slug="armistice-day-paris-{year}",
        title="Armistice Day ceremony, Paris {year}",
        kind="ceremony",
        country="FR",
        city="Paris",
        yearly=Yearly(11, 11),
        host="macron",
        description="Commemoration of the 1918 armistice at the Arc de Triomphe, 11 November.",
    ),
    E(
        slug="pakistan-day-parade-{year}",
        title="Pakistan Day parade, Islamabad {year}",
        kind="parade",
        country="PK",
        city="Islamabad",
        yearly=Yearly(3, 23),
        host="zardari",
        description="Joint services parade for Pakistan Day, 23 March.",
    ),
)
