"""Who did it: the user, the manager, someone else, or unclear.

Without a parser we read the nearest subject-like word before the cue, the
way a person skims: "I took notes" is the user, "he/she/they took notes", "the
manager", "Priya" or "Ms. Alvarez took notes" is the manager, "my friend took
notes" is someone else, "we talked about my background" is unclear. A
subject-less clause ("...and then started taking notes") inherits the subject
of what came before, across at most one sentence break.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from itertools import pairwise

from spacy.tokens import Doc, Token

from infocoach.signals.sentences import sentence_of


class Actor(str, Enum):
    USER = "user"
    MANAGER = "manager"
    OTHER = "other"
    UNCLEAR = "unclear"
    NONE = "none"


@dataclass(frozen=True)
class Attribution:
    actor: Actor
    token: int | None = None
    inherited: bool = False


MANAGER_PRONOUNS = {"he", "she", "they"}
OBJECT_PRONOUNS = {"him", "her", "them"}
USER_PRONOUNS = {"i"}
UNCLEAR_PRONOUNS = {"we", "someone", "somebody", "everyone"}
# "Tariq wrote in his notebook as we talked and then ...": a "we" after these only
# tells when, not who did the rest.
WHEN_WORDS = {"as", "while", "whilst", "when", "whenever", "before", "after"}
WHEN_CLAUSE = 2
INDEFINITE = {"someone", "somebody", "everyone"}
WANTED_AFTER = {"with", "who", "like", "to", "could", "would", "that", "who's", "good"}
BOSSES = {"boss", "bosses", "manager", "director", "head"}
STAFF_LEAVING = {"colleague", "colleagues", "deputy", "assistant", "trainee", "apprentice",
                 "junior", "intern", "pa", "secretary", "paralegal"}
# Words after which "someone" may still be a subject: "and someone took notes".
SUBJECT_LEADS = {"and", "but", "then", "so", "because", "while", "when", "or", "that",
                 "until", "as", "if", "maybe", "apparently", "also", "actually", "though",
                 "although", "whereas", "where", "after", "before", "once", "since",
                 "by"}  # "written down by someone": the doer, unclear
# Whoever arranged the meeting may or may not have been in it: "the recruiter took
# notes", "a recruiter rang me afterwards and asked about my degree": the coach asks.
GO_BETWEENS = {"recruiter", "recruiters", "headhunter", "headhunters"}
MANAGER_NOUNS = {
    "manager", "boss", "director", "supervisor", "interviewer", "head", "lead", "vp", "ceo",
    "cto", "cfo", "coo", "founder", "owner", "executive", "principal", "chef", "editor",
    "chief", "president", "contact", "host", "woman", "man", "guy", "lady", "engineer",
    "partner", "officer", "administrator", "superintendent", "dean", "coordinator",
    # As typed on a phone or on site: "mgr had a tablet", "the foreman wrote on his clipboard".
    "mgr", "mngr", "foreman", "forewoman",
    # "it was the MD who kept gushing", "the GM", "the matron on the cardiac unit"
    "md", "gm", "cio", "cmo", "cpo", "matron", "headteacher", "headmaster", "headmistress",
    "proprietor",
    # "the chap at the planning office kept making notes"
    "chap", "bloke", "gentleman", "fella",
}
# Professionals met in their own field: "the charge nurse kept jotting", "senior
# associate took notes in OneNote"; each may also come along with the manager ("the
# manager and a senior nurse"), so :meth:`ActorFinder._companions` still knows them.
PROFESSIONS = {"nurse", "associate", "consultant", "solicitor", "surveyor", "architect",
               "pharmacist", "registrar", "accountant", "analyst"}
MANAGER_NOUNS |= PROFESSIONS
# Words before a profession that make it the user's own: "I'm a staff nurse", "as an analyst".
USERS_JOB = {"'m", "am", "as", "myself"}
OTHER_NOUNS = {
    "friend", "sister", "brother", "mom", "dad", "mother", "father", "wife", "husband",
    "colleague", "coworker", "classmate", "assistant", "cousin", "roommate", "son", "daughter",
    "receptionist", "intern", "flatmate", "housemate", "mate", "neighbour", "neighbor",
    "uncle", "aunt", "girlfriend", "boyfriend", "partner's", "mentor", "tutor", "lecturer",
    "mum", "mam", "nan", "gran", "granny", "grandma", "grandmother", "grandad", "grandpa",
    "grandfather", "nephew", "niece", "fiance", "fiancé", "fiancee", "stepdad", "stepmum",
    # People met on the way in, not the manager: what they say is hearsay.
    "guard", "barista", "doorman", "porter", "cleaner", "stranger", "redditor",
    # Staff who showed the user round: "the graduate trainee who gave me the tour".
    "trainee",
    # "Another candidate waiting outside said ...", "the PA who greeted me".
    "candidate", "candidates", "pa", "secretary", "junior", "apprentice", "deputy",
    "paralegal", "grad", "graduate",
    # "Glassdoor reviews rave about the culture", "reviewers say ..."
    "reviews", "reviewers", "reviewer",
}
# Words that, right before a title, make it a rank of its own: "the deputy head",
# "an assistant manager" is someone the user may have come to meet, not the
# manager's deputy or assistant.
RANK_WORDS = {"deputy", "assistant"}
RANKED_TITLES = {"head", "headteacher", "manager", "mgr", "director", "principal", "chief",
                 "editor", "superintendent", "matron", "gm"}
# What a job is called: "junior" or "trainee" right before one of these, within
# JOB_REACH words, describes the job, not a person ("a trainee surveyor post").
JOB_WORDS = {"role", "roles", "position", "positions", "post", "posts", "job", "jobs",
             "vacancy", "vacancies", "opening", "openings", "scheme", "schemes", "programme",
             "programmes", "program", "programs", "intake", "level", "contract", "contracts",
             "hire", "hires", "req", "reqs", "slot", "slots"}
JOB_REACH = 3
# "Me and the head of ops": how many words the user and the actor may span.
WITH_ME_REACH = 6
# "The girl on reception", "the lad at the desk": staff met on the way in.
FRONT_DESK = {"reception", "desk"}
# "The HR person who showed me out": staff of a department that is not the manager's.
STAFF_WORDS = {"hr", "recruiting", "recruitment"}
STAFF_PEOPLE = {"person", "people", "rep", "reps", "representative", "lady", "guy", "woman",
                "man", "assistant", "staff", "bod", "advisor", "adviser", "officer",
                "coordinator", "specialist", "generalist", "partner"}
TITLES = {"mr", "ms", "mrs", "dr", "prof", "mx", "miss"}
OWN = {"my", "our"}
# "My manager" is the user's own boss, but "my interviewer" is the person they met.
MEETING_ROLES = {"interviewer", "contact", "host"}
# Words that start a clause whose "I" is not the subject of what follows:
# "what I did, and wrote it down", "took notes on everything I said and asked ...".
EMBEDDING = {
    "what", "where", "why", "how", "when", "whether", "if", "everything", "anything",
    "something", "whatever", "all",
}
# "I was asked about my background": the manager asked.
PASSIVE_VERBS = {"asked", "questioned", "quizzed", "grilled", "probed", "pressed", "interrogated",
                 "drilled"}
PASSIVE_BRIDGE = {"was", "were", "got", "get", "been", "being", "really", "also", "then", "just",
                  "often", "repeatedly", "immediately", "actually"}
NOT_NAMES = {
    "honestly", "then", "so", "also", "overall", "anyway", "afterwards", "later", "finally",
    "basically", "actually", "today", "yesterday", "pretty", "nothing", "everything", "not",
    "no", "lol", "ok", "okay", "yes", "yeah", "hi", "hey", "thanks", "meeting", "interview",
    "reunion", "long", "did", "near", "before", "after", "during", "once", "when", "while",
    # Days and months are capitalised but name nobody: "raved about the Friday drinks".
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "april", "june", "july", "august", "september", "october", "november",
    "december",
    # Chat words no dictionary knows, which a lower-case account may open with.
    "tbh", "ngl", "omg", "btw", "imo", "idk", "smh", "fyi", "asap", "tho", "kinda", "gonna",
    "wanna", "dunno", "yep", "nah", "hmm", "lmao", "haha", "irl", "info", "whatsapp",
    "linkedin", "ipad", "pls", "plz", "thx", "jk", "ikr", "tmi", "wtf", "ppl", "cuz", "coz",
    "abt", "tmrw", "yday", "lil", "gotta", "probs", "def", "bro", "sis", "lmk", "ofc", "rly",
    "prolly", "tbf", "fwiw", "iirc", "afaik", "ugh", "meh", "wow", "yay", "oof", "welp",
    # Review sites: "Glassdoor reviews rave about the culture" is nobody met.
    "glassdoor", "indeed", "reddit", "trustpilot",
}
# Given names that are English words too: capitalised, they name a person ("Grace
# tapped a note into her tablet"). Not "Hope", "Will", "May" or "June", which open
# sentences or name months as often.
WORD_NAMES = {
    "grace", "rose", "mark", "bill", "jack", "amber", "dawn", "sue", "rob", "holly", "ruby",
    "iris", "lily", "olive", "violet", "hazel", "jade", "victor", "frank", "ray", "grant",
    "wade", "bob", "pete", "max", "jean", "faith", "joy", "heather", "daisy", "ivy", "pearl",
    "drew", "hunter", "gene", "pat", "sandy", "rusty", "penny", "robin", "carol", "bella",
    "julia", "angelica", "dev", "will", "sage", "autumn", "summer", "april", "eve", "gay",
    "rich", "don", "art", "chase", "dale", "glen", "cliff", "bud", "sonny", "misty", "stella",
    "flora", "clement", "earl", "basil", "rosemary", "august", "skye", "brook", "brooke",
}
# How many sentences back a cue with no subject of its own looks for one: "grid operator,
# control room manager Hélène. best one so far. - asked a ton ... - took notes the whole
# time" has a line of small talk between the manager and the bullets. Two rather than
# one: one account more read right, by the rules alone and combined, none worse, over
# every labelled account.
SENTENCE_LOOKBACK = 2
# "The hiring manager *at the other firm*", "a guy *on reddit*": a manager word
# placed somewhere else is not the person the user met.
ELSEWHERE_PREPOSITIONS = {"at", "from", "on"}
ELSEWHERE_WORDS = {
    "other", "another", "different", "previous", "last", "old", "former", "placement",
    "internship", "reddit", "hr",
    "linkedin", "twitter", "online", "forum", "tiktok", "youtube", "podcast",
}
ELSEWHERE_REACH = 3
# Words before a capitalised place name: "trips to Copenhagen", "a stint in Leeds".
PLACE_PREPOSITIONS = {"to", "in", "at", "from", "near", "of", "around"}
# "The junior who showed me round ...": someone described by what they did, not the
# manager; but "the woman who runs the lab" may be.
DESCRIBED_BY_DEED = {"the", "a", "an"}
# "The agronomist who runs the advisory team": the manager, told by their job.
ROLE_VERBS = {"manage", "run", "head", "lead", "oversee", "supervise", "direct", "chair",
              "found", "own", "coordinate"}
# "His deputy", "her paralegal Jon": someone on the manager's staff.
STAFF_OF = {"his", "her"}
# "One of his engineers asked ...": someone on the manager's staff.
STAFF_OWNERS = {"his", "her", "their", "the"}
# "An HR lady called Sue", "Marcus is the recruiter": a name introduced as someone else.
INTRODUCED = {"called", "named"}
# Someone from another team, named after a comma: "someone from HR, Nina,".
FROM_TEAM_PEOPLE = OTHER_NOUNS | STAFF_PEOPLE | {"someone", "somebody", "bloke", "chap"}
FROM_TEAM_REACH = 6
# Plain words for a person, brought in by where they work: "a guy from IT".
PLAIN_PEOPLE_FROM = {"guy", "lady", "woman", "man", "bloke", "chap", "person", "girl", "lad",
                     "fella"}
INTRO_REACH = 3
OTHERS_KEY = "infocoach_other_names"
ADDRESS_KEY = "infocoach_address_end"
# How an account addressed to someone opens: "Hi Dad,", "Voice note to Gran:".
GREETINGS = {"hi", "hey", "hiya", "hello", "dear", "morning", "evening", "yo"}
SENT_AS = {"voice", "message", "note", "email", "text", "letter", "update", "msg"}
# The longest greeting: "Dear Mr and Mrs Okafor,".
ADDRESS_WORDS = 6
GENDER_KEY = "infocoach_manager_gender"
PRONOUN_GENDER = {"he": "m", "his": "m", "she": "f", "her": "f"}
# "The general manager, who I'd actually come to see, ...", "the procurement manager
# herself": the account marks whom the meeting was with, so a manager word naming
# anyone else ("the head of HR sat in and asked ...") is someone else.
MET_KEY = "infocoach_met"
# Whether the account was typed all in lower case (names then have no capital).
ALL_LOWER_KEY = "infocoach_all_lower"
# Where a name typed in lower case may stand: opening a clause, or after a word that
# introduces one ("met w/ tony", "her deputy jess"); not "i literally asked", "asked me alot".
LOWER_NAME_AFTER = {"and", "but", "then", "so", "with", "w/", "met", "called", "named", "saw",
                    "meeting", *MANAGER_NOUNS, *OTHER_NOUNS}
MET_REACH = 10
CAME_VERBS = {"come", "came", "gone", "went", "asked", "arranged", "booked", "wanted", "meant",
              "supposed", "there", "going", "planned"}
CAME_OBJECTS = {"see", "meet", "talk", "speak"}
CAME_BRIDGE = {"who", "whom", "that", "i", "'d", "had", "was", "actually", "originally",
               "really", "initially", "to", ","}
# "The partner I met didn't bring it up": the one met, told with the verb itself.
MET_VERBS = {"met", "visited", "interviewed"}
# "The head of planning himself": words between a title and its "himself".
TITLE_LINKS = {"of", "for", "the", "planning", "operations", "ops", "finance", "sales",
               "engineering", "marketing", "department", "team"}
SELF_REACH = 4
BRACKET_REACH = 8
RELATIVE_WORDS = {"who", "whom", "that"}
SELF_WORDS = {"herself", "himself", "themselves", "themself"}
# Words that never name the person met, though "who I'd come to see" follows them.
NOT_MET = CAME_BRIDGE | MANAGER_PRONOUNS
# "The head of HR": the words before a manager word that tell two managers apart.
PLAIN_BEFORE = {"the", "a", "an", "my", "our", "their", "his", "her", "this", "that", ","}
# "A junior analyst sat in", "HR joined halfway": someone present besides the manager,
# whose meeting it is; what they did is not the manager's doing.
SAT_IN = {("sat", "in"), ("sitting", "in"), ("sits", "in"), ("joined", "halfway"),
          ("joined", "partway"), ("joined", "midway"), ("joined", "us"), ("joined", "later"),
          ("popped", "in"), ("dropped", "in"), ("came", "in"), ("walked", "in"),
          ("joined", "for"), ("joined", "at"),
          # as written by learners of English: "the HR lady who sit in take notes"
          ("sit", "in"), ("join", "us")}
SAT_IN_REACH = 4
# "Dr. Mensah *was* joined by ...": the one named was joined, and did not join.
PASSIVE_JOINED = {"was", "were", "been", "got"}
# "The coordinator who walked me in": what someone besides the manager did for the user.
ESCORTED = {"walked", "walking", "showed", "showing", "let", "letting", "brought", "bringing",
            "led", "leading", "buzzed", "escorted", "escorting", "fetched", "collected",
            "signed", "checked", "took", "taking", "dropped"}
# "Who met me at the front desk": meeting the user on the way in.
FRONT_DESK_PLACES = {"reception", "desk", "door", "lobby", "gate", "entrance", "foyer",
                     "front", "security", "downstairs", "car"}
ESCORT_REACH = 8
# "The team lead who *came* with him": the manager's company.
CAME = {"came", "come", "comes", "coming", "tagged"}
NOT_WORDS = {"not", "n't"}
# Manager words that, before "who met me at the door", still name the manager.
FETCHING_MANAGERS = MANAGER_NOUNS - {"coordinator", "woman", "man", "guy", "lady", "engineer",
                                     "officer", "administrator", "host", "contact"}
# "Told the manager ...", "asked the director whether ...": a sentence with no subject
# of its own, told by the user, whose verb has the manager as its object.
USER_TO_MANAGER = {"told", "asked", "showed", "gave", "sent", "thanked", "emailed",
                   "messaged", "texted", "pitched", "reminded"}
# The user speaking to the manager: "I said to the head that ...", "I assured her that ...".
ADDRESSING = USER_TO_MANAGER | {"said", "explained", "assured", "promised", "mentioned"}
# "My old boss", "a former manager": someone from before.
PAST_WORDS = {"old", "former", "previous"}
# Double quotation marks (after ``normalize``, curly ones too) around someone's words.
QUOTE_MARKS = {'"', "\u201c", "\u201d"}
QUOTES_KEY = "infocoach_quotes"
SPEAKERS_KEY = "infocoach_speakers"
# 'She goes, "we've had nobody on nights since May"': inside the words someone is
# quoted saying, "we" and "I" are the speaker (or the speaker's team), not the user.
QUOTED_SELF = {"we", "i", "me", "us"}
# The team's own words, in a quote whose speaker is not named.
QUOTED_TEAM = {"we", "us"}
# Where the sentence after a quote ends: a speaker named later is not the quote's.
SENTENCE_STOPS = {".", "!", "?"}
# How far after a quote its speaker may be named: '"..." - that's how she put it.'
SPEAKER_AFTER = 8
# "back to the manager", "with the general manager": a person after these is an object.
OBJECT_PREPOSITIONS = {"to", "with", "toward", "towards", "against"}
PREP_FILLERS = {"the", "a", "an", "my", "our", "general", "store", "area", "site", "hiring"}
PREP_REACH = 3
COMPARATIVES = {"than"}
# What may come between the user's clause and their next verb: "..., - told her".
USER_CARRIED = {"-", "—", "–", "and", "then", ","}
SUBJECT_OPENERS = {"so", "and", "but", "then", "honestly", "also", "just", "basically", "actually",
                   "midway", "halfway", "thru", "through",
                   "anyway", "well", "oh", "lol", "ok", "okay", "yeah", "tbh", "plus", "after",
                   "that", "afterwards", "later", "finally", "overall"}
COMPANIONS_KEY = "infocoach_companions"
# Whether anyone besides the manager is in the account at all (ActorFinder.someone_besides).
BESIDES_KEY = "infocoach_someone_besides"
STAFF_TITLES_KEY = "infocoach_staff_titles"
# "The security guy told me it's a great place to work": whoever keeps the site.
PLAIN_STAFF = {"guy", "man", "woman", "lady", "bloke", "chap", "fella", "gentleman"}
SITE_STAFF = {"security", "delivery", "cleaning", "parking", "door", "desk", "reception",
              "canteen", "lift", "maintenance"}
# "The ward sister", "the theatre sister": the nurse in charge, not a sibling.
WARD_WORDS = {"ward", "theatre", "theater", "nursing", "senior", "charge", "clinic", "unit"}
# Verbs after which "a receptionist" is a post to fill, not someone there.
WANTING = {"need", "hire", "recruit", "want", "find", "get"}
# What opens a later mention of a title: "the team lead", "that deputy head".
TITLE_DETERMINERS = {"the", "a", "an", "this", "that"}
TITLE_WORDS = 3
COMPANION_DETERMINERS = {"a", "an", "the", "her", "his", "their", "one"}
COMPANION_WORDS = 3
# "The head of nursing brought (along) the practice educator": a companion.
BROUGHT_ALONG = {"brought", "bringing", "introduced", "fetched", "roped"}
BROUGHT_FILLERS = {"along", "in", "me", "us", "to"}
# What a word for a person often ends with ("nurse", "technician", "planner"), and words
# for people that do not, for someone brought in beside the manager.
PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "wife", "nurse",
                  "ee", "ic")
# "My friend introduced me to her manager", "set up a call with his boss": the words
# that set a meeting up, and the words right before whom it was set up with.
SET_UP_WORDS = {"introduced", "set", "arranged", "organised", "organized", "connected",
                "fixed", "lined", "got", "sorted", "booked", "put", "intro"}
MEETING_LINKS = {"to", "with", "meet"}
SET_UP_REACH = 10
# What a person does right after being named, for a title no list knows: "the
# district forester goes, ...", "the harvest planner just asks ...".
TITLE_ACTS = {"goes", "went", "says", "said", "asks", "asked", "wants", "wanted", "tells",
              "told", "keeps", "kept", "takes", "took", "pulls", "pulled", "starts", "started",
              "spends", "spent", "writes", "wrote", "types", "typed", "jots", "jotted",
              "mentions", "mentioned", "explains", "explained", "admits", "admitted",
              "grills", "grilled", "launches", "launched", "raves", "raved", "gushes",
              "gushed", "talks", "talked", "sells", "sold", "pitches", "pitched", "just",
              "immediately", "then", "also", "actually", "really", ","}
PERSON_WORDS = {"bloke", "chap", "clerk", "medic", "nurse", "midwife", "cook", "colleague",
                "trainee", "apprentice", "lad", "girl", "boy", "person"}
# Labels of a little transcript ("Her: ... / Me: ..."): who speaks each turn.
TURN_MANAGER = {"her", "him", "she", "he", "them", "they"}
TURN_USER = {"me", "i", "myself"}
TURN_LABEL_WORDS = 3
# The tokenizer keeps a closing bracket and colon together: "Karen (site manager):".
TURN_COLONS = {":", "):"}
BRACKETS = {"(", ")"}


class ActorFinder:
    """Attributes a cue to whoever the text says did it."""

    def __init__(self, is_word: Callable[[str], bool]) -> None:
        self._is_word = is_word

    def find(self, doc: Doc, original: str, start: int) -> Attribution:
        """The actor of the cue starting at token ``start``."""
        special = self._right_before(doc, start)
        if special is not None:
            return special
        inside = self._inside_quote(doc, original, start)
        if inside is not None:
            return inside
        first_sentence = sentence_of(doc, start)[0]
        boundaries = 0
        skip_to = start
        for i in range(start - 1, -1, -1):
            token = doc[i]
            if i < first_sentence:
                boundaries += 1
                if boundaries > SENTENCE_LOOKBACK:
                    break
                first_sentence = sentence_of(doc, i)[0]
            if i >= skip_to:
                continue
            # Words quoted before the cue are their speaker's: 'said "we need someone
            # who's done games text." Kept telling me ...' is the manager going on.
            quote = next(((a, b) for a, b in self.quotes(doc, original)
                          if a < i <= b and not a < start <= b), None)
            if quote is not None:
                speaker = self.speaker_of(doc, original, *quote)
                if speaker in (Actor.MANAGER, Actor.OTHER):
                    return Attribution(speaker, quote[0], inherited=boundaries > 0)
                skip_to = quote[0]
                continue
            quoted = self._quoted_self(doc, original, token)
            if quoted is not None:
                return Attribution(quoted, i, inherited=boundaries > 0)
            if _not_a_subject(doc, i) or (  # not "as we chatted about my work" itself
                    token.lower_ == "we" and i and doc[i - 1].lower_ in WHEN_WORDS
                    and start - i > WHEN_CLAUSE):
                continue
            actor = self._classify(doc, original, token, start)
            if actor is not None:
                if _with_me(doc, first_sentence, i):
                    return Attribution(Actor.UNCLEAR, i)  # "me and the ops lead": "we"
                if actor is Actor.MANAGER and token.lower_ in MANAGER_PRONOUNS and \
                        self.named_before(doc, original, first_sentence, i) is Actor.OTHER:
                    actor = Actor.OTHER  # "the receptionist ... told me ..., she loves it"
                return Attribution(actor, i, inherited=boundaries > 0)
        if self._tells_the_manager(doc, original, start):
            return Attribution(Actor.USER)  # "Asked the director whether ..."
        return Attribution(Actor.NONE)

    def _tells_the_manager(self, doc: Doc, original: str, start: int) -> bool:
        """Whether a cue that opens its sentence is a verb of the user's with the
        manager as its object: "asked her whether ...", "told the manager ..."."""
        first = sentence_of(doc, start)[0]
        if doc[start].lower_ not in USER_TO_MANAGER or not _opens_sentence(doc, first, start):
            return False
        for token in doc[start + 1 : start + 4]:
            if token.lower_ in OBJECT_PRONOUNS:
                return True
            if self._classify(doc, original, token, start) is not None:
                return token.lower_ in MANAGER_NOUNS or self._is_name(doc, original, token)
        return False

    def named_before(self, doc: Doc, original: str, start: int, end: int) -> Actor | None:
        """Who the last person named by a noun or a name in ``doc[start:end]`` is."""
        for i in range(end - 1, start - 1, -1):
            token = doc[i]
            if token.lower_ in MANAGER_PRONOUNS or token.lower_ in USER_PRONOUNS or \
                    token.lower_ in {"me", "one"}:
                continue  # "one of his engineers retires and he'll need ...": still him
            if i and doc[i - 1].lower_ in PLACE_PREPOSITIONS:
                continue  # "study trips to Copenhagen": a place, not a person
            if i >= 2 and doc[i - 1].lower_ in {"a", "an"} and doc[i - 2].lemma_ in WANTING:
                continue  # "will need a receptionist who ..., and she ...": a post, not her
            actor = self._classify(doc, original, token, end)
            if actor is not None:
                return actor
        return None

    def named(self, doc: Doc, original: str, start: int, end: int) -> list[Attribution]:
        """Who is named in ``doc[start:end]``, in order: the first is the subject, as skimmed."""
        found = []
        for i in range(start, min(end, len(doc) - 1)):
            actor = self._classify(doc, original, doc[i], i + 1)
            if actor is Actor.USER and doc[i].lower_ not in USER_PRONOUNS:
                found.append(Attribution(actor))  # "Told the manager ...": "I", unwritten
            elif actor is not None and (doc[i + 1].lower_ != "'s" or
                                        doc[i].lower_ in MANAGER_PRONOUNS):
                found.append(Attribution(actor, i))  # not "Sofia's trainee": she owns
        return found

    @staticmethod
    def _right_before(doc: Doc, start: int) -> Attribution | None:
        """'saw *her* taking notes' is the manager; 'told *me to* take notes' is the user."""
        if start >= 1 and doc[start - 1].lower_ in OBJECT_PRONOUNS and \
                not (start >= 2 and doc[start - 2].lower_ == "and"):  # not "me and him went"
            return Attribution(Actor.MANAGER, start - 1)
        if start >= 2 and doc[start - 1].lower_ == "to" and doc[start - 2].lower_ in {"me", "us"}:
            return Attribution(Actor.USER, start - 2)
        return None

    def _classify(self, doc: Doc, original: str, token: Token, cue_start: int) -> Actor | None:
        lower = token.lower_
        if token.i < _address_end(doc):
            return None  # "Dear Aunt Carol, she asked ...": whom the account is for
        if lower == "one" and token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "of" \
                and doc[token.i + 2].lower_ in STAFF_OWNERS:
            return Actor.OTHER  # "one of his engineers asked me ..."
        if token.i and doc[token.i - 1].text == "&":
            return None  # "Harris & Daughter", "Mills & Sons": a firm's name, not a person
        quoted = self._quoted_self(doc, original, token)
        if quoted is not None:
            return quoted
        if lower in USER_PRONOUNS:
            return self._user_or_not(doc, token, cue_start)
        if lower == "me" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "and" and \
                _opens_sentence(doc, sentence_of(doc, token.i)[0], token.i):
            return Actor.UNCLEAR  # "me and him went through my past jobs": "we"
        if lower in MANAGER_PRONOUNS:
            return Actor.OTHER if self._carries_on_other(doc, original, token) \
                else Actor.MANAGER
        if lower in INDEFINITE and _object_after_verb(doc, token.i):
            return None  # "they need someone who can run a programme": nobody acted
        if lower in UNCLEAR_PRONOUNS or lower in GO_BETWEENS:
            return Actor.UNCLEAR
        if lower == "who" and (self._fetched_by_other(doc, original, token.i) or
                               _came_with_the_manager(doc, token.i) or
                               self._companion_before(doc, original, token.i)):
            return Actor.OTHER  # "the coordinator who walked me in", "a nurse who joined us"
        if lower == "who" and token.i >= 2 and doc[token.i - 2].lower_ in DESCRIBED_BY_DEED \
                and self._classify(doc, original, doc[token.i - 1], cue_start) is None \
                and not doc[token.i - 1].is_punct and doc[token.i - 1].lower_ != "person" \
                and not _tells_a_job(doc, token.i):
            return Actor.OTHER  # "the junior who showed me round kept telling me ..."
        if lower == "partner" and any(t.lower_ in STAFF_WORDS | {"business"}
                                      for t in doc[max(0, token.i - 2) : token.i]):
            return Actor.OTHER  # "her HR business partner", "the HR partner stayed"
        if lower in STAFF_WORDS and (_sat_in(doc, token) or (
                token.i + 1 < len(doc) and doc[token.i + 1].lower_ in STAFF_PEOPLE)):
            return Actor.OTHER  # "the HR person", "HR sat in"; not "the HR director"
        if _passer_by_from(doc, token):
            return Actor.OTHER  # "a guy from IT asked me ...", "someone from sales popped in"
        if lower in FRONT_DESK and token.i and doc[token.i - 1].lower_ in {"on", "at"}:
            return Actor.OTHER  # "the girl on reception", "the guy at the front desk"
        if (lower in MANAGER_NOUNS or lower in OTHER_NOUNS) and \
                any(t.lower_ in NOT_WORDS for t in doc[max(0, token.i - 3) : token.i]):
            return None  # "(not the hiring manager)", "Priya, not her assistant,": not the doer
        if lower in MANAGER_NOUNS and token.i + 1 < len(doc) and \
                doc[token.i + 1].lower_ == "who" and (
                    self._fetched_by_other(doc, original, token.i + 1) or
                    _came_with_the_manager(doc, token.i + 1)):
            return Actor.OTHER  # "the office coordinator who let me in raved ..."
        if lower in MANAGER_NOUNS and token.i >= 2 and doc[token.i - 1].lower_ == "'s" and \
                lower not in MEETING_ROLES and self._a_person(doc, original, doc[token.i - 2]):
            return Actor.OTHER  # "the manager's boss walked past"; not "the charity's head"
        title = _staff_title(doc, token) if lower in MANAGER_NOUNS else None
        if title is not None and title in _staff_titles(doc) and not _their_staff(doc, token.i):
            return Actor.OTHER  # "one of his team leads ... The team lead told me ..."
        if lower not in MANAGER_NOUNS - PROFESSIONS and \
                lower in self._companions(doc, original) and \
                not any(t.lower_ in BROUGHT_ALONG for t in doc[max(0, token.i - 5) : token.i]):
            # "the manager and a senior nurse ... The nurse asked ..."; not where the nurse
            # is brought: "brought a nurse along, then jotted down ..." is the manager
            return Actor.OTHER
        if lower in PROFESSIONS and not USERS_JOB.isdisjoint(
                t.lower_ for t in doc[max(0, token.i - 3) : token.i]):
            return None  # "I told her I'm a staff nurse": the user's own job
        if lower in PLAIN_STAFF and token.i and doc[token.i - 1].lower_ in SITE_STAFF:
            return Actor.OTHER  # "the security guy at the gate", "the delivery man"
        if lower == "sister" and token.i and doc[token.i - 1].lower_ in WARD_WORDS:
            return _object_of_user(doc, token)  # "the ward sister": a nurse in charge
        if lower in OTHER_NOUNS and _names_a_job(doc, token):
            return None  # "the junior copywriter role has been open since January"
        if lower in RANK_WORDS and _ranked_title_alone(doc, token.i):
            return None  # "the deputy head": the title that follows names who it is
        if lower in MANAGER_NOUNS or lower in OTHER_NOUNS:
            # "my line manager", "my own ward manager": the user's boss
            reach = 3 if token.i >= 2 and doc[token.i - 2].lower_ in {"own", "current"} else 2
            owned = lower not in MEETING_ROLES and any(
                doc[j].lower_ in OWN for j in range(max(0, token.i - reach), token.i)
            )
            elsewhere = lower in MANAGER_NOUNS and (
                _placed_elsewhere(doc, token) or (
                    _not_the_one_met(doc, token) and not _names_a_job(doc, token)))
            if owned or elsewhere or lower in OTHER_NOUNS or _sat_in(doc, token) or \
                    _their_staff(doc, token.i):
                return None if _owns_a_thing(doc, token) else Actor.OTHER
            return _object_of_user(doc, token)
        if self._is_name(doc, original, token):
            if any(t.lower_ in NOT_WORDS for t in doc[max(0, token.i - 2) : token.i]):
                return None  # "it was Tom, not Ros, who asked": not the doer
            before = doc[token.i - 1].lower_.rstrip(".") if token.i else ""
            if before in OTHER_NOUNS or _sat_in(doc, token) or _their_staff(doc, token.i - 1) \
                    or lower in self._others(doc, original):
                return Actor.OTHER
            return _object_of_user(doc, token)
        if _unlisted_title_met(doc, token):
            return _object_of_user(doc, token)
        return None

    @staticmethod
    def _user_or_not(doc: Doc, token: Token, cue_start: int) -> Actor | None:
        """'I' is the user, except 'I was asked' (the manager asked), 'the manager I met'
        (the manager), and 'what I did, and wrote it down' (someone else's clause)."""
        between = doc[token.i + 1 : cue_start]
        passive = doc[cue_start].lower_ in PASSIVE_VERBS
        if passive and len(between) and all(t.lower_ in PASSIVE_BRIDGE for t in between):
            return Actor.MANAGER
        if token.i and doc[token.i - 1].lower_ in MANAGER_NOUNS | {"person"}:
            return Actor.MANAGER  # "the manager I met", "the person I'd come to see"
        if token.i >= 2 and doc[token.i - 1].lower_ in RELATIVE_WORDS:
            named = _word_before(doc, token.i - 1)
            if named >= 0 and doc[named].lower_ in MANAGER_NOUNS and \
                    ADDRESSING.isdisjoint(t.lower_ for t in doc[max(0, named - 4) : named]):
                # "the director, who I'd come to see, asked ..."; not "I told the head that
                # I could fill the gap", where "that" opens what the user said
                return Actor.MANAGER
        embedded = token.i and doc[token.i - 1].lower_ in EMBEDDING
        if embedded and any(t.lower_ in {",", "and"} for t in between):
            return None
        return Actor.USER

    def _a_person(self, doc: Doc, original: str, token: Token) -> bool:
        """Whether ``token`` names a person: "manager", "colleague", "Priya"."""
        return token.lower_ in MANAGER_NOUNS or token.lower_ in OTHER_NOUNS or \
            self._is_name(doc, original, token)

    def _fetched_by_other(self, doc: Doc, original: str, who: int) -> bool:
        """Whether the "who" at ``who`` tells of someone besides the manager bringing or
        joining the user (:func:`_brought_the_user`). The manager may fetch the user too:
        "Priya, who met me at reception, ...", "the manager who walked me in"."""
        i = _word_before(doc, who)
        manager = i >= 0 and (doc[i].lower_ in FETCHING_MANAGERS or
                              self._is_name(doc, original, doc[i]))
        return not manager and _brought_the_user(doc, who)

    def quotes(self, doc: Doc, original: str) -> list[tuple[int, int]]:
        """(opening, closing) token indices of the quoted stretches and transcript turns
        of ``doc`` (:func:`_quote_marks`, :func:`_turns`), in order. Cached on the doc."""
        cached = doc.user_data.get(QUOTES_KEY)
        if cached is None:
            cached = sorted(_quote_marks(doc) + _turns(
                doc, lambda token: self._is_name(doc, original, token)))
            doc.user_data[QUOTES_KEY] = cached
        return cached

    def speaker_of(self, doc: Doc, original: str, start: int, end: int) -> Actor | None:
        """Who says the words quoted from token ``start`` to ``end`` (:meth:`quotes`),
        worked out once per quote: every word the actor search passes inside a quote
        asks again. Cached on the doc."""
        speakers = doc.user_data.setdefault(SPEAKERS_KEY, {})
        if (start, end) not in speakers:
            speakers[start, end] = self._speaker(doc, original, start, end)
        return speakers[start, end]

    def _inside_quote(self, doc: Doc, original: str, start: int) -> Attribution | None:
        """The actor of a cue inside words quoted from the manager or someone else: whoever
        the quote names as its subject before the cue ("she said 'my assistant took
        notes'"), else the speaker ("Her: what's your experience?")."""
        quote = next(((a, b) for a, b in self.quotes(doc, original) if a < start <= b), None)
        if quote is None:
            return None
        speaker = self.speaker_of(doc, original, *quote)
        if speaker is Actor.USER:
            return Attribution(Actor.USER, quote[0])  # "Me: how long have you been there?"
        if speaker not in (Actor.MANAGER, Actor.OTHER):
            return None
        for i in range(start - 1, quote[0], -1):
            quoted = self._quoted_self(doc, original, doc[i])
            if quoted is not None:
                return Attribution(quoted, i)
            actor = self._classify(doc, original, doc[i], start)
            if actor is not None and doc[i].lower_ not in UNCLEAR_PRONOUNS:
                return Attribution(actor, i)
        return Attribution(speaker, quote[0])

    def _quoted_self(self, doc: Doc, original: str, token: Token) -> Actor | None:
        """Who a "we" or "I" inside quoted words is: the quote's speaker, when the
        manager or someone else; None when the user or nobody is named as the speaker."""
        if token.lower_ not in QUOTED_SELF:
            return None
        for start, end in self.quotes(doc, original):
            if start < token.i < end:
                speaker = self.speaker_of(doc, original, start, end)
                if speaker in (None, Actor.NONE) and token.lower_ in QUOTED_TEAM:
                    # 'Then: "we've got three schemes and not one planner"': words nobody
                    # is said to have spoken, about a team, are the manager's.
                    return Actor.MANAGER
                return speaker if speaker in (Actor.MANAGER, Actor.OTHER) else None
        return None

    def _speaker(self, doc: Doc, original: str, start: int, end: int) -> Actor | None:
        """Who says the words quoted between tokens ``start`` and ``end``: whoever is
        named before the quote in its sentence ('Dorota said, "..."'), else the first
        named right after it ('"..." - that's how she put it'), else the subject the
        sentences before carry ('Said the team is swamped and "we ..."')."""
        if doc[start].text in TURN_COLONS:  # "Her: we've had nobody since June"
            return _turn_speaker(doc[start - 1]) or self._classify(
                doc, original, doc[start - 1], start)
        # "I asked him 'do you ever need ...?'": "him" is who was asked, not who spoke.
        verb = start - 2 if start >= 2 and doc[start - 1].lower_ in OBJECT_PRONOUNS and \
            doc[start - 2].lower_ in USER_TO_MANAGER else start
        before = self.find(doc, original, verb)
        if before.token is not None and doc[before.token + 1].lower_ == "quote":
            before = self.find(doc, original, before.token)  # "Siobhan said, and I quote, ..."
        if before.token is not None and before.token >= sentence_of(doc, start)[0]:
            return before.actor
        inside = {i for a, b in self.quotes(doc, original) for i in range(a, b + 1)}
        for i in range(end + 1, min(len(doc), end + 1 + SPEAKER_AFTER)):
            if i in inside:
                continue
            if doc[i].text in SENTENCE_STOPS or (
                    i == end + 1 and doc[i].lower_ == "i" and doc[end - 1].text == "."):
                break  # not past the quote's sentence: '"... not one planner." I ran two.'
            actor = self._classify(doc, original, doc[i], i + 1)
            if actor is not None:
                return actor
        # The subject carried from sentences before, but not the user: 'I asked about the
        # team. "We've nobody to run it."' is a reply.
        return before.actor if before.actor is not Actor.USER else None

    def _carries_on_other(self, doc: Doc, original: str, token: Token) -> bool:
        """Whether "he" or "she" opening a sentence goes on with someone on the
        manager's staff who was the subject just before: "his deputy, Kate, ran most of
        it. She asked about my podcast". Not when the manager is known to be "she" too
        ("her deputy, Tom, sat in. She asked ...")."""
        gender = PRONOUN_GENDER.get(token.lower_)
        if gender is None:
            return False
        first = sentence_of(doc, token.i)[0]
        if after_openers(doc, first, token.i + 1) != token.i:
            return False
        before = first - 1
        while before >= 0 and (doc[before].is_space or doc[before].is_punct):
            before -= 1
        if before < 0:
            return False
        a = sentence_of(doc, before)[0]
        # The last clause of that sentence: "..., but his deputy, Kate, ran most of it"
        cut = max((t.i for t in doc[a:before] if t.lower_ in {"but", "and", ";"}), default=a)
        owner = after_openers(doc, cut, before)
        return owner + 1 <= before and _staff_named(doc, owner) and \
            _manager_gender(doc) != gender

    def _others(self, doc: Doc, original: str) -> set[str]:
        """Names the account introduces as someone besides the manager, so that the
        name is someone else wherever it comes back: "An HR lady called Sue sat in
        as well. Sue asked me why ...", "Marcus is the recruiter who set it up", "his
        deputy Shona", "Jo from HR"."""
        cached = doc.user_data.get(OTHERS_KEY)
        if cached is not None:
            return cached
        others = set()
        for name in doc:
            if not self._is_name(doc, original, name):
                continue
            before = [t.lower_ for t in doc[max(0, name.i - 1 - INTRO_REACH) : name.i]]
            after = [t.lower_ for t in doc[name.i + 1 : name.i + 1 + INTRO_REACH]]
            introduced = bool(before) and before[-1] in INTRODUCED and any(
                w in OTHER_NOUNS or w in STAFF_WORDS for w in before)
            # "let his deputy Shona do the talking ... it was Shona who ...", "Jo from HR"
            titled = (bool(before) and before[-1] in OTHER_NOUNS) or \
                before[-2:] == ["business", "partner"] or \
                self._apposed_to_other(doc, original, name)
            from_staff = len(after) > 1 and after[0] == "from" and after[1] in STAFF_WORDS
            described = bool(after) and after[0] in {"is", "was"} and any(
                w in OTHER_NOUNS or w in GO_BETWEENS for w in after[1:])
            if introduced or described or titled or from_staff or _sat_in(doc, name) or \
                    _not_the_manager_after(doc, name):
                others.add(name.lower_)
        doc.user_data[OTHERS_KEY] = others
        return others

    def _companions(self, doc: Doc, original: str) -> set[str]:
        """Words for people the account brings in beside the manager, "the manager and
        a senior nurse", "Ros and the estate foreman": whoever they name later is
        someone else, though no list knows the word. Cached on the doc."""
        cached = doc.user_data.get(COMPANIONS_KEY)
        if cached is not None:
            return cached
        found = set()
        for t in doc[1:-2]:
            left = doc[t.i - 1]
            # "the head of nursing brought (along) the practice educator", "introduced
            # me to her deputy"
            at = t.i + 1
            while t.lower_ in BROUGHT_ALONG and at < len(doc) - 2 and \
                    doc[at].lower_ in BROUGHT_FILLERS:
                at += 1
            # not "my friend introduced me to the practice educator": the one met
            brought = t.lower_ in BROUGHT_ALONG and doc[at].lower_ in COMPANION_DETERMINERS \
                and not any(u.lower_ in OTHER_NOUNS for u in doc[sentence_of(doc, t.i)[0] : t.i])
            if not brought and (t.lower_ != "and" or
                                doc[t.i + 1].lower_ not in COMPANION_DETERMINERS or not (
                                    left.lower_ in MANAGER_NOUNS or
                                    self._is_name(doc, original, left))):
                continue
            words = []
            for u in doc[at + 1 : at + 1 + COMPANION_WORDS]:
                if not u.is_alpha or u.is_stop:
                    break
                words.append(u.lower_)
            if words and words[-1] not in MANAGER_NOUNS - PROFESSIONS and (
                    words[-1] in PERSON_WORDS or words[-1].endswith(PERSON_ENDINGS)):
                found.add(words[-1])
        doc.user_data[COMPANIONS_KEY] = found
        return found

    def _companion_before(self, doc: Doc, original: str, who: int) -> bool:
        """"... brought the practice educator along, who made notes": the "who" is
        the companion named right before it."""
        i = _word_before(doc, who)
        if i >= 0 and doc[i].lower_ in {"along", "in", "over"}:
            i = _word_before(doc, i)
        return i >= 0 and doc[i].lower_ in self._companions(doc, original)

    def _apposed_to_other(self, doc: Doc, original: str, name: Token) -> bool:
        """"Noor brought her team lead, Phil, ...", "the receptionist (Dana?)": a name set
        beside someone else."""
        i = name.i
        if i < 2 or doc[i - 1].text not in {",", "("}:  # "receptionist (Dana?)"
            return False
        # "her student midwife, Amy,", "one of her team leads, Mo,": the manager's staff
        phrase = [t.lower_ for t in doc[max(0, i - 5) : i - 1]]
        staff = (any(w in STAFF_OF for w in phrase[-3:]) and
                 not _meeting_arranged_with(doc, i - 2)) or ("one", "of") in set(
            pairwise(phrase))
        # "a colleague from the grad team, Luke,", "someone from their recruitment team,
        # Amelia,": someone from another team, named.
        wider = [t.lower_ for t in doc[max(0, i - 1 - FROM_TEAM_REACH) : i - 1]]
        from_team = "from" in wider and any(
            w in FROM_TEAM_PEOPLE and nxt == "from" for w, nxt in pairwise(wider))
        return staff or from_team or (
            doc[i - 2].lower_ in MANAGER_NOUNS | OTHER_NOUNS and
            self._classify(doc, original, doc[i - 2], i) is Actor.OTHER)

    def someone_besides(self, doc: Doc, original: str) -> bool:
        """Whether the account brings in anyone besides the manager: someone brought
        along, introduced as someone else, or said to have sat in or joined. Cached on
        the doc: each part of each sentence may ask."""
        cached = doc.user_data.get(BESIDES_KEY)
        if cached is None:
            cached = bool(self._companions(doc, original) or self._others(doc, original)) or \
                any(_sat_in(doc, t) for t in doc)
            doc.user_data[BESIDES_KEY] = cached
        return cached

    def introduced_as_other(self, doc: Doc, original: str, i: int) -> bool:
        """Whether token ``i`` is a name the account introduces as someone besides the
        manager ("her deputy, Karl", "Jo from HR"), or whoever is said to have sat in or
        joined ("was joined halfway through by the unit manager, who asked ...")."""
        return (self._is_name(doc, original, doc[i]) and
                doc[i].lower_ in self._others(doc, original)) or _sat_in(doc, doc[i])

    def is_name(self, doc: Doc, original: str, token: Token) -> bool:
        """Whether ``token`` is a person's name (see :meth:`_is_name`)."""
        return self._is_name(doc, original, token)

    def _is_name(self, doc: Doc, original: str, token: Token) -> bool:
        """A capitalised word that is not an English word: 'Priya', 'Ms. Alvarez'; in an
        account typed all in lower case ("priya took notes on her ipad"), such a word
        of three letters or more."""
        if token.i and doc[token.i - 1].lower_.rstrip(".") in TITLES:
            return True
        text = original[token.idx : token.idx + len(token)]
        if len(text) < 2 or not text.isalpha():
            return False
        if not text.istitle() and not (
                len(text) > 2 and not text.endswith("ly") and _all_lower(doc, original)
                and (token.i == 0 or doc[token.i - 1].is_punct or doc[token.i - 1].is_space
                     or doc[token.i - 1].lower_ in LOWER_NAME_AFTER)):
            return False
        lower = token.lower_
        # In lower case, "dev" and "grace" are the words, not the names.
        return (lower in WORD_NAMES and text.istitle()) or (
            lower not in NOT_NAMES and lower not in WORD_NAMES and not self._is_word(lower))


def _manager_gender(doc: Doc) -> str | None:
    """"m" or "f" when the account calls the manager "his" or "her" before someone on
    their staff ("his deputy, Kate"); else None. Cached on the doc."""
    if GENDER_KEY not in doc.user_data:
        doc.user_data[GENDER_KEY] = next(
            (PRONOUN_GENDER[t.lower_] for t in doc[:-1] if _staff_named(doc, t.i)), None)
    return doc.user_data[GENDER_KEY]


def _staff_named(doc: Doc, i: int) -> bool:
    """Whether "his" or "her" at ``i`` names someone on the manager's staff: "his deputy",
    "her assistant"."""
    return doc[i].lower_ in STAFF_OF and i + 1 < len(doc) and doc[i + 1].lower_ in OTHER_NOUNS


def _address_end(doc: Doc) -> int:
    """Where the words that address the account to someone end: "Hi Dad,", "Dear Aunt
    Carol,", "Voice note to Gran:", "Message to Mum:"; 0 when it opens otherwise.
    Cached on the doc."""
    cached = doc.user_data.get(ADDRESS_KEY)
    if cached is not None:
        return cached
    first = next((t.i for t in doc if not t.is_space), len(doc))
    end = 0
    if first < len(doc):
        head = doc[first : first + ADDRESS_WORDS + 1]
        closing = next((t.i for t in head if t.text in {",", ":", "!"} or "\n" in t.text), None)
        greeted = doc[first].lower_ in GREETINGS
        sent_to = any(t.lower_ == "to" for t in head) and doc[first].lower_ in SENT_AS
        if closing is not None and (greeted or (sent_to and doc[closing].text == ":")):
            end = closing + 1
    doc.user_data[ADDRESS_KEY] = end
    return end


def _all_lower(doc: Doc, original: str) -> bool:
    """Whether the account has no capital letter at all. Cached on the doc."""
    cached = doc.user_data.get(ALL_LOWER_KEY)
    if cached is None:
        cached = doc.user_data[ALL_LOWER_KEY] = original == original.lower()
    return cached


def _quote_marks(doc: Doc) -> list[tuple[int, int]]:
    """(opening, closing) token indices of the quoted stretches of ``doc``.

    Double marks pair up in turn, an unclosed last one running to the end. A single
    mark opens a quote after a space and before a word ("he said 'look, we ...'") and
    closes one after a word and before a space; "the farmers' co-op" opens none.
    """
    marks = [t.i for t in doc if t.text in QUOTE_MARKS]
    if len(marks) % 2:
        marks.append(len(doc))
    quotes = list(zip(marks[::2], marks[1::2], strict=True))
    opened = None
    for t in doc:
        if t.text != "'":
            continue
        if opened is None and (not t.i or doc[t.i - 1].whitespace_) and not t.whitespace_ \
                and t.i + 1 < len(doc) and not doc[t.i + 1].is_punct:
            opened = t.i
        elif opened is not None and not doc[t.i - 1].whitespace_ and (
                t.whitespace_ or t.i + 1 == len(doc) or doc[t.i + 1].is_punct):
            quotes.append((opened, t.i))
            opened = None
    return quotes


def _turns(doc: Doc, is_name: Callable[[Token], bool]) -> list[tuple[int, int]]:
    """(colon, end) of each turn of a little transcript: "Her: we've had nobody on nights
    since June. Me: that's my job now." A turn opens with a short label and a colon at
    the start of a line or sentence, and runs to the next label or line break."""
    labels = []
    for t in doc:
        if t.text not in TURN_COLONS or not t.i:
            continue
        first = sentence_of(doc, t.i - 1)[0]
        line = max((u.i + 1 for u in doc[first : t.i] if "\n" in u.text), default=first)
        # "Karen (site manager): ...": the words in brackets name the speaker too.
        label = [u for u in doc[line : t.i] if not u.is_space and u.text not in BRACKETS]
        if 0 < len(label) <= TURN_LABEL_WORDS and (
                _turn_speaker(label[-1]) is not None or label[-1].lower_ in MANAGER_NOUNS
                or is_name(label[-1])):
            labels.append(t.i)
    turns = []
    for k, colon in enumerate(labels):
        stop = labels[k + 1] - 1 if k + 1 < len(labels) else len(doc)
        breaks = [u.i for u in doc[colon + 1 : stop] if "\n" in u.text]
        turns.append((colon, breaks[0] if breaks else stop))
    return turns


def _turn_speaker(label: Token) -> Actor | None:
    """Who a transcript label names: "Her:" the manager, "Me:" the user."""
    if label.lower_ in TURN_MANAGER:
        return Actor.MANAGER
    return Actor.USER if label.lower_ in TURN_USER else None


def _not_a_subject(doc: Doc, i: int) -> bool:
    """Whether the word at ``i`` is a person only as the object of a preposition
    ("pitched it back to the manager", "gushed to Priya") or of a comparison ("harder
    than he was"): not who did what follows."""
    if i and doc[i - 1].lower_ in COMPARATIVES:
        return True
    j = i - 1
    while j >= 0 and i - j <= PREP_REACH and doc[j].lower_ in PREP_FILLERS:
        j -= 1
    return j >= 0 and doc[j].lower_ in OBJECT_PREPOSITIONS and \
        doc[i].lower_ not in MANAGER_PRONOUNS


def _object_after_verb(doc: Doc, i: int) -> bool:
    """Whether the word at ``i`` follows a word that is no clause boundary, so it is an
    object ("need someone", "for everyone") rather than who did something."""
    return i > 0 and not doc[i - 1].is_punct and not doc[i - 1].is_space and \
        doc[i - 1].lower_ not in SUBJECT_LEADS


def _word_before(doc: Doc, i: int) -> int:
    """The index of the last token before ``i`` that is not punctuation, or -1:
    "the director" before ", who ..."."""
    i -= 1
    while i >= 0 and doc[i].is_punct:
        i -= 1
    return i


def _with_me(doc: Doc, first: int, i: int) -> bool:
    """"Me and the ops lead covered ...": the sentence opens with "me and", so the
    actor at token ``i`` acted together with the user."""
    words = [t.lower_ for t in doc[first : i + 1] if not (t.is_punct or t.is_space)]
    return len(words) > 2 and words[:2] == ["me", "and"] and len(words) <= WITH_ME_REACH


def staff_in_need(doc: Doc, i: int) -> bool:
    """Whether the word at ``i`` is the manager's own staff or "someone", as a need is
    told: "a colleague is leaving in the spring", "one of her designers goes on leave",
    "his deputy is off next year", "if someone with my experience joined"."""
    word = doc[i].lower_
    after = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    wanted = word in INDEFINITE and after in WANTED_AFTER  # not "somebody on a forum wrote"
    return wanted or word in STAFF_LEAVING or (_their_staff(doc, i) and word not in BOSSES) \
        or (i >= 3 and doc[i - 3].lower_ == "one" and doc[i - 2].lower_ == "of")


def _staff_title(doc: Doc, token: Token) -> tuple[str, ...] | None:
    """The title ending at ``token`` after its determiner or "his"/"her", singular:
    ("team", "lead") for "one of his team leads" and for "the team lead"; None
    for a bare "manager" (the one met, as a rule) or when no determiner opens it."""
    words = [token.lower_.removesuffix("s") if token.lower_ not in MANAGER_NOUNS
             else token.lower_]
    for before in reversed(doc[max(0, token.i - TITLE_WORDS) : token.i]):
        if before.lower_ in TITLE_DETERMINERS or before.lower_ in STAFF_OF:
            title = tuple(reversed(words))
            return None if title in {("manager",), *((r,) for r in MEETING_ROLES)} else title
        if not before.is_alpha:
            return None
        words.append(before.lower_)
    return None


def _staff_titles(doc: Doc) -> set[tuple[str, ...]]:
    """Titles the account gives the manager's staff or boss, "his team leads", "her
    deputy head": a later "the team lead" is that person again, not the manager.
    Cached on the doc."""
    cached = doc.user_data.get(STAFF_TITLES_KEY)
    if cached is None:
        cached = {title for t in doc
                  if MANAGER_NOUNS.intersection((t.lower_, t.lower_.removesuffix("s")))
                  and _their_staff(doc, t.i) and (title := _staff_title(doc, t)) is not None}
        doc.user_data[STAFF_TITLES_KEY] = cached
    return cached


def _their_staff(doc: Doc, i: int) -> bool:
    """"Her boss", "his sous chef", "her paralegal Jon": someone on the manager's staff
    (or over them), named by the word at ``i`` after "his" or "her"."""
    return i > 0 and any(doc[j].lower_ in STAFF_OF for j in range(max(0, i - 2), i)) and \
        not doc[i].is_punct and not _meeting_arranged_with(doc, i)


def _meeting_arranged_with(doc: Doc, i: int) -> bool:
    """Whether the word at ``i`` after "his" or "her" is the one a friend set the meeting
    up with: "introduced me to her manager, Declan", "set up a chat with his boss, Lucia",
    "arranged for me to meet her manager": the person met, not someone on their staff."""
    owner = i - 1 if doc[i - 1].lower_ in STAFF_OF else i - 2
    if owner < 1 or doc[owner - 1].lower_ not in MEETING_LINKS:
        return False
    first = sentence_of(doc, i)[0]
    before = doc[max(first, owner - SET_UP_REACH) : owner]
    return not SET_UP_WORDS.isdisjoint(t.lower_ for t in before)


def _ranked_title_alone(doc: Doc, i: int) -> bool:
    """Whether ``doc[i]`` ("deputy") opens a title ("deputy head") that is the only
    one of its kind: beside "the head" too, the deputy head is the head's deputy."""
    if i + 1 >= len(doc) or doc[i + 1].lower_ not in RANKED_TITLES:
        return False
    title = doc[i + 1].lower_
    return not any(t.lower_ == title and (not t.i or doc[t.i - 1].lower_ not in RANK_WORDS)
                   for t in doc if t.i != i + 1)


def _names_a_job(doc: Doc, token: Token) -> bool:
    """Whether ``token`` ("junior", "graduate", "trainee") only describes a job named
    right after it, "the junior copywriter role", "their graduate scheme": no person."""
    for after in doc[token.i + 1 : token.i + 1 + JOB_REACH]:
        if after.lower_ in JOB_WORDS:
            return True
        if after.is_punct:
            break
    return False


def _not_the_manager_after(doc: Doc, name: Token) -> bool:
    """"It was Sam who took notes, not the director", "Abdul, not the manager, said ...":
    the name is set against the manager in its own sentence, so it is someone else."""
    end = sentence_of(doc, name.i)[1]
    words = [t.lower_ for t in doc[name.i + 1 : end]]
    return any(w in NOT_WORDS and any(x in MANAGER_NOUNS for x in words[k + 1 : k + 3])
               for k, w in enumerate(words))


def _owns_a_thing(doc: Doc, token: Token) -> bool:
    """"Wrote *my supervisor's* name down", "talked about *my friend's* startup": the
    person only owns what is named, and does nothing; not "my friend's manager"."""
    if token.i + 2 >= len(doc) or doc[token.i + 1].lower_ != "'s":
        return False
    owned = doc[token.i + 2].lower_
    return owned not in MANAGER_NOUNS and owned not in OTHER_NOUNS and \
        owned not in MANAGER_PRONOUNS


def _possessive_of_person(doc: Doc, token: Token) -> bool:
    """Whether ``token`` owns the person named next: "Carol's boss", "Sam's deputy"."""
    return token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "'s" and \
        doc[token.i + 2].lower_ in MANAGER_NOUNS | OTHER_NOUNS


def _sat_in(doc: Doc, token: Token) -> bool:
    """"A junior analyst called Oliver *sat in* and typed notes", "we were joined by the
    practice manager": someone besides the manager, whose meeting it was. Not the owner
    of the one who did: in "Carol's boss popped in ... then Carol took notes" the boss
    came in, and Carol is the manager."""
    if _possessive_of_person(doc, token):
        return False
    after = [t.lower_ for t in doc[token.i + 1 : token.i + 1 + SAT_IN_REACH]]
    before = [t.lower_ for t in doc[max(0, token.i - 2 * SAT_IN_REACH) : token.i]]
    # "Dr. Mensah was joined halfway through by the ward manager": the other one joined.
    joined = [k for k, pair in enumerate(pairwise(after)) if pair in SAT_IN]
    return (bool(joined) and not (joined[0] and after[joined[0] - 1] in PASSIVE_JOINED)) or \
        ("by" in before and "joined" in before[: before.index("by")])


def _tells_a_job(doc: Doc, who: int) -> bool:
    """"The agronomist *who runs* the advisory team": a job, so maybe the manager."""
    if who + 1 >= len(doc):
        return False
    verb = doc[who + 1]
    return verb.lemma_ in ROLE_VERBS or verb.lower_.removesuffix("s") in ROLE_VERBS


def _came_with_the_manager(doc: Doc, who: int) -> bool:
    """"The team lead *who came with him*", "a nurse who was with her": whoever came
    with the manager is someone else, even when their title is a manager's."""
    after = [t.lower_ for t in doc[who + 1 : who + 1 + ESCORT_REACH]]
    while after and after[0] in PASSIVE_BRIDGE:
        after.pop(0)
    if after[:1] == ["with"]:
        after = ["came", *after]
    if len(after) < 3 or after[0] not in CAME or after[1] not in {"with", "along"}:
        return False
    # not "Priya, who came with her deputy": the deputy is the one who came along
    owned = after[3:4] and (after[3] in MANAGER_NOUNS | OTHER_NOUNS | PERSON_WORDS
                            or after[3].endswith(PERSON_ENDINGS))
    return after[1] == "along" or (after[2] in OBJECT_PRONOUNS and not owned)


def _brought_the_user(doc: Doc, who: int) -> bool:
    """"The coordinator *who walked me in*", "an HR adviser who met me at the front desk",
    "a nurse who joined us": whoever is told as bringing, fetching or joining the user
    is someone besides the manager, whose meeting it was."""
    after = [t.lower_ for t in doc[who + 1 : who + 1 + ESCORT_REACH]]
    while after and after[0] in PASSIVE_BRIDGE | {"had", "'d"}:
        after.pop(0)
    if len(after) < 2:
        return False
    verb, obj = after[0], after[1]
    if (verb, obj) in SAT_IN:
        return True
    return obj in {"me", "us"} and (
        verb in ESCORTED or (verb in {"met", "meeting", "greeted"} and
                             not FRONT_DESK_PLACES.isdisjoint(after[2:])))


def _unlisted_title_met(doc: Doc, token: Token) -> bool:
    """Whether ``token`` is a word for a person that no list knows, acting as the first
    person the account names: "So the district forester goes, 'we've got ...'", "the
    harvest planner just asks ...". Fields are endless and so are their titles; the one
    the user met is who a story of the meeting names first."""
    lower = token.lower_
    if not (token.is_alpha and len(lower) > 4 and lower.endswith(PERSON_ENDINGS)) or \
            token.i + 1 >= len(doc) or doc[token.i + 1].lower_ not in TITLE_ACTS:
        return False
    k = _before_title_words(doc, -1, token.i)
    return k >= 0 and doc[k].lower_ == "the" and not any(
        t.lower_ in MANAGER_NOUNS or t.lower_ in OTHER_NOUNS or t.lower_ in MANAGER_PRONOUNS
        for t in doc[: token.i])


def _object_of_user(doc: Doc, token: Token) -> Actor | None:
    """The manager, unless named as the object of the user's verb: "Told the manager
    their benefits sound better", "I asked Kofi about his bootcamp and made notes" are
    the user's doing."""
    first = sentence_of(doc, token.i)[0]
    i = _apposed_to(doc, first, token.i) - 1
    while i > first and (doc[i].lower_ in {"the", "my", "our", "this"} or
                         doc[i].lower_.rstrip(".") in TITLES or doc[i].is_punct):
        i -= 1
    # "I spent the whole meeting praising them - told Cheryl it's the best employer":
    # a verb after a dash or "and" in a sentence the user opened is still the user's.
    # "I basically gave Jordan ...": an adverb between the user and the verb
    j = i - 1 if i - 1 > first and doc[i - 1].lower_.endswith("ly") else i
    users_verb = i >= first and doc[i].lower_ in USER_TO_MANAGER and (
        _opens_sentence(doc, first, i) or (j > first and doc[j - 1].lower_ in USER_PRONOUNS)
        or (i > first and doc[i - 1].lower_ in USER_CARRIED and
            doc[after_openers(doc, first, i)].lower_ in USER_PRONOUNS))
    return Actor.USER if users_verb else Actor.MANAGER


def _apposed_to(doc: Doc, first: int, i: int) -> int:
    """Where the one that the title at ``i`` is set beside is named: "gave *Jordan*, the
    head chef, a pitch"; else ``i``."""
    k = _before_title_words(doc, first, i)
    if k > first and doc[k].lower_ in TITLE_DETERMINERS | STAFF_OF:
        k -= 1
    return k - 1 if k - 1 >= first and doc[k].text == "," and doc[k - 1].is_alpha else i


def _before_title_words(doc: Doc, first: int, i: int) -> int:
    """Where the word before the words of a title ending at ``i`` is ("*the* head chef",
    "*the* district forester"): back over up to TITLE_WORDS plain words, not past
    ``first``."""
    k = i - 1
    while k > first and doc[k].is_alpha and not doc[k].is_stop and i - k <= TITLE_WORDS:
        k -= 1
    return k


def after_openers(doc: Doc, a: int, b: int) -> int:
    """The first token of a sentence after words like "so", "honestly", "and"."""
    while a < b - 1 and (doc[a].lower_ in SUBJECT_OPENERS or doc[a].is_punct or doc[a].is_space):
        a += 1
    return a


def _met(doc: Doc) -> list[Token]:
    """The nouns the account marks as the person the meeting was with: "the general
    manager, who I'd actually come to see", "the engineering manager I'd asked to
    meet", "the procurement manager herself". Cached on the doc."""
    cached = doc.user_data.get(MET_KEY)
    if cached is not None:
        return [doc[i] for i in cached]
    found = []
    for token in doc:
        if not token.is_alpha or token.lower_ in NOT_MET:
            continue  # "who I'd come to see": the person is named before the "who"
        after = [t.lower_ for t in doc[token.i + 1 : token.i + 1 + MET_REACH]]
        if token.lower_ in MANAGER_NOUNS and _self_follows(after):
            found.append(token.i)  # "the procurement manager herself", "the head of sales himself"
            continue
        rest = after
        while rest and rest[0] in CAME_BRIDGE:
            rest = rest[1:]
        bridged = len(after) - len(rest)
        if bridged and "i" in after[:bridged] and (
                (len(rest) > 2 and rest[0] in CAME_VERBS and rest[1] == "to"
                 and rest[2] in CAME_OBJECTS) or (
                    rest and rest[0] in MET_VERBS and token.lower_ in MANAGER_NOUNS)):
            found.append(token.i)  # "... who I'd come to see", "the partner I actually met"
    doc.user_data[MET_KEY] = found
    return [doc[i] for i in found]


def _self_follows(after: list[str]) -> bool:
    """Whether the words after a title are "herself" or "himself", with at most the rest
    of the title between: "(the manager) herself", "(the head) of planning himself"."""
    for word in after[:SELF_REACH]:
        if word in SELF_WORDS:
            return True
        if word not in TITLE_LINKS:
            return False
    return False


def _not_the_one_met(doc: Doc, token: Token) -> bool:
    """Whether the manager word ``token`` names someone besides the person the account
    says the meeting was with (:func:`_met`): another word ("the head of HR" when the
    general manager was the one met), or the same word told apart by another ("the
    office manager" when the practice manager was)."""
    met = _met(doc)
    if not met or any(m.i == token.i for m in met) or _in_brackets(doc, token.i):
        return False  # "the sous chef I met (head chef was off sick) asked": an aside
    for m in met:
        if m.lower_ != token.lower_:
            continue
        mine = doc[token.i - 1].lower_ if token.i else ""
        theirs = doc[m.i - 1].lower_ if m.i else ""
        if mine in PLAIN_BEFORE or theirs in PLAIN_BEFORE or mine == theirs:
            return False  # "the manager" may be the practice manager met
    return True


def _passer_by_from(doc: Doc, token: Token) -> bool:
    """Whether ``token`` is "someone" or "a guy" from some team: a person the account
    brings in by where they work, not the manager it is about ("the woman from the
    council" may well be the one met)."""
    if token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "from":
        return False
    if token.lower_ in {"someone", "somebody"}:
        return True
    return token.lower_ in PLAIN_PEOPLE_FROM and token.i > 0 and \
        doc[token.i - 1].lower_ in {"a", "an", "some", "another"}


def _in_brackets(doc: Doc, i: int) -> bool:
    """Whether token ``i`` stands in a bracketed aside opened earlier in its sentence."""
    for t in reversed(doc[max(0, i - BRACKET_REACH) : i]):
        if t.text in {")", "."}:
            return False
        if t.text == "(":
            return True
    return False


def _opens_sentence(doc: Doc, first: int, i: int) -> bool:
    """Whether token ``i`` of the sentence starting at ``first`` has only punctuation
    or space before it."""
    return all(t.is_punct or t.is_space for t in doc[first:i])


def _placed_elsewhere(doc: Doc, token: Token) -> bool:
    """'the manager *at another company*', 'my *old* boss': a manager word placed outside
    the meeting."""
    before = [t.lower_ for t in doc[max(0, token.i - 2) : token.i]]
    if not PAST_WORDS.isdisjoint(before):
        return True
    after = doc[token.i + 1 : token.i + 1 + ELSEWHERE_REACH]
    return len(after) > 1 and after[0].lower_ in ELSEWHERE_PREPOSITIONS and \
        any(t.lower_ in ELSEWHERE_WORDS for t in after[1:])
