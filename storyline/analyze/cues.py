"""Word lists for attribution and claim status, kept as data so they can be read and extended.

All entries are lower case; verbs are lemmas as spaCy's English pipeline gives them.
"""

from __future__ import annotations

import re

# Verbs that state a figure anew: "the agency corrected the toll to 31", "officials raised their
# estimate to 40". A statement only with a figure noun as object and "to <number>" (see
# attribution._figure_revised); fuse.conflicts reads their forms as cues of a revision.
REVISION_VERBS = frozenset({"correct", "revise", "update", "raise", "lower", "adjust", "increase", "reduce"})

# Verbs that report what a source says, writes or holds. A verb here with a subject and a
# clause (or a quote) makes an attribution: "officials said that ...", "... , he added."
REPORTING_VERBS = frozenset({
    "say", "tell", "note", "add", "emphasize", "emphasise", "confirm", "report", "write",
    "state", "claim", "announce", "deny", "reject", "dismiss", "insist", "argue", "warn",
    "explain", "estimate", "believe", "think", "suggest", "indicate", "acknowledge", "admit",
    "assert", "allege", "predict", "reveal", "disclose", "declare", "stress", "cite", "quote",
    "accuse", "complain", "contend", "maintain", "tweet", "testify", "concede", "recall",
    "promise", "vow", "pledge", "observe", "remark", "point", "underline", "underscore",
    "report", "inform", "assure", "agree", "conclude", "find", "show", "hint", "speculate",
    "caution", "predict", "forecast", "respond", "reply", "answer", "repeat", "reiterate",
    "mention", "comment", "describe", "acknowledge", "brag", "boast", "joke", "charge",
    "question", "doubt", "fear", "hope", "expect", "know", "feel", "worry", "wonder",
    "believe", "suspect", "assume", "recognize", "recognise", "understand", "learn",
    "signal", "demand", "ask", "urge", "call", "blame", "criticize", "criticise", "praise",
    "write", "post", "publish", "report", "estimate", "calculate", "project", "continue",
    "conclude", "begin", "describe", "tweet",
    # "judged it unlikely that ...", "put the toll at 40" (an estimate: see attribution._figure_put)
    "judge", "put",
    # words said aloud ("marchers chanted “...”", "she shouted that ..."), a court's ruling,
    # and rejections like "deny" ("the mayor disputed the figures")
    "chant", "shout", "yell", "scream", "exclaim", "rule", "rebut", "refute", "dispute",
    "identify",  # "identified the cuts as the cause" (see attribution._characterisation)
}) | REVISION_VERBS  # "corrected the toll to 31" (see attribution._figure_revised)

# Verbs of a public stance taken in words: "X criticized Y for Z", "X endorsed Y". What the
# source says is the act itself, so the content is the whole clause, source and all (see
# attribution._stance). Verbs also used of blows and blasts only count with a person speaking.
STANCE_VERBS = frozenset({
    "criticize", "criticise", "praise", "accuse", "condemn", "denounce", "mock", "assail",
    "applaud", "thank", "tout", "endorse", "lambaste", "lambast", "rebuke", "chide", "scold",
    "ridicule", "decry", "deride", "commend", "congratulate", "fault", "berate", "castigate",
    "excoriate", "disparage", "blame", "attack", "blast", "slam", "hail",
})
PHYSICAL_TOO = frozenset({"attack", "blast", "slam", "hail", "defend"})

# Verbs of a position taken in public: "X supports the ban", "X opposed the pier". Said as the
# whole clause, like a stance. Wishes and plans ("wants to", "plans to") are left out: PolNeAR
# marks them only now and then, and most read as acts ("the judge planned to give me time").
ATTITUDE_VERBS = frozenset({"support", "oppose", "back", "favor", "favour", "defend"})

# Answers given in public to a request or an offer: "X refused to release the tapes", "X
# declined to comment", "X offered to debate". The content is what was refused or offered (the
# verb's complement, see attribution._content_of). On PolNeAR train (300 articles) and dev, a
# subject of these verbs that storyline did not yet read as a source is an annotated source
# 77% ("refuse"), 71% ("decline") and 62% ("offer") of the time; "want" (42%), "plan" (34%),
# "seek" (34%) and "try" (22%) are most often plain acts and stay out.
ANSWER_VERBS = frozenset({"refuse", "decline", "offer"})

# Verbs of a view held of something, a source's judgement only with "as" or a verdict: "X sees
# the plan as a betrayal", "voters view him favorably" (see attribution._seen_as). "Police saw
# the car" is none.
SEEING_VERBS = frozenset({"see", "view", "regard"})
VERDICT_ADVERBS = frozenset({"favorably", "unfavorably", "favourably", "unfavourably", "positively", "negatively"})

# Verbs whose object is what a source put into words: "X mentioned the audit", "X proposed a
# tax on ...". The content is the whole clause, as for stances. "Police questioned the suspect"
# is an act: "question" only counts with a thing as its object (see attribution._spoken_act).
SPOKEN_OBJECT_VERBS = frozenset({
    "mention", "discuss", "propose", "question", "highlight", "recount", "express",
    "recite", "articulate", "outline", "detail", "describe",
    # "X cited the figure", "X echoed her concerns", "the ad references the audit", "X likened
    # the rules to ...": what was cited, echoed or referenced was put into words. On PolNeAR
    # train (300 articles) and dev their subjects are annotated sources 73-100% of the time.
    "cite", "echo", "reference", "liken",
    # "X voiced concern", "X listed the failures", "X invoked the treaty", "X lamented the
    # closure": subjects annotated 75-83% of the time on PolNeAR train and dev
    "voice", "list", "invoke", "lament",
})

# Verbs that put something into words through a preposition: "X called for a ban", "X talked
# about the wall", "X pointed to the audit". Without that preposition they say nothing.
SPOKEN_PREPOSITIONS = {
    "call": frozenset({"for", "on"}), "talk": frozenset({"about", "of", "on"}),
    "speak": frozenset({"about", "of", "on"}), "comment": frozenset({"on"}), "refer": frozenset({"to"}),
    "point": frozenset({"to"}), "complain": frozenset({"about", "of"}), "boast": frozenset({"about", "of"}),
    "brag": frozenset({"about", "of"}), "joke": frozenset({"about"}), "warn": frozenset({"of", "about", "against"}),
    "ask": frozenset({"about", "for"}), "write": frozenset({"about", "of"}), "tweet": frozenset({"about"}),
    "testify": frozenset({"about", "on"}), "argue": frozenset({"for", "against"}), "rail": frozenset({"against"}),
    "rule": frozenset({"against", "on"}), "advocate": frozenset({"for"}), "plead": frozenset({"for", "with"}),
    "campaign": frozenset({"for", "against"}), "lobby": frozenset({"for", "against"}),
}

# Of those, the ones that only count with a clause or a quote as their content: "she called
# him", "they asked for help" are not attributions, "she asked whether ..." is.
CLAUSE_ONLY = frozenset({
    "ask", "call", "find", "show", "know", "feel", "learn", "understand", "recognize",
    "recognise", "answer", "respond", "reply", "point", "question", "agree", "expect", "hope",
    "fear", "worry", "wonder", "describe", "praise", "criticize", "criticise", "blame",
    "demand", "urge", "signal", "post", "publish", "project", "calculate", "mention",
    "comment", "joke", "continue", "begin", "observe", "remark", "inform", "assure", "think", "believe",
    "suspect", "assume", "doubt", "charge", "accuse", "tell", "add", "write", "cite", "judge",
    "shout", "yell", "scream", "exclaim", "rule", "identify",  # "shouted insults", "ruled the country"
})

# A source that rejects the content: the claim is "denied".
DENIAL_VERBS = frozenset({"deny", "reject", "dismiss", "refute", "rebut", "dispute", "contest"})

# "citing X", "quoting X": X is the relaying source's own source.
RELAY_VERBS = frozenset({"cite", "quote"})

# Phrasal prepositions that attribute: "according to X", "in the words of X".
ACCORDING = ("according to",)

# Nouns for documents that can hold a claim: "the report", "a draft law", "research by X".
DOCUMENT_NOUNS = frozenset({
    "report", "study", "research", "survey", "poll", "analysis", "document", "statement",
    "memo", "letter", "law", "bill", "draft", "filing", "assessment", "paper", "review",
    "investigation", "estimate", "data", "figures", "record", "records", "communique",
    "release", "findings", "indictment", "complaint", "lawsuit", "ruling", "order",
    "transcript", "footage", "video", "email", "e-mail", "tweet", "post", "post", "message",
    "note", "cable", "dossier", "plan", "proposal", "resolution", "decree", "intelligence",
})

# Nouns for people by role when no name is given: "a senior official", "the spokesman".
ROLE_NOUNS = frozenset({
    "official", "officials", "spokesman", "spokeswoman", "spokesperson", "minister", "diplomat",
    "diplomats", "aide", "aides", "adviser", "advisers", "advisor", "advisors", "officer",
    "officers", "commander", "commanders", "general", "president", "chief", "head", "director",
    "secretary", "ambassador", "envoy", "governor", "mayor", "senator", "lawmaker",
    "lawmakers", "legislator", "representative", "representatives", "negotiator", "prosecutor",
    "prosecutors", "investigator", "investigators", "analyst", "analysts", "expert",
    "experts", "economist", "economists", "researcher", "researchers", "scientist",
    "scientists", "witness", "witnesses", "resident", "residents", "staff", "staffer",
    "staffers", "leader", "leaders", "authorities", "authority", "police", "military",
    "ministry", "spokespeople", "observers", "critics", "supporters", "voters", "campaign",
    "chairman", "chairwoman", "chair", "manager", "executive", "executives", "ceo", "judge",
    "lawyer", "lawyers", "attorney", "attorneys", "counsel", "member", "members", "source",
    "sources", "insider", "insiders", "people", "person",
})

# Unnamed sources proper: "sources", "people familiar with the matter", "insiders".
ANONYMOUS_NOUNS = frozenset({"source", "sources", "insider", "insiders", "people", "person"})

# Organisations by common noun: "the ministry", "the government".
ORGANISATION_NOUNS = frozenset({
    "ministry", "government", "administration", "police", "military", "army", "navy",
    "department", "office", "agency", "committee", "council", "commission", "company", "firm",
    "court", "parliament", "congress", "senate", "kremlin", "pentagon", "campaign", "party",
    "group", "organisation", "organization", "union", "bank", "authorities", "authority",
    "regime", "embassy", "directorate", "service", "services", "command", "coalition",
    "alliance", "foundation", "institute", "university", "team", "board", "fund",
})

# Well-known news outlets and agencies (lower case, without a leading "the").
OUTLETS = frozenset({
    "new york times", "nyt", "washington post", "wall street journal", "reuters",
    "associated press", "ap", "afp", "agence france-presse", "agence france presse", "bbc",
    "cnn", "fox news", "nbc", "nbc news", "cbs", "cbs news", "abc", "abc news", "msnbc",
    "npr", "bloomberg", "politico", "axios", "the guardian", "guardian", "financial times",
    "ft", "economist", "the economist", "times", "the times", "telegraph", "daily telegraph",
    "independent", "daily mail", "mail", "the sun", "sun", "mirror", "usa today",
    "los angeles times", "la times", "chicago tribune", "huffington post", "huffpost",
    "breitbart", "breitbart news", "buzzfeed", "buzzfeed news", "vice", "vox", "the hill",
    "hill", "newsweek", "time", "the atlantic", "atlantic", "new yorker", "the new yorker",
    "al jazeera", "dw", "deutsche welle", "bild", "der spiegel", "spiegel", "die zeit",
    "zeit", "faz", "sueddeutsche zeitung", "süddeutsche zeitung", "le monde", "le figaro",
    "el pais", "el país", "corriere della sera", "la repubblica", "tass", "ria novosti",
    "interfax", "xinhua", "kyodo", "yonhap", "nhk", "ukrinform", "unian", "kyiv independent",
    "kyiv post", "ukrainska pravda", "meduza", "rbc", "kommersant", "izvestia", "rt",
    "sky news", "itv", "channel 4", "euronews", "france 24", "politico europe",
    "the washington times", "washington times", "new york post", "ny post", "daily beast",
    "the daily beast", "western journalism", "western journal", "cnbc", "marketwatch",
    "forbes", "fortune", "business insider", "insider", "the information", "semafor",
    "propublica", "the intercept", "intercept", "mother jones", "national review",
    "the federalist", "daily caller", "the daily caller", "washington examiner",
    "haaretz", "times of israel", "jerusalem post", "south china morning post", "scmp",
    "nikkei", "asahi", "yomiuri", "the hindu", "times of india", "dawn", "globe and mail",
    "toronto star", "cbc", "abc australia", "sydney morning herald", "the australian",
    "radio free europe", "rfe/rl", "voice of america", "voa", "anadolu", "ansa", "efe",
    "dpa", "pap", "ctk", "apa", "ukrainian pravda", "strana", "zn.ua", "liga",
})

# Name words that mark a news organisation: "The Daily Herald", "Kyiv Post", "Fox News".
OUTLET_NAME_WORDS = frozenset({
    "times", "post", "news", "journal", "gazette", "tv", "radio", "herald",
    "tribune", "telegraph", "chronicle", "daily", "press", "observer", "guardian", "mail",
    "courier", "courant", "star", "examiner", "inquirer", "register", "dispatch", "bulletin",
    "review", "magazine", "newspaper", "broadcaster", "television", "channel", "wire",
    "zeitung", "pravda", "izvestia", "novosti",
})

# Back-references to a news source the article named before: "the newspaper said".
OUTLET_BACKREFS = frozenset({
    "newspaper", "paper", "outlet", "publication", "daily", "broadcaster",
    "journalists", "journalist", "reporters", "reporter", "correspondent",
    "correspondents", "editors", "magazine", "channel", "network", "website", "site",
    "media", "media outlet", "authors", "author",
})
# "Agency" names a news outlet only beside one of these words ("Yonhap News Agency", "the
# state news agency", "a press agency"); alone it is most often a government body: of the
# PolNeAR train/dev sources headed by "agency", nearly all are ("the law enforcement agency",
# "the International Atomic Energy Agency", "the country's civil protection agency").
NEWS_AGENCY_WORDS = frozenset({"news", "press", "wire"})
# Outlets of OUTLETS that are news agencies, so that "the agency" can point back to them.
NEWS_AGENCIES = frozenset({
    "reuters", "associated press", "ap", "afp", "agence france-presse", "agence france presse",
    "tass", "ria novosti", "interfax", "xinhua", "kyodo", "yonhap", "ukrinform", "unian",
    "anadolu", "ansa", "efe", "dpa", "pap", "ctk", "apa",
})

# Back-references to the report the article relays: "states the report".
REPORT_BACKREFS = frozenset({"report", "article", "story", "piece", "publication", "investigation"})

# Status cues. Multi-word cues are matched on lower-case token sequences.
# Verbs that frame an expected event rather than name it ("troops are expected to be
# assembled", "the council plans to vote"): a claim's predicate is the verb they frame.
EXPECTATION_VERBS = frozenset({
    "expect", "anticipate", "set", "plan", "intend", "aim", "schedule", "slate", "poise",
})
# Cue verbs whose content is a forecast: "he expected them to enter the fighting".
FORECAST_VERBS = frozenset({"expect", "anticipate", "predict", "forecast"})
EXPECTED_CUES = (
    "expected to", "set to", "anticipated", "will", "shall", "plans to", "planned to",
    "is to", "are to", "was to", "were to", "going to", "scheduled to", "due to",
    "intends to", "intend to", "aims to", "poised to", "slated to", "expects", "expected",
    "is planning", "are planning", "plan to", "stands to", "stand to", "'ll",
    # In reported speech "will" shifts to "would", and "should" states an expectation:
    # "officials said 5,000 troops would (should) be there by Monday".
    "would", "should",
)
HEDGE_CUES = (
    "could", "may", "might", "reportedly", "unlikely", "likely", "possibly", "potentially",
    "suggests", "suggest", "suggested", "perhaps", "probably", "allegedly", "apparently",
    "appears to", "appear to", "appeared to", "seems to", "seem to", "seemed to",
    "maybe", "presumably", "believed to", "thought to", "said to be", "rumoured",
    "rumored", "unconfirmed", "possible", "speculated", "estimated",
)
NEGATORS = frozenset({"not", "n't", "never", "no", "none", "nobody", "nothing", "neither", "nor", "without"})


# How sources were heard, not what they said: "spoke on condition of anonymity", "asked not to
# be named". A sentence saying only that is no claim; "spoke on" it is no spoken act.
ANONYMITY = re.compile(r"\b(condition of anonymity|anonymously|requested anonymity|not to be (named|identified)|"
                       r"not authori[sz]ed to (speak|discuss|comment))\b", re.I)
