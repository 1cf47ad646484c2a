"""A realistic handful of events, people and sourced claims for the page
tests and the screenshots. Dates are relative to today so the "upcoming"
events stay upcoming. Everything goes through the services."""

from __future__ import annotations

import datetime

from django.utils import timezone

from events import services
from events.models import Country, Event, Person


def _c(code: str) -> Country:
    return Country.objects.get(code=code)


def build() -> dict:
    today = timezone.localdate()
    d = datetime.timedelta

    def person(name, code, role, kind="person"):
        return services.person_create(
            name=name, country=_c(code) if code else None, role=role, kind=kind
        )

    putin = person("Vladimir Putin", "RU", "President of Russia")
    xi = person("Xi Jinping", "CN", "President of China")
    modi = person("Narendra Modi", "IN", "Prime Minister of India")
    maduro = person("Nicolás Maduro", "VE", "President of Venezuela")
    trump = person("Donald Trump", "US", "President of the United States")
    fico = person("Robert Fico", "SK", "Prime Minister of Slovakia")
    lula = person("Luiz Inácio Lula da Silva", "BR", "President of Brazil")
    kp_troops = services.delegation_for_country(country=_c("KP"), kind="troops")
    ramaphosa = person("Cyril Ramaphosa", "ZA", "President of South Africa")
    macron = person("Emmanuel Macron", "FR", "President of France")
    albanese = person("Anthony Albanese", "AU", "Prime Minister of Australia")
    guterres = person("António Guterres", None, "UN Secretary-General", kind="organisation")
    charles = person("King Charles III", "GB", "King of the United Kingdom")
    tinubu = person("Bola Tinubu", "NG", "President of Nigeria")

    parade = services.event_create(
        title="Victory Day Parade",
        kind="parade",
        start_date=today + d(days=12),
        city="Moscow",
        country=_c("RU"),
        host=putin,
        description="The annual military parade on Red Square marking the end of the war in Europe.",
    )
    g20 = services.event_create(
        title="G20 Leaders' Summit",
        kind="summit",
        start_date=today + d(days=40),
        end_date=today + d(days=41),
        city="Johannesburg",
        country=_c("ZA"),
        host=ramaphosa,
    )
    inauguration = services.event_create(
        title="Presidential inauguration",
        kind="inauguration",
        start_date=today + d(days=75),
        city="Abuja",
        country=_c("NG"),
        host=tinubu,
    )
    visit = services.event_create(
        title="State visit of the President of France",
        kind="state_visit",
        start_date=today + d(days=19),
        end_date=today + d(days=21),
        city="London",
        country=_c("GB"),
        host=charles,
    )
    services.event_create(
        title="Pacific Islands Forum",
        kind="conference",
        start_date=today + d(days=100),
        date_precision="month",
        city="Honiara",
        country=_c("SB"),
    )
    funeral = services.event_create(
        title="State funeral of a former president",
        kind="funeral",
        start_date=today - d(days=30),
        city="Brasília",
        country=_c("BR"),
        host=lula,
    )

    def invite(event: Event, invitee: Person, *claims):
        invitation = services.invitation_create(event=event, invitee=invitee, inviter=event.host)
        for status, days_ago, outlet, url, quote in claims:
            services.claim_record(
                invitation=invitation,
                status=status,
                as_of=today - d(days=days_ago),
                source_outlet=outlet,
                source_url=url,
                evidence=quote,
            )
        return invitation

    invite(
        parade,
        xi,
        (
            "accepted",
            20,
            "Xinhua",
            "https://www.xinhuanet.com/english/victory-day",
            "Xi Jinping has accepted the invitation to attend the Victory Day celebrations in Moscow.",
        ),
    )
    invite(
        parade,
        modi,
        (
            "accepted",
            20,
            "The Hindu",
            "https://www.thehindu.com/news/national/modi-moscow",
            "Prime Minister Narendra Modi has confirmed he will travel to Moscow for the parade.",
        ),
    )
    invite(
        parade,
        maduro,
        (
            "invited",
            18,
            "Reuters",
            "https://www.reuters.com/world/putin-invites-maduro",
            "Putin, in a video call, invited Maduro to the parade; Maduro did not immediately confirm.",
        ),
    )
    invite(
        parade,
        trump,
        (
            "accepted",
            45,
            "Le Point",
            "https://www.lepoint.fr/monde/trump-moscou",
            "Donald Trump has accepted an invitation to attend the parade, the magazine reported.",
        ),
        (
            "denied",
            40,
            "TASS",
            "https://tass.com/politics/kremlin-trump-parade",
            "The Kremlin said no such acceptance had been received.",
        ),
    )
    invite(
        parade,
        kp_troops,
        (
            "accepted",
            15,
            "Kyodo News",
            "https://english.kyodonews.net/news/north-korea-troops",
            "North Korea will send troops to march in the parade, according to Japanese media.",
        ),
    )
    invite(
        parade,
        fico,
        (
            "accepted",
            10,
            "TASS",
            "https://tass.com/world/fico-moscow",
            "Slovak Prime Minister Robert Fico confirmed he will come to Moscow.",
        ),
        (
            "declined",
            8,
            "Reuters",
            "https://www.reuters.com/world/europe/fico-skip",
            "Fico will skip the parade itself, his office said.",
        ),
    )
    invite(
        parade,
        lula,
        (
            "declined",
            6,
            "Folha de S.Paulo",
            "https://www.folha.uol.com.br/mundo/lula-moscou",
            "Lula will not travel to Moscow, citing commitments at home.",
        ),
    )
    invite(
        g20,
        xi,
        (
            "declined",
            5,
            "South China Morning Post",
            "https://www.scmp.com/news/china/xi-g20",
            "Premier Li Qiang will lead the Chinese delegation in place of Xi.",
        ),
    )
    invite(
        g20,
        modi,
        (
            "accepted",
            4,
            "Press Trust of India",
            "https://www.ptinews.com/modi-g20",
            "Modi will attend the summit in Johannesburg.",
        ),
    )
    invite(
        g20,
        macron,
        (
            "accepted",
            3,
            "Le Monde",
            "https://www.lemonde.fr/international/macron-g20",
            "Emmanuel Macron will attend the G20.",
        ),
    )
    invite(g20, albanese)
    invite(
        g20,
        guterres,
        (
            "accepted",
            2,
            "UN News",
            "https://news.un.org/en/story/g20",
            "The Secretary-General will attend the summit.",
        ),
    )
    invite(
        g20,
        trump,
        (
            "declined",
            2,
            "Associated Press",
            "https://apnews.com/article/g20-trump",
            "The president will not attend, the White House said.",
        ),
    )
    invite(
        visit,
        macron,
        (
            "accepted",
            9,
            "Élysée",
            "https://www.elysee.fr/visite-etat",
            "The President of the Republic will make a state visit to the United Kingdom.",
        ),
    )
    invite(inauguration, ramaphosa)
    invite(inauguration, lula)
    invite(
        funeral,
        macron,
        (
            "accepted",
            35,
            "AFP",
            "https://www.afp.com/en/macron-brasilia",
            "Macron will attend the funeral.",
        ),
        (
            "attended",
            29,
            "AFP",
            "https://www.afp.com/en/funeral-leaders",
            "Leaders including Emmanuel Macron attended the ceremony in Brasília.",
        ),
    )
    invite(
        funeral,
        guterres,
        (
            "attended",
            29,
            "UN News",
            "https://news.un.org/en/story/funeral",
            "The Secretary-General paid tribute at the state funeral.",
        ),
    )
    return {
        "parade": parade,
        "g20": g20,
        "funeral": funeral,
        "visit": visit,
        "maduro": maduro,
        "trump": trump,
        "fico": fico,
        "xi": xi,
        "putin": putin,
    }
