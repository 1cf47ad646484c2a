"""Status cues and name shapes: the regular expressions the claim reader uses."""

from __future__ import annotations

import re

# Python's regex engine tries every alternative at every position; an expression whose
# alternatives all start a word ("\\b" + a letter) is tried only where a word starts.
AT_WORD = r"(?<!\w)(?=[^\W\d_])"

_TOK = r"[A-ZÀ-ÖØ-Þ][\w'’-]*"
_PART = r"(?:da|de|do|dos|del|della|van|von|der|den|bin|bint|binti|al|el|ul|la|le|ibn|di)"
_NAME2 = _TOK + r"(?:\s+(?:" + _PART + r"\s+)*" + _TOK + r"){1,4}"
_NAME1 = _TOK + r"(?:\s+(?:" + _PART + r"\s+)*" + _TOK + r"){0,5}"
KEEP_TITLE = re.compile(
    r"\b(?P<title>Crown Prince|Crown Princess|King|Queen|Prince|Princess|Emperor|Empress|"
    r"Sultan|Pope|Grand Duke)\s+(?P<name>" + _NAME1 + r")"
)
ROLE_WORD = re.compile(
    r"\b(?:founder|spokesman|spokeswoman|spokesperson|adviser|advisor|speaker|envoy|official|"
    r"minister|secretary|chief executive|predecessor|rival|wife|husband|president|"
    r"prime minister|premier|chancellor|ambassador|leader)\b"
    r"(?: (?:of|for) (?:the |its |his |her |their )?(?:[A-Z][\w-]+ ){0,3}?[\w-]+,)?,?\s+"
    r"(?P<name>" + _NAME2 + r")"
)
NOT_NAME_WORDS = {
    "The", "A", "An", "In", "On", "At", "But", "And", "For", "From", "With", "After", "Before",
    "Minister", "President", "Prime", "Foreign", "Summit", "Forum", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Day", "Party", "Council", "Ministry", "Office", "House", "Palace", "Centre", "Center",
    "Union", "Court", "Congress", "Assembly", "Parliament", "Association", "Agency", "Bank",
    "Democratic", "Republic", "National", "International", "Group", "Post", "Times", "News",
    "Alliance", "Organisation", "Organization", "Convention", "Initiative", "Road", "Belt",
    "Cathedral", "Abbey", "Hall", "Beach", "Park", "Memorial", "Museum", "Chapel", "Church",
    "Secretary", "Deputy", "Vice", "Chief", "Executive", "Financial", "Security", "Defence",
}  # fmt: skip
SPEAKER_AFTER = re.compile(
    r",?\s*(?:\([^)]*\)\s*)?(?:has |had |also |later )?(?:said|says|told|added|announced|wrote|"
    r"warned|argued|acknowledged|cautioned|called(?! off)|described|noted|insisted|accused)\b"
)
# (a blanked apposition leaves ",   ," between two names of a list)
LIST_GAP = re.compile(
    r"^\s*(?:,\s*)?(?:,|;|,?\s*and|;\s*and|,?\s*as well as|,?\s*along with)\s*"
    r"(?:(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*['’]s\s*|(?:[A-Z][\w-]*\s+){1,2})?$"
)

_I = re.I
R_DECLINE = re.compile(
    AT_WORD
    + r"\b(?:(?:is|are|was|were)\s*(?:not|n't)\s+(?:expected|scheduled|due|planning|going|set|"
    r"likely|slated)\s+to\s+(?:attend|travel|come|go|be (?:there|present|in)|join|take part|make)|"
    r"(?:has|have|had)\s+no\s+(?:plans?|intention|intentions)\s+(?:to|of)\s+(?:attend|travel|go|come|be|"
    r"visit|join|make)|(?:has|have|had)\s+(?:not|n't)\s+(?:been\s+)?(?:attended|travell?ed|come|gone)|"
    r"(?:will|would|could|can|does|did|do)\s*(?:not|n't)\s+(?:be\s+)?(?:attend|travel|come|"
    r"coming|go|going|make|making|be there|join|take part|there)|won't|cannot attend|"
    r"can't attend|unable to (?:attend|travel|come|make|be)|not be able to|not (?:be )?attend|"
    r"not making the (?:trip|journey)|did not come|excus(?:ed|es|ing) (?:himself|herself)|"
    r"rul(?:ed|es|ing) out (?:attending|going|travell?ing|coming|a trip|the trip|a visit)|"
    r"(?:does|do|did|will|would)\s*(?:not|n't) (?:plan to|intend to|stay for|be attending)|"
    r"no plans to (?:attend|travel|go|come)|sen(?:t|ds|ding) (?:his |her )?regrets|"
    r"declin(?:e|ed|es|ing)|cancel(?:s|led|ed|ling|ing)? (?:his|her|the|a|its) (?:trip|visit|"
    r"attendance|journey|travel)|call(?:s|ed|ing)? off (?:his|her|the|its) (?:trip|visit|attendance|"
    r"journey)|turn(?:ed|s)? (?:the invitation |it )?down|turned down|"
    r"stay(?:ed|s|ing)? (?:away|home|in)\b|skip(?:s|ped|ping)?|to miss|will miss|missed|"
    r"pull(?:ed|s)? out|withdr(?:ew|awn|aws)|absent|absentee|"
    r"(?:by|via) video|video link|video conference|video (?:message|address|speech|statement)s?|"
    r"virtually|online|remotely|not among|no longer (?:be )?(?:attend|travel|com|go)\w*|"
    r"not to (?:attend|travel|go|come|join|take part)|"
    r"chosen not to|decided not to|not be there|rather than in person|is sending|"
    r"was sending|will send|to send|sent|sending|asked [^,.]{0,40} to represent)",
    _I,
)
R_PRESENT_PAST = re.compile(
    AT_WORD
    + r"\b(?:attended|(?:was|were) (?:also |all )?(?:among(?! (?:those|the) (?:invited|invitees|"
    r"who (?:were |have been |had been |received ))(?!those who (?:were |have been |had been |received )))|present|there|in the (?:audience|hall|"
    r"congregation|room|cathedral|abbey))|took part|participated|(?:also )?joined|sat (?:next to|beside|with|at|"
    r"in|alongside|down)|arrived|landed|came|flew in|made the trip|was received|"
    r"led (?:the|its|his|her|a) [\w' -]{0,30}delegations?|represented(?! by)|addressed|"
    r"(?:was|were) (?:also )?at the|watched|(?:was|became) the (?:main |chief )?guest(?: of honou?r)?|turned up|"
    r"(?:was|were) (?:also |all |both )?in (?-i:[A-Z])\w*|(?:is|are) (?:also |now |already )*in (?-i:[A-Z])\w*|"
    r"(?:is|are|was|were|will be) the (?:only|first|last) [\w' -]{0,60}? at the|(?:is|are|was|were) representing|(?:is|are|was|were) the (?:only|first|last) [\w' -]{0,60}? to (?:attend|make the trip|travel|come)|"
    r"in attendance|(?:was|were) seated|(?:was|were) welcomed|(?:gave|delivered|made) (?:a |his |her )?"
    r"(?:speech|address|remarks)|went in (?:his|her) place|went instead|had already arrived|flew to|"
    r"sat at|(?:is|are) attending|after (?:attending|taking part in)|head(?:ed|s) (?:a|the) (?:long )?(?:line|list|procession) of|in (?:his|her) place|standing in for|to represent)\b",
    _I,
)
R_PRESENT_FUTURE = re.compile(
    r"\b(?:will (?:also |all |both |still )?(?:attend|travel|be (?:there|in|at|attending|among|accompanied by)|come|go|lead|"
    r"represent|accompany|join|make the trip|visit|fly|arrive|sit|take part)|would (?:also |still )?(?:attend|"
    r"travel|be in|come|lead|go|represent|be there|accept|take part|arrive)|(?:is|are) (?:also )?"
    r"(?:due|expected|scheduled|slated|set to|going to|to attend|to travel|to lead|attending|"
    r"coming)|plans? to (?:attend|travel|go|come|be)|(?:has|have|had) confirmed|confirmed "
    r"(?:the trip|his attendance|her attendance|that)|(?:has|have|had)?\s*accepted|"
    r"agreed to attend|will be there|(?:left|departed|set off|set out|headed|heading|travell?ed)\b[^.;,]{0,40}?\b"
    r"(?:to (?:attend|take part|join)|for the (?:funeral|summit|ceremony|procession|parade|inauguration))|(?:is|are) (?:also )?confirmed\b(?! (?:as|that|by))|(?:was|were) (?:also )?(?:due|expected|scheduled|set|slated) to "
    r"(?:attend|travel|come|be there|lead|represent|join)|(?:has|have|had) (?:also )?said yes|RSVP[’']?d|"
    r"(?:had|has) been (?:expected|due)|signed up to attend|go instead|in (?:his|her) place|will make [\w' ]{0,40}?(?:trip|visit|journey)|"
    r"(?:will|would) [\w' ]{0,30}? and (?:travel|attend|come|fly)|(?:is|are) (?:also )?among the (?:[\w-]+ )?guests|"
    r"(?:is|are) (?:also )?among the (?:[\w-]+ )?(?:leaders|dignitaries|heads of state) "
    r"(?:expected|due|confirmed|scheduled)|"
    r"(?:is|are) (?:also )?among the (?:[\w'’-]+ ){0,3}(?:leaders|dignitaries|heads of state|guests) "
    r"(?:in|at)\b|"
    r"(?:is|are) (?:also )?(?:the )?guests? of honou?r|"
    r"(?:will|would) be the (?:chief |main |principal )?guest|"
    r"(?:is|are) (?:to be )?the (?:chief|main|principal) guest)\b",
    _I,
)
R_INVITED = re.compile(
    r"\b(?:(?:was|were|has been|have been|had been|had also been|been) (?:also )?invited|"
    r"(?:received|has received|have received) (?:an |the |their |his |her )?invitations?|"
    r"(?:was|were|has been|have been|had been) (?:also )?sent (?:an |the )?invitations?|"
    r"list of invited|whom [\w' .-]{0,40} (?:had )?(?:also )?invited|"
    r"among (?:those|the [\w-]+) (?:invited|who (?:were|have been|had been) invited))\b",
    _I,
)
L_PRESENT = re.compile(
    r"(?:confirmed (?:their|his|her|its) (?:presence|attendance|participation)|represented by|"
    r"joining [\w' ]{0,40}? (?:will be|are|were|was|is)|"
    r"(?:represented by|sent|sends|sending|dispatched) (?:its|his|her|their|the) (?:[\w-]+ ){0,3}?"
    r"[\w-]+,|(?:and|to|will|would) send|(?:is|was|are|were) sending|sending|sent|will send|to send|"
    r"(?:led|headed) by|includ(?:ed|ing|e)|among them|among the (?:guests|leaders)(?: were)?|"
    r"such as|hosted|came|brought together|alongside|confirmed (?:for|that)?|"
    r"as (?:will|did|was|were|has|have|had|is|are|would)|accompanied by|"
    r"(?:chief )?guests? (?:of honou?r )?(?:was|were|is|will be)|"
    r"(?:attended|arrived|came|sat|travell?ed|attend|travel|be there)(?: [\w-]+){0,3} with"
    r"(?: [a-z]+){0,2}|"
    r"(?:leaders|guests) (?:at|in) [\w' -]{0,40}? included|"
    r"(?:also )?(?:expected|attending|present|in attendance) (?:are|were|is|was|will be)|"
    r"among those (?:present|attending|expected|there)(?: (?:are|were|will be))?|"
    r"among (?:those|the (?:guests|leaders|dignitaries|royals|attendees|foreign guests|mourners))"
    r"(?: (?!invit|received|asked)[\w'’-]+){0,4}? (?:were|are|was|is|will be))\W*$",
    _I,
)
L_INVITED = re.compile(
    r"(?:invited|invitations? to|extended (?:the|an) invitation to|asked|are)\W*$", _I
)
L_DECLINE = re.compile(
    r"(?:in place of|instead of|rather than(?: by)?|standing in for|, not|"
    r"(?:skipped|missed|shunned|boycotted|snubbed) by|(?:is |was |are |were )?representing|"
    r"on behalf of)\W*$",
    _I,
)
NOT_INVITED = re.compile(
    r"\b(?:not (?:been |be )?invited|did not invite|not invite|no invitation|not on the list|"
    r"missing from the guest list|not being considered|was not represented|were not represented|"
    r"left out|not one of them|not intend to invite|did not invite|"
    r"not (?:sent|send|extended|issued)\b[^.;]{0,60}?\binvitation|"
    r"^No\b[^.;]{0,80}?\b(?:has|have|was|were|had) been invited)\b",
    _I,
)


def may_deny_invitation(sentence: str) -> bool:
    """Cheap test before NOT_INVITED: every one of its phrases contains one of these."""
    low = sentence.lower()
    return (
        "not " in low
        or "no invitation" in low
        or "left out" in low
        or "missing from" in low
        or (low.startswith("no ") and "invited" in low)
    )


REPORTED = re.compile(
    r"\b(?:report(?:ed|s|ing)?|publication|media|speculation|claims?|rumou?rs?|story|"
    r"information|news)\b",
    _I,
)
DENY = re.compile(
    r"\b(?:den(?:y|ied|ies|ying)|reject(?:ed|ing)? (?:the |those |these )?reports?|refut(?:e|ed|es|ing)|"
    r"dismiss(?:ed|es|ing)?\b[^.;]{0,40}?\b(?:reports?|claims?|speculation|fake)|"
    r"reject(?:ed|ing)? a reports?|not true|untrue|false|fake news|not be going|"
    r"would not be going|"
    r"not (?:being )?considered)\b",
    _I,
)
FUTURE_TENSE = re.compile(r"\b(?:will|would|is to|are to|due|expected|plans?|'ll|shall)\b", _I)
PRONOUN = re.compile(r"(?<![\w'])(?:he|she|He|She)(?![\w'])")
HONOREE_BEFORE = re.compile(
    r"(?:funeral|inauguration|swearing-in|coronation|investiture) (?:of|for)\s+(?:\w+\s+){0,4}$", _I
)
HONOREE_AFTER = re.compile(
    r"(?:['’]s?\s+(?:[\w-]+\s+){0,5}?(?:inauguration|swearing-in|funeral|coronation)|"
    r"\s+(?:was|were|is|will be) (?:formally )?(?:sworn in|inaugurated|crowned|installed)|"
    r"\s+took the oath)",
    _I,
)
INVITER = re.compile(
    r"(?:at (?P<a>[\w .'’-]+?)['’]s? (?:official |personal )?invitation|(?P<b>[\w .'’-]+?)['’]s? "
    r"invitation|invitation (?:from|of) (?P<c>[\w .'’-]+)|invited by (?P<d>[\w .'’-]+)|"
    r"(?P<e>[\w .'’-]+?) (?:had |has |have )?(?:also |personally |himself )?invited)"
)

# -- shapes around names ------------------------------------------------------------------
POSSESSIVE = re.compile(r"['’]s$")
TITLED_NAME = re.compile(r",?\s+(?P<nm>" + _NAME2 + r")")
TITLE_GAP = re.compile(r"(?:\s+[A-Z][\w-]*)*\s*")
WORD_BEFORE = re.compile(r"(?:^|\s)([A-Z][\w-]*)\s+$")
# "Kenya's William Ruto", "Chinese Premier", "Argentina's president, Javier Milei"
PREFIX_GAP = re.compile(r"(?:['’]s)?(?:\s+[\w-]+){0,4}?,?\s*")
PREFIX_BLOCK = re.compile(r"\b(?:in|of|to|for|from|with|by|and|was|is|were|are|sent|the)\b")
# "India will be represented by", "Peru sent", "The UAE sent its president,"
SENDER_GAP = re.compile(
    r"(?:,[^,]{0,60},)?\s+(?:will |would |is to |was to |has |had )?(?:be |been |was |were |is |"
    r"are )?(?:represented by|sen(?:t|ding|ds?)|dispatch(?:ed|es|ing)?)"
    r"(?:\s+(?:its|their|a|an|the))?(?:\s+[\w-]+){0,3}?,?\s*"
)
# "Vyacheslav Volodin, the speaker of the State Duma" / "Javier Milei, Argentina's president"
_OFFICE_OF = (
    r"(?:Vice-President|Vice President|President|Prime Minister|Deputy Prime Minister|"
    r"Foreign Minister|Minister|Ambassador|Speaker|Chancellor|Premier|Envoy)\s+of\s+"
    r"(?:the\s+)?(?P<ofc>[A-Z][\w.]*(?: [A-Z][\w.]*){0,2})"
)
APPOSITION = re.compile(
    r"(?P<name>" + _NAME2 + r"),\s+(?:(?:the|its|his|her|[A-Z][\w]+['’]s)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:president|prime minister|premier|chancellor|speaker|foreign minister|minister|"
    r"secretary|ambassador|envoy|leader|head|chairman|king|queen)\b|" + _OFFICE_OF + r")"
)
_APPOS_COUNTRY = re.compile(
    r",\s+(?:the [\w-]+(?: [\w-]+)? of )?(?P<country>[A-Z][\w.]*(?: [A-Z][\w.]*){0,2})['’]s\s+"
    r"(?:[\w-]+\s+){0,2}?"
    r"(?:president|prime minister|premier|chancellor|foreign minister|minister|leader|king|"
    r"queen|ambassador|envoy|speaker|state duma|parliament|senate|national assembly)\b"
)


_APPOS_TAIL = re.compile(
    r",\s+(?:(?:the|its|his|her|[A-Z][\w]+['’]s)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:president|prime minister|premier|chancellor|speaker|foreign minister|minister|"
    r"secretary|ambassador|envoy|leader|head|chairman|king|queen)\b|" + _OFFICE_OF + r")"
)
_APPOS_OF = re.compile(r",\s+" + _OFFICE_OF)
_NAME_AT_END = re.compile("(?:" + _NAME2 + r")\Z")


def appositions(sentence: str) -> list[tuple[int, str]]:
    """(start, name) for each APPOSITION match, found tail first (", the speaker of ...")
    and then the name just before it: the name-first expression is slow on long text."""
    out = []
    last = 0
    for tail in _APPOS_TAIL.finditer(sentence):
        name = _NAME_AT_END.search(sentence, max(last, tail.start() - 120), tail.start())
        if name and APPOSITION.match(sentence, name.start()):
            out.append((name.start(), name.group(0)))
            last = tail.end()
    return out


def appositive_country(knowledge, sentence: str, end: int) -> str | None:
    """The country of "Lula, Brazil's president," or "Oru, Vice-President of Elbonia," from
    the apposition after the name."""
    m = _APPOS_COUNTRY.match(sentence, end)
    if m:
        return knowledge.country_of(m.group("country"))
    m = _APPOS_OF.match(sentence, end)
    return knowledge.country_of(m.group("ofc")) if m else None


# what follows "whether"/"if" is not asserted: "has yet to confirm whether she will come"
HEDGE = re.compile(r"\b(?:whether|if)\b", re.I)
# a clause about something else: "..., when most leaders stayed away"
CLAUSE_END = re.compile(
    r", (?:when|where|while|although|though|whose) |; |"
    r", (?:and|but) (?=(?:[A-Z][\w.’'-]*\s+){1,2}(?:sent|has|had|have|will|was|were|is|are|did)\b)"
)
# ", a close friend of Abe," after a name: not where the name's cue is
APPOSITION_SPAN = re.compile(r",\s+(?:a|an|the|his|her|its|on|in|one of|whose)\s[^,;\"“”]{0,80},")
SEND_FORM = re.compile(r"\b(?:send|sent|sending|will send|to send|is sending|was sending)$", re.I)
STAND_IN_AFTER = re.compile(
    r"\s+(?:(?:its|his|her|their|a|an)\s+)?(?:[\w-]+\s+){0,2}?(?:delegation|minister|envoy|deputy|"
    r"representative|ambassador|vice|secretary|someone|somebody)|\s+in (?:his|her) place|\s+instead",
    re.I,
)
OUTGOING = re.compile(r"\b(?:outgoing|incumbent|sitting)\s", re.I)

# -- who issued an invitation -------------------------------------------------------------
# "at Biden's invitation", "accepted Milei's invitation" (right after the inviter's name)
INVITATION_OF = re.compile(r"['’]s? (?:official |personal |formal |last-minute )?invitation\b")
# "at the invitation of Indonesian President Joko Widodo", "invited by X" (right before it)
INVITATION_FROM = re.compile(r"\b(?:invitation (?:of|from)|invited by)\s+(?:the\s+)?$", re.I)
# "X invited Y", "X, in a video call, invited Y", "X, who had personally invited Y"
SUBJECT_INVITED = re.compile(
    r"(?:,\s+who|,[^,;]{1,60},)?\s+(?:has |had |have )?(?:(?:also|personally|himself|herself|"
    r"formally|already|then) )*(?:invited|extended (?:the|an|his|her) invitations? to)\s"
)
WHOM = re.compile(r",\s+whom\s+")  # "Lula, whom Kishida had also invited"
WHOM_INVITED = re.compile(r"\s+(?:has |had |have )?(?:also |personally )?invited\b")


# -- cheap tests before the big cue expressions -------------------------------------------
# Every match of the expression contains one of its hints (lowercase; the text is lowered
# first, except for the case-sensitive name shapes). A window without any skips the regex.
DECLINE_HINTS = (
    "not", "n't", "unable", "declin", "turn", "stay", "skip", "miss", "pull", "withdr", "absent",
    "video", "online", "remotely", "rather than", "send", "sent", "asked", "cancel", "call",
    "excus", "rul", "no plans", "no intention", "virtual", "no longer",
)  # fmt: skip
FUTURE_HINTS = (
    "will", "would", "due", "expected", "scheduled", "slated", "set to", "going to", "to attend",
    "to travel", "to lead", "attending", "coming", "plan", "confirm", "accept", "go instead",
    "in his place", "in her place", "guest", "said yes", "rsvp", "been due", "left", "depart",
    "set o", "head", "travel", "among",
)  # fmt: skip
PAST_HINTS = (
    "attend", "among", "present", "there", "in ", "took part", "particip", "joined", "sat ",
    "arrived", "landed", "came", "flew", "made the trip", "received", "led ", "represent",
    "addressed", "at the", "watched", "guest", "turned up", "went", "standing in", "seated",
    "welcomed", "speech", "remarks", "head", "only", "first", "last",
)  # fmt: skip
FUTURE_TENSE_HINTS = ("will", "would", "is to", "are to", "due", "expected", "plan", "'ll", "shall")
DENY_HINTS = ("den", "reject", "dismiss", "not ", "false", "refut", "fake")
# "the palace denied that X would attend": the denied report needs no other cue
DENIED_THAT = re.compile(
    r"\b(?:den(?:y|ied|ies|ying)|refut(?:e|ed|es|ing)|dismiss(?:ed|es|ing)?)\s+"
    r"(?:(?:the\s+|a\s+)?(?:reports?|claims?|speculation)\s+)?that\s+[^,;]{0,40}$",
    _I,
)
L_DECLINE_HINTS = (
    "place of", "instead of", "rather than", "standing in for", ", not", "ed by", "representing",
    "behalf of",
)  # fmt: skip
KEEP_TITLE_HINTS = ("King", "Queen", "Prince", "Emperor", "Empress", "Sultan", "Pope", "Grand Duke")
ROLE_HINTS = (
    "founder", "spokes", "advis", "speaker", "envoy", "official", "minister", "secretary",
    "chief executive", "predecessor", "rival", "wife", "husband", "president", "premier",
    "chancellor", "ambassador", "leader",
)  # fmt: skip
APPOSITION_HINTS = (
    "president", "premier", "chancellor", "speaker", "minister", "secretary", "ambassador",
    "envoy", "leader", "head", "chairman", "king", "queen",
)  # fmt: skip
HONOREE_HINTS = ("funeral", "inauguration", "swearing-in", "coronation", "investiture")


def hinted(text: str, hints: tuple[str, ...]) -> bool:
    for hint in hints:  # noqa: SIM110  (a plain loop is cheaper than any() over a generator)
        if hint in text:
            return True
    return False


# L_PRESENT ends its match (before trailing punctuation) with one of these words, or with any
# lowercase word after "with"; a left context ending otherwise cannot match it.
L_PRESENT_LAST = frozenset(
    [
        "by",
        "presence",
        "attendance",
        "participation",
        "present",
        "attending",
        "expected",
        "there",
        "sending",
        "sent",
        "send",
        "included",
        "including",
        "include",
        "them",
        "guests",
        "leaders",
        "were",
        "as",
        "hosted",
        "came",
        "together",
        "alongside",
        "confirmed",
        "for",
        "that",
        "will",
        "did",
        "was",
        "has",
        "have",
        "had",
        "is",
        "are",
        "would",
        "be",
    ]
)


def last_word(text: str) -> str:
    """The last word of ``text`` (lowercase), ignoring trailing non-word characters."""
    i = len(text)
    while i and not (text[i - 1].isalnum() or text[i - 1] == "_"):
        i -= 1
    j = i
    while j and (text[j - 1].isalnum() or text[j - 1] == "_"):
        j -= 1
    return text[j:i].lower()


def may_present_left(left: str) -> bool:
    low = left.lower()
    return (
        last_word(left) in L_PRESENT_LAST
        or "with" in low
        or "represented by" in low
        or "sen" in low
        or "dispatched" in low
    )
