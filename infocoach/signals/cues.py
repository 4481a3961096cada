"""The words that can show an interest signal: patterns over lemmas, in spaCy Matcher syntax.

Why patterns and not a bag of keywords: the baseline that fires on "notes" or
"background" anywhere scores 0.72 micro-F1 and flags half of the reports with
no signal, because what matters is *who did what*: "I took notes" is not a
signal, "she took notes" is, and "asked about *her* background" is not one
either. So each cue below is a small phrase (a verb with what it acts on), and
the spotter then checks the actor, negation and mood around it.

Two kinds of cue:

- a *phrase* cue matches on its own (``take ... notes``, ``short-staffed``);
- a *pair* cue is a head (``asked``, ``enthusiastic``) followed in the same
  clause by a tail (``my background``, ``the company``); the spotter pairs them,
  so "asked me a lot of questions about my time in the Army" needs no pattern
  for every filler in between.

Patterns match the ``LEMMA`` of a lower-cased text (see :mod:`.pipeline`), so
"TOOK NOTES", "took notes" and a typo like "notse" all reach the lemma "note".
"""

from __future__ import annotations

from dataclasses import dataclass

from infocoach.ids import Signal

Token = dict[str, object]
Pattern = list[Token]


def lem(*lemmas: str, op: str | None = None) -> Token:
    """A token whose lemma is one of ``lemmas`` (optionally quantified)."""
    token: Token = {"LEMMA": {"IN": list(lemmas)}}
    if op:
        token["OP"] = op
    return token


def low(*words: str, op: str | None = None) -> Token:
    """A token whose lower-cased text is one of ``words``: for forms whose lemma misleads."""
    token: Token = {"LOWER": {"IN": list(words)}}
    if op:
        token["OP"] = op
    return token


@dataclass(frozen=True)
class Cue:
    """A named group of patterns: what it shows and how sure it makes us."""

    name: str
    signal: Signal | None
    strength: float
    patterns: tuple[Pattern, ...]


# Words between a verb and its object that do not change the meaning.
FILLER = (
    "a", "an", "some", "few", "many", "lot", "lots", "of", "any", "more", "so", "sooo", "quick",
    "detailed", "careful", "extensive", "copious", "plenty", "bunch", "couple", "several",
    "the", "little", "ton", "tons", "handful", "her", "his", "their", "short", "brief", "mental",
    "quite", "very", "really", "also", "just", "even", "actually", "then", "down", "up",
)
ADVERB = ("really", "badly", "desperately", "definitely", "clearly", "also", "still", "actually")
PERSON_WORD = (
    "someone", "somebody", "people", "person", "staff", "help", "hand", "hands", "more",
    "another", "extra", "additional", "new", "two", "three", "anyone", "it", "support",
)
# What a wanted person is called, last word of the job: "a transport *planner*".
JOB_HEAD = (
    "planner", "engineer", "analyst", "technician", "tech", "developer", "designer",
    "manager", "assistant", "coordinator", "nurse", "driver", "officer", "specialist",
    "operator", "administrator", "accountant", "bookkeeper", "surveyor", "teacher",
    "electrician", "welder", "writer", "editor", "scientist", "consultant", "clerk",
    "receptionist", "chef", "cook", "mechanic", "fitter", "tester", "trainer", "buyer",
    "lead", "supervisor", "advisor", "adviser", "therapist", "researcher", "translator",
)
ROLE_NOUN = ("position", "role", "job", "spot", "req", "seat", "headcount", "vacancy", "opening")
COMPANY_NOUN = (
    "company", "firm", "organization", "organisation", "place", "culture", "mission", "product",
    "roadmap", "future", "growth", "perk", "benefit", "advantage", "office", "hospital",
    "startup", "agency", "lab", "business", "employer", "team", "people", "staff", "work",
    "there", "it", "everyone", "colleague", "school", "store", "studio", "bank", "plant",
)
GOOD_WORD = (
    "great", "fantastic", "amazing", "wonderful", "awesome", "brilliant", "excellent", "best",
    "fun", "lovely", "terrific", "incredible", "good",
)
BACKGROUND_NOUN = (
    "background", "experience", "resume", "résumé", "cv", "history", "past", "career",
    "education", "degree", "study", "studies", "training", "skill", "qualification",
    "certification", "internship", "job", "role", "position", "work", "time", "reason",
    "motivation", "interest", "portfolio", "story", "transition", "switch", "decision",
    "goal", "service", "schooling", "school", "major", "previous", "last", "prior", "former",
    "current", "old", "answer", "plan", "path", "project", "thesis", "dissertation", "research",
    "coursework", "bootcamp", "volunteering",
)
OWNERS = ("the", "their", "his", "her", "this")
WORKPLACE = (
    "place", "company", "firm", "team", "job", "organisation", "organization", "agency",
    "studio", "lab", "practice", "business", "school", "hospital", "office", "estate", "site",
    "shop", "ward", "kitchen", "farm", "workshop", "depot", "warehouse", "clinic", "brewery",
)
WHY_VERB = (
    "get", "make", "draw", "bring", "lead", "attract", "interest", "pull", "push", "motivate",
    "inspire", "spark",
)
WHAT_I_VERB = (
    "do", "study", "work", "train", "go", "want", "look", "hope", "plan", "leave", "see",
    "specialise", "specialize", "major", "focus",
)


# How many pages: "filled a page", "about two pages", "half a page".
PAGES = ("a", "half", "most", "about", "at", "least", "one", "two", "three", "four", "several",
         "whole", "couple", "of")

NOTES = Cue(
    "notes", Signal.NOTES, 0.9,
    (
        # took / made / jotted / typed / kept ... notes
        [lem("take", "make", "jot", "scribble", "write", "type", "keep", "scrawl"),
         low(*FILLER, op="{0,3}"), lem("note", "notes")],
        [lem("note"), low("down")],
        [lem("note"), low("-", op="?"), lem("take")],
        [low("notetaking")],
        [lem("jot", "scribble", "scrawl")],
        # wrote (a few) things down / wrote down what I said
        [lem("write"), {"IS_PUNCT": False, "OP": "{0,4}"}, low("down")],
        [lem("write"), low("down", op="?"), low("a", "some", op="?"),
         low("few", "couple", op="?"), low("of", op="?"),
         lem("thing", "stuff", "idea", "answer", "point", "detail", "everything")],
        [lem("write"), low("down", op="?"), low("what", "everything"), low("i")],
        [lem("begin", "start", "keep"), lem("write", "typing", "type")],
        # "didn't stop typing", "never stopped writing"
        [low("n't", "not", "never", "didnt", "couldnt", "wouldnt"), lem("stop"),
         lem("write", "writing", "typing", "type", "scribble", "jot")],
        # "(writing)", "(scribbling)", "*thumbs away at her phone*": a transcript's
        # stage directions
        [low("(", "*"), low("still", "just", "starts", "started", op="?"),
         lem("write", "writing", "scribble", "scribbling", "jot", "jotting", "type", "typing",
             "thumb", "tap", "note")],
        # wrote in her notebook / typed into a spreadsheet
        [lem("write", "scribble", "scrawl", "jot"), low("it", "that", "this", "them", op="?"),
         low("in", "on", "into"),
         low("a", "an", "her", "his", "their", "the", "my", op="?"),
         lem("notebook", "notepad", "pad", "diary", "planner", "journal", "margin", "margins",
             "moleskine", "clipboard", "paper", "notepaper", "jotter")],
        # "types up everything I say", "wrote up what I told her"
        [lem("type", "write"), low("up"), low("everything", "what", "all", "my", "it")],
        [lem("type", "typing", "tap"), low("away", op="?"), low("on", "into"),
         low("a", "an", "her", "his", "their", "the", op="?"),
         lem("laptop", "ipad", "tablet", "spreadsheet", "notebook")],
        # typing / tapping away ... while I talked
        [lem("type", "typing", "tap", "write", "scribble", "jot", "hammer", "bash", "thumb",
             "clatter"),
         {"IS_PUNCT": False, "OP": "{0,6}"},
         low("while", "as", "whenever", "when", "time"), low("i"), low("was", op="?"),
         lem("talk", "talking", "speak", "speaking", "answer", "explain", "describe", "chat")],
        # "filled a page of her notebook", "filled three pages while I talked"; not "filled
        # four pages" after the user's own note-taking, whose subject is left unsaid
        [lem("fill"), low(*PAGES, op="{0,3}"), lem("page"), low("of", "in"),
         low("her", "his", "their", "a")],
        [lem("fill"), low(*PAGES, op="{0,3}"), lem("page"), low("while", "as"), low("i", "we")],
        # pulled out a notebook / grabbed a pen
        [lem("pull", "grab", "take", "get", "whip", "bring"), low("out", op="?"),
         low("a", "an", "her", "his", "their", op="?"), low("legal", op="?"),
         lem("notebook", "notepad", "pad", "pen", "pencil")],
    ),
)

NEED = Cue(
    "need", Signal.NEED, 0.85,
    (
        [lem("need"), low(*ADVERB, op="?"), low(*PERSON_WORD, "a", "an", "for", "in", "someone's")],
        [lem("need"), low("to"), lem("hire", "fill", "find", "bring", "add", "recruit")],
        [low("could", "can"), low(*ADVERB, op="?"), lem("use"), low(*PERSON_WORD, "a", "an")],
        [lem("look", "search", "hunt"), low("for"),
         low("someone", "somebody", "people", "candidates")],
        # "they'll be looking for a transport planner from March"
        [lem("look", "search", "hunt"), low("for"),
         low("a", "an", "another", "two", "three", "more", "extra"),
         {"IS_PUNCT": False, "OP": "{0,2}"}, lem(*JOB_HEAD)],
        [low("desperate"), low("for")],
        # "the team's been crying out for someone with a design background"
        [low("crying", "cries", "cried", "cry"), low("out"), low("for")],
        # "they badly need night staff with dementia experience"
        [low(*ADVERB), lem("need"), {"IS_PUNCT": False, "OP": "{0,2}"},
         lem(*PERSON_WORD, *JOB_HEAD)],
        # "good welders are impossible to find", "they're so hard to hire": people (plural),
        # not "the office was impossible to find"
        [low("are", "'re", "were"), low("so", "really", "just", "basically", "nearly", op="?"),
         low("impossible", "hard", "difficult", "tough"), low("to"),
         lem("find", "hire", "recruit", "get")],
        [low("opening", "openings", "vacancy", "vacancies", "headcount")],
        [low("open"), lem(*ROLE_NOUN)],
        [lem(*ROLE_NOUN), low("open", "available")],
        [lem(*ROLE_NOUN), low("opening"), low("up")],
        # "a coordinator post empty since June", "the vacant planner role"
        [lem(*ROLE_NOUN, "post"), low("has", "'s", "is", "sat", "sitting", "been", op="{0,2}"),
         low("empty", "vacant", "unfilled")],
        [low("vacant", "unfilled"), low(*FILLER, op="{0,2}"), lem(*ROLE_NOUN, "post")],
        [lem("be", "start", "begin", "keep"), low("hiring", "recruiting")],
        [low("to"), lem("hire", "recruit")],
        [low("hiring", "recruiting"), low("for", "a", "an", "someone", "two", "three", "another")],
        [low("understaffed", "overstretched", "shorthanded", "swamped", "backlog", "backlogged")],
        [low("short"), low("-", op="?"), low("staffed", "handed")],
        [low("short"), low("on", op="?"), low("one", "two", "three", "four", "a", "an", "people",
                                                "staff", "hands", "several")],
        [low("stretched"), low("thin")],
        # "they're short of HGV drivers", "one sub-editor short", "running two pickers short"
        [lem("be", "run", "get", "go", "always"),
         low("really", "badly", "a", "bit", "so", "very", "seriously", "pretty", "desperately",
             "chronically", "massively", "always", "still", op="{0,2}"),
         low("short"), low("of")],
        [low("one", "two", "three", "four"), {"IS_PUNCT": False, "OP": "{1,2}"}, low("short")],
        # "the team is two analysts down", "they're down two receptionists"
        [low("one", "two", "three", "four"), {"IS_PUNCT": False, "OP": "{1,2}"}, low("down"),
         low("since", "at", "on", "right", "now", ".", ",", "and")],
        [low("'re", "re", "are", "were", "is", "'s", "been"), low("down"),
         low("one", "two", "three", "four", "a", "an"), lem(*PERSON_WORD, *JOB_HEAD)],
        # "it's hard to find good CNC operators these days"
        [low("hard", "difficult", "impossible", "tough"), low("to"), lem("find", "get", "hire"),
         low("good", "decent", "qualified", "experienced", "skilled", "reliable"),
         {"IS_PUNCT": False, "OP": "?"}, lem(*JOB_HEAD, "people", "staff", "worker", "hand")],
        # "we're short a project admin"
        [lem("be"), low("really", "badly", op="?"), low("short"), low("a", "an", "one", "two")],
        [low("drowning"), low("in")],
        [lem("struggle", "try", "fight"), low("to"), lem("find", "fill", "hire", "recruit")],
        [lem("trouble", "time"), low("finding", "hiring", "filling")],
        [lem("fill"), low("a", "the", "their", "that", "this", op="?"), lem(*ROLE_NOUN, "gap")],
        [low("ca", "could", "can"), low("n't", "nt", "not"), lem("find", "keep")],
        [low("nobody", "noone"), low("on", "in", "there", "who", "to")],
        [low("no"), low("one"), low("on", "in", "there", "who", "to")],
        [low("n't", "nt", "not"), lem("have"), low("anyone", "anybody", "someone", "enough")],
        [low("a", "the", "their", "real", "big", "skills", "skill"), lem("gap")],
        [low("last", "previous", "two", "someone", "somebody", "people", "person", "predecessor"),
         {"IS_PUNCT": False, "OP": "{0,2}"}, low("left", "quit", "retired", "resigned")],
    ),
)
# A need stated as one: said to fit the user, as the article puts it ("described a need
# I could fill"), or a site, a team or "they" that will or might need people. The
# checks still apply (the user's guess, hearsay, ...), but the model may not overrule
# these (spotter.RULE_FLOORS) as it may the bare "short of", "opening" or "desperate
# for" above, which fire however the sentence goes on.
NEED_STATED = Cue(
    "need_stated", Signal.NEED, 0.85,
    (
        [lem("need", "gap", "role", "job"), {"IS_PUNCT": False, "OP": "{0,4}"}, low("i", "you"),
         low("could", "can", "might"), low(*ADVERB, op="?"), lem("fill")],
        [lem("problem", "challenge", "issue"), {"IS_PUNCT": False, "OP": "{0,6}"},
         low("i", "skills"), low("could", "can", "would")],
        [low("someone", "somebody"), low("like", "with"), low("me", "my")],
        [lem("fit", "match"), low("my"), lem("experience", "background", "skill", "profile")],
        # A new site or unit that will need people: "the new depot will need shift planners".
        [lem(*WORKPLACE, "unit", "branch", "store", "plant", "line", "wing", "hub", "facility",
             "centre", "center", "route", "contract", "project", "team", "department", "they",
             "we"),
         low("will", "'ll", "is", "are", "'s", "'re", "might", "may"), low("going", op="?"),
         low("to", op="?"), lem("need")],
    ),
)

# "the best / most rewarding place she's ever worked"
BEST_EVER = ("best", "happiest", "nicest", "friendliest", "favourite", "favorite", "greatest")
MOST_GOOD = ("rewarding", "fun", "supportive", "enjoyable", "exciting", "friendly",
             "interesting", "fulfilling")
EVER_WORKED = (low("she", "he", "they"), low("'s", "has", "'d", "had", "'ve", "have", op="?"),
               low("ever"), lem("work", "have"))

ENTHUSIASM = Cue(
    "enthusiasm", Signal.ENTHUSIASM, 0.85,
    (
        [lem("love"), low("working", "it")],
        [lem("love"), low("the", "this", "that"), lem(*WORKPLACE, *COMPANY_NOUN)],
        [low(*GOOD_WORD), low("place"), low("to"), low("work")],
        [low("best"), low("place", "company", "job", "employer")],
        [low("talked", "talk", "talking", "talks"), low("up")],
        [lem("sell"), low("me"), low("on")],
        # selling / hyping / pitching the place (not "sold it to a client")
        [lem("hype", "pitch", "plug"), low("me", op="?"), low(*OWNERS), lem(*WORKPLACE)],
        [lem("sell"), low("me"), low(*OWNERS, op="?"), lem(*WORKPLACE)],
        [lem("sell"), low(*OWNERS), lem(*WORKPLACE), low("hard", "to")],
        [low("really", "hard"), low("selling", "sold", "pitching", "hyping"), low("it")],
        [lem("hype"), low("it", "everything"), low("up")],
        [lem("speak", "talk", "think"), low("very", "so", op="?"), low("highly")],
        [lem("sing"), low("its", "the"), lem("praise")],
        [low("say"), low("enough"), low("good")],
        [lem("imagine"), lem("work"), low("anywhere", "elsewhere")],
        [lem("invest"), low("in"), low("their", "its"), lem("people", "staff", "employee")],
        [lem("treat"), low("their", "its"), lem("people", "staff", "employee")],
        # "kept talking the company up", "did a sales job on me"
        [lem("talk"), low(*OWNERS), lem(*WORKPLACE, *COMPANY_NOUN), low("up")],
        [lem("do"), low("a"), low("sales"), low("job", "pitch"), low("on")],
        # why their firm beats the rest: "miles ahead of the other firms", "beats every
        # other airline", "head and shoulders above"
        [low("miles", "streets"), low("ahead")],
        [lem("beat"), low("every", "any"), low("other")],
        [low("head"), low("and"), low("shoulders"), low("above")],
        # "the most rewarding place she's ever worked", "the best job he's ever had"
        [low(*BEST_EVER), lem(*WORKPLACE), *EVER_WORKED],
        [low("most"), low(*MOST_GOOD), lem(*WORKPLACE), *EVER_WORKED],
    ),
)

BACKGROUND = Cue(
    "background", Signal.BACKGROUND, 0.9,
    (
        # the manager's own words, quoted: "what got you into cybersecurity?"
        [low("what"), lem(*WHY_VERB), low("you")],
        [low("what"), low("on"), low("earth"), lem(*WHY_VERB), low("you")],
        # "what's making you look at ...", "what's your experience?", "why would a
        # chemist want ...", "how long were you ...", "did you ever do any bookkeeping?"
        [low("what"), low("'s", "is"), low("making", "driving", "pulling", "bringing",
                                            "drawing", "pushing", "taking"), low("you")],
        [low("what"), low("'s", "is", "was"), low("your"), lem(*BACKGROUND_NOUN)],
        [low("why"), low("would", "did", "do", "does", "are", "'d"),
         low("you", "a", "an", "someone", "anyone", "somebody"),
         {"IS_PUNCT": False, "OP": "{0,1}"}, lem("want", "leave", "move", "switch", "choose",
                                                 "give", "quit", "change")],
        [low("how"), low("long"), low("were", "have", "did", "had"), low("you")],
        [low("did", "have"), low("you"), low("ever")],
        [low("what"), low("did"), low("you"), lem("do", "study", "work", "run", "manage")],
        [low("walk"), low("me"), low("through"), low("this", "the", "that"),
         lem("cv", "resume", "résumé", "portfolio")],
        [low("why"), low("do", "did"), low("you"), lem("want", "choose", "pick", "leave")],
        [low("tell"), low("me"), low("about"), low("yourself", "your")],
        [low("walk"), low("me"), low("through"), low("your")],
        [lem("have"), low("me"), lem("walk", "talk", "take"), low("her", "him", "them")],
    ),
)

# Pair cues: a head, then a tail in the same clause within a few tokens.
BACKGROUND_HEAD = Cue(
    "background_head", Signal.BACKGROUND, 0.9,
    (
        [lem("ask", "probe", "question", "quiz", "grill", "press", "inquire", "enquire", "query",
             "interrogate", "drill", "wonder")],
        [lem("dig"), low("into")],
        [low("want", "wanted", "wanting"), low("to"), lem("know", "hear", "understand")],
        # "curious about my ...", "super curious why I'd want to leave journalism"
        [lem("curious")],
        [lem("keen", "eager", "dying"), low("to"), lem("know", "hear", "understand")],
        [lem("interested", "interest"), low("in")],
        [lem("go"), low("through", "over")],
        [low("find"), low("out")],
    ),
)
TALK_HEAD = Cue(
    "talk_head", Signal.BACKGROUND, 0.6,
    ([lem("talk", "discuss", "cover", "chat", "spend")],),
)
BACKGROUND_TAIL = Cue(
    "background_tail", None, 0.0,
    (
        [low("my"), {"IS_PUNCT": False, "OP": "{0,2}"}, lem(*BACKGROUND_NOUN)],
        [low("about"), low("me", "myself", "mine")],
        [low("why"), low("i", "i'm", "me")],
        [low("how"), low("i"), lem("get", "come", "become", "end", "start", "end", "decide")],
        [low("what"), lem(*WHY_VERB), low("me")],
        [low("what", "where"), low("i"), low("'d", "'ve", "'m", "am", "was", op="?"),
         low("been", op="?"), lem(*WHAT_I_VERB)],
        [low("whether", "if"), low("i"), low("'d", "had", "'ve", "have"), lem("consider", "think")],
        [low("how"), low("long"), low("i"), low("'ve", "'d", "have", "had"), low("been")],
        [low("how"), low("many"), low("years"), low("i")],
        # The user told of as a kind of person: "wanted to know why a 38 yr old
        # accountant wants to retrain", "why a criminal barrister would want to ...".
        [low("why"), low("a", "an", "someone", "somebody", "anyone"),
         {"IS_PUNCT": False, "OP": "{0,2}"}, low("-", op="?"), low("year", "yr", op="?"),
         low("-", op="?"), {"IS_PUNCT": False, "OP": "{0,4}"}, low("would", "'d", "should", op="?"),
         lem("want", "leave", "move", "switch", "choose", "retrain", "quit", "change", "give")],
        # "asked if I'd ever managed a budget", "whether I had any experience of ..."
        [low("whether", "if"), low("i"), low("'d", "had", "'ve", "have", op="?"), low("ever")],
        [low("whether", "if"), low("i"), lem("have"), low("any"), lem(*BACKGROUND_NOUN)],
    ),
)
ENTHUSIASM_HEAD = Cue(
    "enthusiasm_head", Signal.ENTHUSIASM, 0.85,
    (
        # lemmas, not surface forms, so that a repaired typo ("enthusiatic") matches too
        [lem("enthusiastic", "enthusiastically", "enthusiasm", "excite", "excited", "excitedly",
             "passionate", "passionately", "animate", "animated", "proud", "glowingly", "fondly")],
        [lem("rave", "gush", "brag", "boast", "glow", "beam", "enthuse")],
        [lem("light"), low("up")],
        [lem("go", "keep"), low("going", op="?"), low("on"), low("and", op="?"), low("on", op="?"),
         low("about")],
        [lem("stop"), lem("talk")],
        [lem("love")],
    ),
)
PERK_HEAD = Cue(
    "perk_head", Signal.ENTHUSIASM, 0.75,
    ([lem("talk", "describe", "list", "tell", "explain", "mention", "go", "walk", "spend")],),
)
ENTHUSIASM_TAIL = Cue("enthusiasm_tail", None, 0.0, ([lem(*COMPANY_NOUN)],))
PERK_TAIL = Cue("perk_tail", None, 0.0, ([lem("perk", "benefit", "advantage", "upside")],))
GOOD_HEAD = Cue("good_head", Signal.ENTHUSIASM, 0.75, ([low(*GOOD_WORD, "well")],))

# "They talked about the team." : a topic with nothing said about it.
VAGUE = Cue(
    "vague", None, 0.0,
    (
        [lem("talk", "tell", "discuss", "chat", "speak", "mention"), low("me", op="?"),
         low("about", op="?"), low("the", "her", "his", "their", "its", op="?"),
         lem("team", "department", "company", "firm", "group", "office", "organization",
             "business", "division", "dept"),
         {"IS_PUNCT": True}],
    ),
)
# "Notes were taken." : a signal with no one doing it.
PASSIVE_NOTES = Cue(
    "passive_notes", Signal.NOTES, 0.9,
    ([lem("note"), lem("be", "get"), lem("take", "make", "write")],),
)


@dataclass(frozen=True)
class Pair:
    """A head cue that shows ``head.signal`` only with a ``tail`` close after it."""

    head: Cue
    tail: Cue
    max_gap: int


PAIRS: tuple[Pair, ...] = (
    Pair(BACKGROUND_HEAD, BACKGROUND_TAIL, 12),
    Pair(TALK_HEAD, BACKGROUND_TAIL, 4),
    Pair(ENTHUSIASM_HEAD, ENTHUSIASM_TAIL, 8),
    Pair(PERK_HEAD, PERK_TAIL, 6),
    Pair(GOOD_HEAD, ENTHUSIASM_TAIL, 4),
)
# A need stated as one is quoted before a bare one in the same report.
PHRASES: tuple[Cue, ...] = (NOTES, NEED_STATED, NEED, ENTHUSIASM, BACKGROUND, PASSIVE_NOTES)
ALL_CUES: tuple[Cue, ...] = (
    *PHRASES, VAGUE,
    *{cue.name: cue for pair in PAIRS for cue in (pair.head, pair.tail)}.values(),
)

# Words whose typos we repair, because the whole cue hinges on them.
TYPO_TARGETS: tuple[str, ...] = (
    "background", "experience", "resume", "note", "notebook", "notepad", "enthusiastic",
    "enthusiastically", "enthusiasm", "excited", "passionate", "passionately", "company",
    "opening", "position", "vacancy", "hiring", "interested", "department", "scribble", "jot",
    "take", "ask", "probe", "curious", "culture", "perk", "benefit", "advantage",
    "understaffed", "need", "someone", "write", "career", "qualification", "certification",
    "raving", "quiz", "question", "about",
)
