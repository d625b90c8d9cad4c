#include "ingest/events/tree_events.h"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <unordered_set>

#include "graph/ontology.h"
#include "ingest/modality.h"
#include "ingest/text.h"
#include "ingest/verbs.h"

namespace geokg::ingest {
namespace {

using graph::Modality;
using graph::RelationType;
using parse::Dep;
using parse::Upos;

// Closed classes of lemmas the tree rules read, as TokenKey sets: an
// open-addressing table of at most half load, probed linearly from the
// key's low bits (the keys are hashes). The rules ask several of these for
// every word of every parsed sentence; std::unordered_set's division and
// node chasing cost 1.7% of ingest.
class LemmaSet {
 public:
  LemmaSet(std::initializer_list<std::string_view> words) {
    size_t capacity = 8;
    while (capacity < 2 * words.size()) capacity *= 2;
    slots_.assign(capacity, 0);
    mask_ = capacity - 1;
    for (std::string_view w : words) {
      const uint64_t key = TokenKey(w);
      if (key == 0) {
        has_zero_ = true;
        continue;
      }
      size_t i = key & mask_;
      while (slots_[i] != 0 && slots_[i] != key) i = (i + 1) & mask_;
      slots_[i] = key;
    }
  }
  bool Has(uint64_t key) const {
    if (key == 0) return has_zero_;
    for (size_t i = key & mask_;; i = (i + 1) & mask_) {
      if (slots_[i] == key) return true;
      if (slots_[i] == 0) return false;
    }
  }

 private:
  std::vector<uint64_t> slots_;  // 0: empty
  size_t mask_ = 0;
  bool has_zero_ = false;
};

struct Classes {
  // Verbs whose clausal complement is someone's claim.
  LemmaSet speech{"say", "tell", "claim", "report", "announce", "state", "add", "allege",
                  "insist", "assert", "believe", "think", "suspect", "warn", "argue", "write",
                  "declare", "confirm", "acknowledge", "admit", "note", "stress", "explain",
                  "reveal", "suggest", "fear", "hope", "indicate", "testify", "charge", "contend",
                  "maintain", "quote", "show", "accord", "tweet", "predict", "estimate"};
  LemmaSet claim_nouns{"report", "statement", "claim", "allegation", "accusation", "evidence",
                       "charge", "suggestion", "rumour", "rumor", "belief", "assertion",
                       "assessment", "finding", "indication", "sign", "word", "news", "fear",
                       "suspicion", "speculation", "view", "impression"};
  // Verbs of neutral wire attribution.
  LemmaSet attribution{"say", "tell", "report", "add", "state", "confirm", "announce", "note",
                       "quote", "accord", "write", "tweet"};
  LemmaSet denial{"deny", "dismiss", "refute", "reject"};
  LemmaSet negators{"not", "n't", "never", "no", "neither", "nor"};
  LemmaSet future_aux{"will", "shall", "'ll", "wo", "would"};
  LemmaSet hypothetical_aux{"may", "might", "could", "should", "can", "must", "ought"};
  LemmaSet conditional_marks{"if", "unless", "whether", "lest"};
  // Verbs whose open complement states an intention: future.
  // Verbs and adjectives whose open complement is what will be done:
  // scheduled or decided ("is to meet", "decided to ease", "set to sign").
  // ("decided to ease sanctions" is not here: a decision taken is coded as
  // the act, as event coders code it.)
  LemmaSet intent{"be", "set", "schedule", "due", "expected", "likely", "move",
                  "order", "authorize", "approve", "allow", "permit", "force", "compel",
                  "able", "mean", "need", "vote", "prepare", "prepared", "ready"};
  // Words of intention, wish or readiness: what they name may never be done
  // (hypothetical); the intention itself is the event (a pledge or a threat).
  LemmaSet intending{"plan", "want", "intend", "seek", "aim", "hope", "vow", "pledge", "promise",
                     "agree", "offer", "propose", "try", "attempt", "wish", "plot",
                     "consider", "reconsider", "weigh", "willing", "eager", "determined", "keen",
                     "commit", "struggle", "prefer", "like"};
  // Words of intention whose complement, done by their subject, is a pledge
  // (cooperation) or a threat (conflict) of the subject's own.
  LemmaSet intention{"plan", "plot", "intend", "prepare", "propose", "seek", "aim", "want", "hope", "agree",
                     "willing", "ready", "prepared", "eager", "determined", "keen", "commit", "offer"};
  // Verbs whose own CAMEO reading is a stretch when they govern a clause
  // ("considering sending aid" is no meeting).
  LemmaSet complement_takers{"consider", "reconsider", "weigh", "plan", "intend", "prepare", "seek", "aim", "want",
                             "hope", "decide", "try", "attempt", "continue", "begin", "start", "claim"};
  // Verbs whose victims a headline names as their subject ("3 Egyptian
  // soldiers killed in Israeli error").
  // Nouns of an act done to whoever their "of" phrase names ("the
  // beheading of a hostage"): condemning one is not aimed at the victim.
  LemmaSet victim_nouns{"beheading", "execution", "murder", "killing", "kidnapping", "abduction", "arrest",
                        "detention", "torture", "shooting", "massacre", "death", "abuse", "mistreatment",
                        "imprisonment", "assassination"};
  LemmaSet victim_verbs{"kill", "wound", "injure", "arrest", "detain", "capture", "abduct", "kidnap", "shoot",
                        "execute", "behead", "free", "release", "murder", "assassinate", "slay", "stab",
                        "torture", "lynch", "massacre", "slaughter"};
  LemmaSet captive_nouns{"hostage", "captive", "prisoner"};
  // Verbs whose passive victims may die in someone else's clause ("were
  // killed when rebels ambushed", "killed in clashes with militants").
  LemmaSet casualty_verbs{"kill", "wound", "injure"};
  // Clashes, as nouns or verbs: fighting between sides.
  LemmaSet clash_nouns{"clash",     "fighting", "fight",    "battle",  "gunfight",
                       "gunbattle", "firefight", "skirmish", "shootout"};
  // ("as" is as often only at the same time: "three Israelis were killed
  // as Israel's army struck back".)
  LemmaSet when{"when", "after"};
  LemmaSet survive_verbs{"survive", "escape"};
  uint64_t attempt_key = TokenKey("attempt");
  uint64_t effort_key = TokenKey("effort");
  LemmaSet like{"like", "as"};
  uint64_t do_key = TokenKey("do");
  LemmaSet order_nouns{"order", "warrant", "decree"};
  LemmaSet weapon_nouns{"mine", "landmine", "bomb", "explosive", "ied", "device", "booby-trap"};
  // Nouns of attack that as often name a firm's or an agency's work.
  LemmaSet business_nouns{"operation", "campaign", "drive", "push"};
  LemmaSet plan_nouns{"plan", "proposal", "bid", "attempt", "offer", "threat", "vow", "pledge",
                      "promise", "intention", "readiness", "willingness", "scheme", "plot", "idea"};
  // Verbs that undo a decision or a plan.
  LemmaSet undoing{"reverse", "rescind", "revoke", "overturn", "cancel", "scrap", "shelve", "abandon",
                   "drop", "retract", "annul", "withdraw", "suspend"};
  LemmaSet refusal{"refuse", "decline", "fail", "reject", "stop", "cease", "abandon", "halt",
                   "avoid", "deny"};
  // Nouns whose "of"/"from" complement is the actor ("forces of X").
  LemmaSet agent_nouns{"force", "troop", "soldier", "army", "military", "police", "government",
                       "official", "authority", "ministry", "militant", "rebel", "fighter",
                       "leader", "delegation", "member", "spokesman", "spokeswoman",
                       "spokesperson", "administration", "regime", "navy", "unit", "jet",
                       "warplane", "supporter", "envoy", "minister", "president", "head",
                       "chief", "representative", "diplomat", "ambassador", "embassy", "side",
                       "commander", "officer", "agent", "militia", "guerrilla", "gunman",
                       "loyalist", "security", "cabinet", "parliament", "court", "team",
                       "faction", "wing", "branch", "office", "department", "agency",
                       "council", "coalition", "alliance", "party", "people", "citizen",
                       "national", "resident", "aircraft", "ship", "vessel", "drone",
                       "missile", "artillery", "tank", "helicopter", "plane", "group",
                       "state", "country", "nation", "prime", "foreign", "defence", "defense"};
  // Prepositions that place an event, never introduce its target ("as"
  // compares or opens a clause the parser misread: "for 60 days as U.S.
  // forces prepared"; "under" names the frame: "under a European Union
  // relocation scheme", "under pressure from X").
  LemmaSet place_preps{"in", "at", "near", "inside", "outside", "across", "throughout",
                       "during", "after", "before", "since", "until", "amid", "amidst", "within",
                       "around", "along", "beyond", "via", "through", "despite", "over", "as",
                       "under"};
  LemmaSet by{"by"};
  LemmaSet with{"with"};
  LemmaSet in{"in"};
  LemmaSet to{"to"};
  LemmaSet on_upon{"on", "upon"};
  LemmaSet in_at_near{"in", "at", "near", "outside"};
  // Verbs whose object noun names the event their subject does.
  LemmaSet light_verbs{"launch", "carry", "conduct", "stage", "mount", "make", "hold", "begin",
                       "start", "continue", "resume", "step", "intensify", "escalate", "order",
                       "announce", "impose", "sign", "reach", "conclude", "give", "provide",
                       "offer", "deliver", "send", "extend", "pay", "issue", "lodge", "file",
                       "open", "unleash", "wage", "commit", "perpetrate", "undertake",
                       "initiate", "pursue", "renew", "expand", "increase", "suspend", "cut",
                       "halt", "freeze", "end", "lift", "ease", "approve", "authorize",
                       "pledge", "promise", "seek", "propose", "agree", "complete", "finalize",
                       "attend", "host", "join", "grant", "allocate", "donate", "contribute",
                       "receive", "take"};
  LemmaSet mission_nouns{"mission", "force", "operation", "contingent", "deployment"};
  // Nouns of amount or sequence whose "of" phrase is what they measure
  // ("three days of talks", "a new round of strikes", "a wave of attacks").
  LemmaSet measure_nouns{"day", "week", "hour", "month", "round", "series", "wave", "spate", "string",
                         "flurry", "barrage", "volley", "salvo", "number", "couple", "dozen", "set"};
  LemmaSet of{"of"};
  // Verbs of arriving, and the forces whose arrival somewhere is a deployment.
  LemmaSet arrive_verbs{"arrive", "land"};
  // Quantities whose "of" phrase is what they measure out ("some of its
  // restrictions").
  // ("rejected key parts of a US-backed proposal" rejects the parts: a
  // noun of part is left to what it names.)
  LemmaSet partitives{"some", "all", "most", "many", "several", "half", "much", "any", "each", "both",
                      "few"};
  // Counts whose "of" phrase is what they count ("hundreds of British troops").
  LemmaSet count_nouns{"hundred", "thousand", "dozen", "million", "score", "number", "handful", "couple"};
  // What a visitor arrives for ("arrived in Kuwait for a two-day visit",
  // "for talks"): the arrival is a visit (CAMEO 042).
  LemmaSet visit_purposes{"visit", "trip", "tour", "talk", "meeting", "summit", "conference",
                          "negotiation", "consultation", "discussion"};
  LemmaSet force_nouns{"troop", "soldier", "force", "officer", "peacekeeper", "marine", "instructor",
                       "personnel", "contingent", "unit", "paratrooper", "commando", "policeman",
                       "police", "sailor", "warship", "battalion", "brigade", "mercenary", "fighter"};
  // "X has 1,000 fighters in Mali", "keeps troops in Iraq": forces held somewhere.
  LemmaSet holding_verbs{"have", "keep", "maintain", "station", "base"};
  // Verbs whose "of"/"for" gerund is the act the object is said to have done.
  LemmaSet accusing{"accuse", "blame", "charge", "suspect", "criticize", "criticise", "condemn", "denounce"};
  // Organised non-state collectives, which are not the state their demonym
  // names. (A country's people are coded as the country, as CAMEO codes
  // them with an agent: "a US hostage was killed by his captors" kills a
  // US civilian, "an Australian journalist snatched" seizes one.)
  LemmaSet nonstate_nouns{"group", "faction", "gang", "cell", "network", "movement", "gunman",
                          "militant", "insurgent", "rebel", "guerrilla", "extremist", "jihadist",
                          "terrorist", "separatist", "kidnapper", "hijacker", "bomber", "attacker",
                          "protester", "demonstrator", "rioter", "mob", "crowd", "activist",
                          "dissident", "opposition", "smuggler", "pirate", "criminal",
                          "company", "firm", "bank", "club", "team", "party", "union"};
  LemmaSet threat{"threaten", "warn"};
  // Nouns whose infinitive complement their holder would do.
  LemmaSet intention_nouns{"invitation", "plan", "decision", "pledge", "promise", "offer", "bid",
                           "attempt", "effort", "commitment", "intention", "readiness",
                           "willingness", "move", "vow", "threat", "right", "authority", "order"};
  // Verbs that ask someone else to act ("called on X to withdraw").
  LemmaSet appeal{"urge", "call", "ask", "press", "demand", "request", "appeal", "invite",
                  "encourage", "tell", "persuade", "implore", "beg", "challenge", "exhort"};
  // Of these, the ones that cannot go without whom they appeal to ("X
  // urged to act" is passive; "X asked to join", "X called to
  // congratulate" are not).
  LemmaSet passive_appeals{"urge", "encourage", "tell", "persuade", "implore", "exhort", "invite"};
  // Verbs that keep someone from an act ("barred her from leaving").
  LemmaSet preventing{"bar", "prevent", "stop", "ban", "block", "keep", "prohibit", "forbid", "deter",
                      "discourage", "dissuade", "restrain", "preclude"};
  // Nouns that ask someone else to act ("a call on X to lift sanctions").
  LemmaSet appeal_nouns{"call", "appeal", "request", "demand", "plea"};
  // Verbs so common that alone they do not make a sentence worth parsing:
  // speech and light verbs, and verbs of quantity and course. A sentence
  // parsed for another word still reads them.
  LemmaSet generic{"say", "tell", "make", "take", "expect", "lead", "rise", "add", "continue",
                   "increase", "come", "see", "use", "go", "show", "set", "remain", "grow",
                   "produce", "need", "start", "begin", "reach", "open", "believe", "quote",
                   "report", "raise", "get", "do", "be", "have", "put", "keep", "become", "fall",
                   "decline", "buy", "sell", "pay", "trade", "receive", "hold", "give", "issue",
                   "want", "consider", "plan", "help", "allow", "seek", "end", "cut", "reduce",
                   "announce", "note", "think", "know", "find", "look", "turn", "move", "run",
                   "close", "include", "follow", "state", "change", "develop", "bring", "leave",
                   "meet", "call", "ask", "offer", "propose", "decide", "approve",
                   // Words of trade and finance that the verb lexicon lists as verbs
                   "finance", "stock", "export", "import", "exchange", "loan", "march", "total",
                   "further", "tax", "figure", "share", "level", "base", "point", "place",
                   "present", "clear", "estimate", "head", "trust", "fund", "bill", "order",
                   "position", "review", "study", "tender", "purchase", "reserve", "drop",
                   "maintain", "expand", "complete", "revise", "acquire", "award",
                   "win", "speak", "file", "enter", "measure", "price", "rate", "market",
                   "credit", "sale", "output", "interest", "account", "record", "list",
                   "balance", "budget", "deficit", "surplus", "progress",
                   // CAMEO readings too loose bare ("admits more deaths" is no support,
                   // "pull his fighters" no seizure; a court that agrees to "hear" a
                   // challenge meets no one; wanting to "influence" an election
                   // supports no one)
                   "admit", "pull", "hear", "influence"};
  LemmaSet refusing{"refuse", "decline", "reject"};
  // Verbs that end what their object names.
  LemmaSet cut_verbs{"suspend", "cut", "halt", "freeze", "stop", "end", "cancel", "withdraw",
                     "reduce", "slash", "block", "terminate", "scrap", "postpone"};
  LemmaSet ease_verbs{"lift", "ease", "remove", "end", "drop", "suspend", "relax", "scrap",
                      "waive", "loosen", "rescind", "revoke", "withdraw"};
  // Nouns of time, read as unmarked obliques ("this year", "last week").
  LemmaSet time_nouns{"year", "month", "week", "day", "night", "morning", "afternoon", "evening",
                      "time", "hour", "minute", "decade", "century", "weekend", "today", "tonight",
                      "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday",
                      "saturday", "sunday", "january", "february", "march", "april", "may", "june",
                      "july", "august", "september", "october", "november", "december", "spring",
                      "summer", "autumn", "fall", "winter", "season", "period", "term", "moment", "way", "lot", "bit", "part"};
  // Nouns of multiword prepositions and of occasions ("in response to",
  // "at the request of", "at a meeting").
  LemmaSet light_nouns{"response", "reply", "retaliation", "reaction", "request", "meeting",
                       "summit", "conference", "ceremony", "session", "protest", "rally", "wake",
                       "aftermath", "support", "solidarity", "name", "favor", "favour", "place"};
  LemmaSet peacekeeping{"peacekeeping", "peacekeeper", "peace-keeping", "peace-keeper", "humanitarian",
                        "relief"};
  // Purposes that make a deployment help ("to help", "to train").
  LemmaSet aid_goods{"supply", "supplies", "medicine", "aid", "food", "water", "tent", "blanket",
                     "vaccine", "doctor", "nurse", "medic", "equipment", "assistance", "relief",
                     "grain", "wheat", "rice", "fuel", "shelter"};
  LemmaSet help_verbs{"help", "train", "assist", "support", "rebuild", "reconstruct", "feed", "treat",
                      "distribute", "deliver", "evacuate", "rescue"};
  LemmaSet end_verbs{"end", "conclude", "complete", "finish", "wrap", "close"};
  LemmaSet visit_nouns{"visit", "trip", "tour", "stay", "journey", "mission", "term", "tenure"};
  LemmaSet visit_trips{"visit", "trip", "tour", "journey"};
  LemmaSet travel_verbs{"fly", "travel", "drive", "sail"};
  LemmaSet border_nouns{"border", "frontier", "boundary", "line", "crossing"};
  // Nouns that an "of" phrase names ("the former Soviet republic of Belarus",
  // "the Iraqi city of Mosul"): the name, not the modifier, is the place.
  LemmaSet named_place_nouns{"republic", "city", "town", "village", "region", "province", "state",
                             "district", "capital", "port", "island", "enclave", "kingdom", "emirate"};
  LemmaSet leave{"leave", "quit", "depart"};
  // Prepositions of time or circumstance ("after the crash", "despite
  // anger from X"): their phrase is no part of a target. ("during" is not
  // here: "kills two militants during a Gaza raid" hangs the raid, which
  // names where the victims fell, on the victims.)
  LemmaSet circumstance_preps{"after", "before", "since", "until", "amid", "amidst", "despite",
                              "following"};
  uint64_t target_verb = TokenKey("target");
  uint64_t for_key = TokenKey("for");
  uint64_t appeal_key = TokenKey("appeal");
  uint64_t to_key = TokenKey("to");
  // The relative pronouns that stand as a clause's subject or object ("the
  // demands that they make").
  LemmaSet relative_objects{"that", "which"};
  // "each other", "one another".
  uint64_t each = TokenKey("each"), other = TokenKey("other"), one = TokenKey("one"),
           another = TokenKey("another");
  uint64_t call_verb = TokenKey("call");
  LemmaSet war_nouns{"war", "conflict", "invasion", "occupation", "insurgency", "fighting"};
  LemmaSet peace_nouns{"settlement", "resolution", "end", "solution", "peace", "ceasefire", "cease-fire",
                       "truce", "negotiation", "talk", "mediation"};
  LemmaSet example_preps{"like", "including", "as", "such"};
  LemmaSet relation_nouns{"ally", "partner", "neighbour", "neighbor", "rival", "enemy", "foe", "adversary",
                          "opponent", "critic", "friend", "backer", "patron", "proxy"};
  LemmaSet evacuee_nouns{"thousand", "hundred", "dozen", "citizen", "national", "expatriate", "foreigner",
                         "civilian", "resident", "family", "people", "tourist", "worker", "villager",
                         "refugee", "child", "patient"};
  LemmaSet duty_nouns{"operation", "command", "responsibility", "duty", "mission", "leadership",
                      "presidency", "chairmanship", "role", "job", "task", "running", "management"};
  uint64_t go_verb = TokenKey("go");
  uint64_t war_noun = TokenKey("war");
  uint64_t from_key = TokenKey("from");
  // Parties an appeal is made to without a name ("the international
  // community", "both sides", "world leaders").
  LemmaSet addressee_nouns{"community", "world", "nation", "country", "party", "side", "government",
                           "leader", "donor", "state", "member", "neighbour", "neighbor", "power",
                           "international", "everyone", "all"};
  // Parties that a demand addresses by where they are ("all parties in
  // Yemen", "the political forces in Libya").
  LemmaSet collective_nouns{"party", "side", "force", "faction", "group", "stakeholder", "actor"};
  // Verbs by which an actor owns an act as its own.
  LemmaSet claiming{"claim", "accept", "admit", "acknowledge"};
  uint64_t responsibility_noun = TokenKey("responsibility");
  // Nouns of striving whose compound names what is striven for ("mediation
  // efforts", "peace bid").
  LemmaSet effort_nouns{"effort", "bid", "drive", "push", "attempt", "initiative", "process"};
  uint64_t return_verb = TokenKey("return");
  LemmaSet memorial_nouns{"grave", "tomb", "mausoleum", "memorial", "monument", "cemetery", "statue",
                          "gravesite", "burial"};
  uint64_t hit_verb = TokenKey("hit");
  LemmaSet hit_idioms{"low", "high", "record", "road", "snag", "headline", "wall", "peak", "bottom",
                      "jackpot", "stride", "note", "mark", "button", "airwave", "shelf", "street",
                      "ground", "trail", "roadblock", "hurdle", "stumbling", "impasse", "deadlock"};
  // "talks gathered pace", "the campaign is gaining momentum": a verb whose
  // object is a noun of speed says how fast something goes, not what its
  // subject does to anyone.
  LemmaSet rate_nouns{"pace", "momentum", "steam", "speed", "traction"};
  // "a cleric sought by the US", "a court opposed by Washington", "a man
  // killed by police": a participle of pursuit, opposition or harm says what
  // its agent does to the noun; the noun is not the agent's (as "rockets
  // fired by Hamas" are).
  LemmaSet against_participles{"seek", "want", "hunt", "pursue", "oppose", "reject", "criticize", "criticise",
                               "condemn", "denounce", "accuse", "blame", "suspect", "target", "threaten",
                               "kill", "wound", "injure", "arrest", "detain", "capture", "abduct", "kidnap",
                               "shoot", "attack", "ban", "sanction", "expel"};
  // Prepositions that also open a clause ("after a crew fired on ...").
  LemmaSet clause_preps{"after", "before", "since", "until", "following", "as", "when"};
  uint64_t face_verb = TokenKey("face");
  // Who leaves a place withdraws from it when forces or a state's organs
  // leave; envoys and leaders travel.
  LemmaSet withdrawing_nouns{"army", "military", "government", "regime", "administration", "militia",
                             "rebel", "insurgent", "militant", "guerrilla", "navy", "fleet", "garrison"};
  LemmaSet traveller_nouns{"diplomat", "envoy", "ambassador", "minister", "president", "official",
                           "leader", "delegation", "secretary", "premier", "chancellor", "spokesman",
                           "mediator", "negotiator", "king", "queen", "pope", "monarch", "journalist",
                           "worker", "team", "inspector", "observer", "representative", "senator"};
  // What is proposed or claimed: attacking one is rejecting it.
  LemmaSet proposal_nouns{"proposal", "plan", "idea", "bill", "motion", "resolution", "offer",
                          "request", "draft", "initiative", "suggestion", "scheme", "amendment",
                          "claim", "report", "argument", "demand", "deal", "measure", "call", "appeal",
                          "plea", "ultimatum",
                          // what one seeks: "endorsing Brazil's ambition for a seat"
                          "ambition", "bid", "aspiration", "candidacy"};
  LemmaSet against{"against"};
  // People who act for themselves, not for their state.
  uint64_t the_key = TokenKey("the");
  LemmaSet private_nouns{"journalist", "reporter", "national", "citizen", "man", "woman", "tourist",
                         "student", "businessman", "refugee", "voter", "immigrant", "migrant",
                         "people", "civilian", "resident", "villager", "pilgrim", "dutchman", "expatriate",
                         "chorus", "choir", "orchestra", "band", "team", "club", "fan", "athlete", "player"};
  // Verbs whose subject draws or meets an act of others ("drew criticism
  // from", "brought warnings from", "faced threats from").
  LemmaSet drawing_verbs{"bring", "draw", "attract", "receive", "face", "earn", "prompt", "provoke",
                         "spark", "trigger", "incur"};
  // Nouns of complex prepositions of reference ("in relation to X", "with
  // regard to X").
  LemmaSet reference_nouns{"relation", "regard", "respect", "reference"};
  LemmaSet to_into{"to", "into"};
  LemmaSet investigate{"investigate", "probe", "inspect", "examine", "verify", "monitor"};
  LemmaSet considering{"consider", "reconsider", "weigh", "mull", "contemplate", "ponder", "study", "explore"};
  LemmaSet statement_nouns{"statement", "declaration", "communique", "letter", "message", "resolution",
                           "editorial", "speech", "address", "note", "tweet", "post"};
  LemmaSet obligation{"must", "should"};
  LemmaSet response_verbs{"respond", "retaliate", "react", "reply", "hit", "strike", "answer"};
  LemmaSet naming_verbs{"call", "name", "dub", "term", "label", "brand", "style", "nickname"};
  LemmaSet stance_adjectives{"skeptical", "sceptical", "concerned", "worried", "pessimistic",
                             "optimistic", "hopeful", "doubtful", "disappointed", "alarmed",
                             "confident", "wary", "critical", "dismissive", "supportive", "furious",
                             "angry", "defiant", "outraged"};
  LemmaSet stance_preps{"of", "about", "over", "by", "with", "regarding", "toward", "towards", "at"};
  // Nouns that state a tie between two actors when one is the noun's
  // subject or apposition and the other its "of" phrase or modifier ("X is
  // a member of Y", "X, an al-Qaeda affiliate", "X, the head of Y").
  LemmaSet member_nouns{"member", "official", "spokesman", "spokeswoman", "spokesperson", "delegate",
                        "representative", "lawmaker", "envoy"};
  LemmaSet part_nouns{"part", "wing", "branch", "arm", "offshoot", "faction", "subsidiary", "front",
                      "unit", "division"};
  LemmaSet ally_nouns{"ally", "affiliate"};
  // "X's membership in Y", "X's participation in Y": the owner is the member.
  LemmaSet membership_nouns{"membership", "participation"};
  LemmaSet in_of{"in", "of"};
  // Verbs that link a subject to a noun as "be" does.
  LemmaSet copular_verbs{"remain", "become", "stay"};
  // Members of a party or a faction, named by what they hold to.
  LemmaSet faction_nouns{"republican", "democrat", "conservative", "liberal", "hardliner", "moderate",
                         "reformist", "reformer", "loyalist", "legislator", "senator", "deputy",
                         "lawmaker", "parliamentarian", "mp"};
  LemmaSet leader_nouns{"leader", "head", "chief", "commander", "founder", "chairman"};
  // Their forms as written, for the test before tagging.
  LemmaSet tie_forms{"member", "members", "official", "officials", "spokesman", "spokeswoman",
                     "spokesperson", "delegate", "representative", "lawmaker", "envoy", "part",
                     "wing", "branch", "arm", "offshoot", "faction", "subsidiary", "front", "unit",
                     "division", "ally", "allies", "affiliate", "affiliates", "leader", "head",
                     "chief", "commander", "founder", "chairman", "membership", "participation"};
  LemmaSet relative{"who", "which", "that", "whom", "whose"};
  // Verbs of sending forces somewhere.
  LemmaSet deploy_verbs{"deploy", "redeploy", "station", "send", "dispatch", "post", "airlift"};
  LemmaSet of_from{"of", "from"};
  // "together with X", "along with X": a partner in the act, not its target.
  LemmaSet jointly{"together", "along", "jointly"};
  LemmaSet between{"between", "among", "amongst"};
};

const Classes& C() {
  static const Classes* classes = new Classes();
  return *classes;
}

bool IsSubj(Dep d) { return d == Dep::kNsubj || d == Dep::kNsubjOuter; }
bool IsObl(Dep d) {
  return d == Dep::kObl || d == Dep::kOblTmod || d == Dep::kOblNpmod || d == Dep::kOblUnmarked;
}
bool IsNmod(Dep d) { return d == Dep::kNmod || d == Dep::kNmodUnmarked || d == Dep::kNmodDesc; }

class Tree {
 public:
  Tree(const TreeInput& in, TreeScratch* s) : in_(in), p_(*in.parse), s_(*s) {
    n_ = static_cast<uint32_t>(p_.size());
    s_.child_begin.assign(n_ + 2, 0);
    for (uint32_t i = 0; i < n_; ++i)
      if (p_.head[i] >= 0) ++s_.child_begin[p_.head[i] + 2];
    for (uint32_t i = 2; i < n_ + 2; ++i) s_.child_begin[i] += s_.child_begin[i - 1];
    s_.children.resize(n_);
    for (uint32_t i = 0; i < n_; ++i)
      if (p_.head[i] >= 0) s_.children[s_.child_begin[p_.head[i] + 1]++] = i;
    // child_begin[i] .. child_begin[i + 1] now spans token i's children, in order.
    s_.deep_prep.assign(2 * static_cast<size_t>(n_), -2);
  }

  uint32_t size() const { return n_; }
  Dep D(uint32_t i) const { return p_.dep[i]; }
  int H(uint32_t i) const { return p_.head[i]; }
  Upos U(uint32_t i) const { return p_.upos[i]; }
  uint64_t L(uint32_t i) const { return p_.lemma_key[i]; }
  std::span<const uint32_t> Kids(uint32_t i) const {
    return std::span<const uint32_t>(s_.children).subspan(s_.child_begin[i],
                                                         s_.child_begin[i + 1] - s_.child_begin[i]);
  }
  int Kid(uint32_t i, Dep d) const {
    for (uint32_t c : Kids(i))
      if (D(c) == d) return static_cast<int>(c);
    return -1;
  }
  // The preposition (case child) of a nominal, 0 if none.
  uint64_t CaseOf(uint32_t i) const {
    for (uint32_t c : Kids(i))
      if (D(c) == Dep::kCase) return L(c);
    // "against civilian and military targets": the preposition sometimes
    // hangs on the first modifier; "on ex-prime minister Ehud Olmert", on
    // a title before a name.
    for (uint32_t c : Kids(i)) {
      if (c > i) break;
      const Dep d = D(c);
      if (d != Dep::kAmod && d != Dep::kCompound && d != Dep::kNummod && d != Dep::kDet && d != Dep::kNmodDesc)
        continue;
      for (uint32_t g : Kids(c))
        if (D(g) == Dep::kCase && g < c) return L(g);
      break;
    }
    return 0;
  }
  int Mention(uint32_t i) const { return in_.mention_at[i]; }
  bool Passive(uint32_t v) const {
    if (Kid(v, Dep::kNsubjPass) >= 0 || Kid(v, Dep::kAuxPass) >= 0) return true;
    // "was shot and killed": a participle after "was" misread as a noun or
    // an adjective with a copula.
    if ((U(v) == Upos::kNoun || U(v) == Upos::kAdj) && Kid(v, Dep::kCop) >= 0 && Kid(v, Dep::kDet) < 0) {
      const std::string_view w = in_.words[v];
      return w.ends_with("ed") || w == "shot" || w == "hit" || w == "struck" || w == "beaten" ||
             w == "taken" || w == "held" || w == "stabbed" || w == "slain" || w == "hurt";
    }
    return false;
  }
  bool IsParticiple(uint32_t v) const {
    return parse::XposName(p_.xpos[v]) == "VBN";
  }
  uint8_t Xpos(uint32_t v) const { return p_.xpos[v]; }

  // The actors a nominal names: its own mention, else an actor modifying a
  // noun that is none ("Kenyan police", "Iraq's army", "forces of X"), with
  // coordinated nominals added. Appends mention indices to *out.
  void Actors(uint32_t h, std::vector<int>* out, int depth = 0) const {
    if (depth > 3) return;
    OneActor(h, out);
    for (uint32_t c : Kids(h))
      if (D(c) == Dep::kConj) OneActor(c, out);
  }

  // "the former Soviet republic of Belarus", "the Iraqi city of Mosul": the
  // mention a place noun's "of" phrase names, which is the place (not the
  // noun's modifier); -1 if none.
  int NamedPlace(uint32_t h) const {
    if (!C().named_place_nouns.Has(L(h))) return -1;
    for (uint32_t c : Kids(h))
      if (c > h && IsNmod(D(c)) && C().of.Has(CaseOf(c)) && Mention(c) >= 0) return Mention(c);
    return -1;
  }

  // The actors of a target nominal; when it names none, the nearest actor
  // inside it ("dozens of protesters in Yerevan", "the Taliban hideouts",
  // "a police post in eastern Afghanistan"), found breadth first through
  // its modifiers but not into clauses.
  void TargetActors(uint32_t h, std::vector<int>* out) const {
    // "troops to the UN peacekeeping force in South Sudan": a mission is
    // where it serves.
    // "froze Armenia's participation in the CSTO": what the membership is
    // in, not its owner.
    if (C().mission_nouns.Has(L(h)) || C().membership_nouns.Has(L(h)))
      for (uint32_t k : Kids(h))
        if (IsNmod(D(k)) && C().in.Has(CaseOf(k)) && Mention(k) >= 0) {
          Push(Mention(k), out);
          return;
        }
    Actors(h, out);
    if (!out->empty()) return;
    uint32_t queue[32];
    uint32_t qb = 0, qe = 0;
    queue[qe++] = h;
    while (qb < qe) {
      const uint32_t x = queue[qb++];
      // "a post near the border with Mali": a border's "with" names the
      // neighbour, not where the target is.
      if (x != h && C().border_nouns.Has(L(x))) continue;
      // "a strike at a key U.S. ally in the war in Iraq": an ally or a
      // rival no name gives is no one its phrase names (see OneActor),
      // save the examples it gives ("partners like Saudi Arabia").
      const bool relational = C().relation_nouns.Has(L(x));
      if (const int named = NamedPlace(x); named >= 0) {
        Push(named, out);
        return;
      }
      const bool unknown_name = UnknownName(x);
      for (uint32_t c : Kids(x)) {
        const Dep d = D(c);
        if (unknown_name && (d == Dep::kAmod || d == Dep::kCompound)) continue;
        if (relational && !(IsNmod(d) && C().example_preps.Has(CaseOf(c)))) continue;
        // "supporters of opposition leader Alexei Navalny": a name in
        // apposition is the one the noun describes; other appositions
        // describe something else.
        if (d == Dep::kAppos && !(Mention(c) >= 0 && in_.MentionOf(Mention(c)).form == MentionForm::kName))
          continue;
        // ("US and Iraqi troops stormed police stations", "stormed" misread
        // as the noun's adjective: the noun's subject is no part of it.)
        if (d == Dep::kAclRelcl || d == Dep::kAcl || d == Dep::kAdvcl || d == Dep::kParataxis ||
            d == Dep::kPunct || d == Dep::kCcomp || IsSubj(d) || d == Dep::kNsubjPass)
          continue;
        // "suspended helicopter flights after a Japan crash", "suspended the
        // hearing after the group's founder ...", "a visit despite anger
        // from China": a phrase of time or circumstance the parser hangs on
        // the noun says when or why, never what the target is.
        if (IsNmod(d) && C().circumstance_preps.Has(CaseOf(c))) continue;
        // "an expansion of its peacekeeping force in Afghanistan": a
        // possessive pronoun in the target's phrase is most often the
        // subject's own; the target lies further in.
        // ("a pro-Moscow regime", "a Qaeda-linked group": a compound
        // adjective of alliance names whom the noun favours, not whom it is.
        // One of backing stays: rejecting "a US-backed proposal" rejects
        // its backer.)
        if (int m = Mention(c); m >= 0 && !(d == Dep::kNmodPoss && in_.MentionOf(m).form == MentionForm::kPronoun) &&
                                !(in_.MentionOf(m).form == MentionForm::kCompoundAdj &&
                                  in_.MentionOf(m).compound_type == graph::RelationType::kAlliedWith)) {
          Push(m, out);
          return;
        }
        if (qe < 32) queue[qe++] = c;
      }
    }
  }

  // The author of what a noun names ("Iran's offer", "a request by X", "a
  // call from X"): its actors, else an actor after by, from or of.
  // (With `coordinated` false, nominals coordinated with h are left out:
  // the parse may join a clause's subject to an object it follows.)
  void AuthorActors(uint32_t h, std::vector<int>* out, bool coordinated = true) const {
    if (coordinated) Actors(h, out);
    else OneActor(h, out);
    if (!out->empty()) return;
    // "a Japanese-drafted resolution", "a US-backed proposal": whoever
    // drafted or backs what is proposed (Actors leaves compounds out: "a
    // UN-backed mission" is not the UN).
    if (C().proposal_nouns.Has(L(h)))
      for (uint32_t k : Kids(h))
        if (const int m = Mention(k); m >= 0 && (D(k) == Dep::kAmod || D(k) == Dep::kCompound) &&
                                      in_.MentionOf(m).form == MentionForm::kCompoundAdj &&
                                      in_.MentionOf(m).compound_type == graph::RelationType::kBackedBy)
          Push(m, out);
    if (!out->empty()) return;
    for (uint32_t k : Kids(h)) {
      if (!IsNmod(D(k))) continue;
      const uint64_t cs = CaseOf(k);
      if (C().by.Has(cs) || C().of_from.Has(cs)) Actors(k, out);
      if (!out->empty()) return;
    }
    // "a proposal submitted by X", "an appeal lodged by X": the agent of a
    // participle that modifies the noun.
    for (uint32_t k : Kids(h)) {
      if (D(k) != Dep::kAcl || !IsParticiple(k)) continue;
      for (uint32_t g : Kids(k))
        if (D(g) == Dep::kOblAgent || (IsObl(D(g)) && C().by.Has(CaseOf(g)))) Actors(g, out);
      if (!out->empty()) return;
    }
  }

  const TreeInput& in() const { return in_; }
  // DeepPrep's answer for (v, "to" or "into"), computed once a sentence.
  int& DeepPrepSlot(uint32_t v, bool into) const { return s_.deep_prep[2 * v + (into ? 1 : 0)]; }
  std::vector<int>& DeepFound() const { return s_.tmp; }

  // A capitalised proper noun inside the sentence that names no actor the
  // recognizer knows ("the Saudi Hospital"): a name of its own, which its
  // modifiers do not name.
  bool UnknownName(uint32_t h) const {
    return h > 0 && Mention(h) < 0 && U(h) == Upos::kPropn && !in_.words[h].empty() &&
           std::isupper(static_cast<unsigned char>(in_.words[h][0]));
  }

 private:
  bool OneActor(uint32_t h, std::vector<int>* out) const {
    if (int m = Mention(h); m >= 0) {
      Push(m, out);
      // "the foreign ministers of India and Pakistan": the office names the
      // first country; the others are the ones coordinated with it.
      if (C().agent_nouns.Has(L(h)))
        for (uint32_t c : Kids(h))
          if (IsNmod(D(c)) && C().of.Has(CaseOf(c)) && Mention(c) >= 0)
            for (uint32_t cc : Kids(c))
              if (D(cc) == Dep::kConj && Mention(cc) >= 0) Push(Mention(cc), out);
      return true;
    }
    const Upos u = U(h);
    if (u != Upos::kNoun && u != Upos::kPropn && u != Upos::kPron && u != Upos::kNum &&
        u != Upos::kAdj)
      return false;
    if (const int named = NamedPlace(h); named >= 0) {
      Push(named, out);
      return true;
    }
    // Relative pronouns are resolved by the caller.
    int best = -1;
    // A capitalised head the recognizer did not know is a name of its own
    // ("the Saudi Hospital"): its modifiers do not name it.
    const bool unknown_name = UnknownName(h);
    // "the Lebanese group Hezbollah": a name in apposition is the actor,
    // not the demonym.
    for (uint32_t c : Kids(h)) {
      const Dep d = D(c);
      if (c > h && (d == Dep::kAppos || d == Dep::kFlat || d == Dep::kNmodDesc || d == Dep::kCompound) &&
          Mention(c) >= 0 && in_.MentionOf(Mention(c)).form == MentionForm::kName) {
        Push(Mention(c), out);
        // "Government negotiator Vera Grabe and Pablo Beltran met": the
        // parse may join the second name to the first.
        if (d == Dep::kAppos)
          for (uint32_t cc : Kids(c))
            if (D(cc) == Dep::kConj && Mention(cc) >= 0 && in_.MentionOf(Mention(cc)).form == MentionForm::kName)
              Push(Mention(cc), out);
        return true;
      }
    }
    // "an Iraqi group", "Palestinian gunmen": a non-state collective is not
    // the state its demonym names.
    // ("rebel leaders from Sudan's Darfur region" are no more Sudan's.)
    bool rebel_modifier = false;
    for (uint32_t c : Kids(h))
      rebel_modifier |= c < h && (D(c) == Dep::kCompound || D(c) == Dep::kAmod) && Mention(c) < 0 &&
                        C().nonstate_nouns.Has(L(c));
    const bool nonstate = C().nonstate_nouns.Has(L(h)) || rebel_modifier;
    // "a key U.S. ally", "Iran's neighbours": the possessor or the noun
    // before a word of relation is the other party, not the one the noun
    // names ("his Iranian counterpart", "Syria's Iranian allies": an
    // adjective of nationality still names it).
    const bool relational = C().relation_nouns.Has(L(h));
    for (uint32_t c : Kids(h)) {
      const Dep d = D(c);
      if (unknown_name && d != Dep::kNmodPoss) continue;
      if (relational && (d == Dep::kNmodPoss || d == Dep::kCompound)) continue;
      if (d == Dep::kNmodPoss || d == Dep::kCompound || d == Dep::kAmod || d == Dep::kFlat) {
        int m = Mention(c);
        if (m >= 0 && nonstate &&
            in_.doc->entities[in_.MentionOf(m).entity].kind == graph::EntityKind::kCountry)
          m = -1;
        // "a UN-backed mission" is not the UN.
        if (m >= 0 && in_.MentionOf(m).form == MentionForm::kCompoundAdj) m = -1;
        if (m < 0 && d == Dep::kCompound) {
          // "the ISIS group bastion": the compound's own compound.
          for (uint32_t cc : Kids(c))
            if ((D(cc) == Dep::kCompound || D(cc) == Dep::kAmod) && Mention(cc) >= 0) m = Mention(cc);
        }
        // A possessive names the holder ("Iraq's army"), unless it is a
        // pronoun beside a demonym ("his Lebanese counterpart").
        const bool pronoun = m >= 0 && in_.MentionOf(m).form == MentionForm::kPronoun;
        const bool best_pronoun = best >= 0 && in_.MentionOf(best).form == MentionForm::kPronoun;
        // "a Lebanese Hezbollah militia": the group named, not the country
        // its demonym names.
        const bool name_over_demonym =
            m >= 0 && best >= 0 && in_.MentionOf(best).form == MentionForm::kModifier &&
            in_.MentionOf(m).form == MentionForm::kName &&
            in_.doc->entities[in_.MentionOf(m).entity].kind != graph::EntityKind::kCountry &&
            in_.doc->entities[in_.MentionOf(m).entity].kind != graph::EntityKind::kLocation;
        // "its U.N. diplomats", "its EU envoy": an international body
        // beside the possessive is where the envoys serve; the possessive
        // sends them.
        const bool posting = m >= 0 && best_pronoun && d != Dep::kNmodPoss && C().traveller_nouns.Has(L(h)) &&
                             in_.doc->entities[in_.MentionOf(m).entity].kind == graph::EntityKind::kInternationalOrg;
        if (m >= 0 && !posting &&
            (best < 0 || ((d == Dep::kNmodPoss || best_pronoun) && !pronoun) || name_over_demonym))
          best = m;
      }
    }
    if (best >= 0) {
      Push(best, out);
      return true;
    }
    // "a car bombing by the Islamic State group", "strikes by X": the one
    // who did it.
    if (u == Upos::kNoun)
      for (uint32_t c : Kids(h))
        if (IsNmod(D(c)) && C().by.Has(CaseOf(c)) && Mention(c) >= 0) {
          Push(Mention(c), out);
          return true;
        }
    // "rockets fired by Hamas", "a bomb planted by the Taliban": the agent
    // of a participle that modifies the noun.
    if (u == Upos::kNoun)
      for (uint32_t c : Kids(h)) {
        if (c < h || D(c) != Dep::kAcl || !IsParticiple(c) || C().against_participles.Has(L(c))) continue;
        for (uint32_t g : Kids(c))
          if ((D(g) == Dep::kOblAgent || (IsObl(D(g)) && C().by.Has(CaseOf(g)))) && Mention(g) >= 0) {
            Push(Mention(g), out);
            return true;
          }
      }
    if (C().agent_nouns.Has(L(h)) || C().member_nouns.Has(L(h)) || C().faction_nouns.Has(L(h))) {
      for (uint32_t c : Kids(h)) {
        if (!IsNmod(D(c))) continue;
        // "Republicans in Congress", "hardliners in the ruling party": a
        // body its members are in (a place they are in is not theirs).
        const graph::EntityKind in_kind =
            Mention(c) >= 0 ? in_.doc->entities[in_.MentionOf(Mention(c)).entity].kind : graph::EntityKind::kLocation;
        const bool in_body = C().in.Has(CaseOf(c)) && in_kind != graph::EntityKind::kLocation &&
                             in_kind != graph::EntityKind::kFacility && in_kind != graph::EntityKind::kCountry;
        if (!C().of_from.Has(CaseOf(c)) && !in_body) continue;
        size_t before = out->size();
        if (OneActor(c, out)) {
          // "fighters from X and from Y": both.
          for (uint32_t g : Kids(c))
            if (D(g) == Dep::kConj) OneActor(g, out);
          if (rebel_modifier)
            out->erase(std::remove_if(out->begin() + static_cast<std::ptrdiff_t>(before), out->end(),
                                      [&](int m) {
                                        return in_.doc->entities[in_.MentionOf(m).entity].kind ==
                                               graph::EntityKind::kCountry;
                                      }),
                       out->end());
          return out->size() > before;
        }
      }
    }
    return false;
  }
  void Push(int m, std::vector<int>* out) const {
    const uint32_t e = in_.MentionOf(m).entity;
    for (int o : *out)
      if (in_.MentionOf(o).entity == e) return;
    out->push_back(m);
  }

  const TreeInput& in_;
  const parse::SentenceParse& p_;
  TreeScratch& s_;
  uint32_t n_ = 0;
};

// "won't", "can't", "didn't": an auxiliary the tokenizer kept whole with its
// negation (its lemma is the bare auxiliary's).
bool NegatedAuxiliary(const Tree& t, uint32_t k) {
  if (t.D(k) != Dep::kAux) return false;
  const std::string_view w = t.in().words[k];
  return w.ends_with("n't") || w.ends_with("n\u2019t") || w.ends_with("N'T");
}

// The modality of the event at token v, from its own dependents and the
// clauses above it.
bool InfinitiveUnder(const Tree& t, uint32_t v, const LemmaSet& heads);
bool InfinitiveUnderAny(const Tree& t, uint32_t v);
bool TurnedDown(const Tree& t, uint32_t v);

Modality ModalityAt(const Tree& t, uint32_t v, bool question) {
  const Classes& c = C();
  Modality m = question ? Modality::kHypothetical : Modality::kAsserted;
  uint32_t x = v;
  // Auxiliaries, negators and "if" count in the event's own clause (and in
  // verbs conjoined to it, which share them); from clauses further up only
  // what makes the whole a claim, a denial, an intention or a condition.
  bool own_clause = true;
  // "threatened to kill him if Tokyo does not withdraw its troops", "if the
  // government refuses to pull its troops": an act inside a condition, at
  // any depth, is hypothetical, whatever negation it carries (the
  // condition is not a denial).
  bool conditional = false;
  // "denied the decision was linked to demands by militants who killed two
  // hostages": what a relative clause says of its noun is taken as given,
  // not denied with the clause that holds the noun.
  bool described = false;
  for (int depth = 0; depth < 12; ++depth) {
    for (uint32_t k : t.Kids(x)) {
      const Dep d = t.D(k);
      const uint64_t l = t.L(k);
      if (d == Dep::kMark && c.conditional_marks.Has(l)) conditional = true;
      // "X attacked Y, Iran claimed" is a claim; "X deployed troops to Y, the
      // Pentagon said" is wire attribution of a fact, asserted.
      if (d == Dep::kParataxis && c.speech.Has(l) && !c.attribution.Has(l) && k > v) {
        m = Weaker(m, Modality::kReported);
        continue;
      }
      if (!own_clause) continue;
      if ((d == Dep::kAdvmod && c.negators.Has(l) && k < v + 1) || NegatedAuxiliary(t, k))
        m = Weaker(m, Modality::kNegated);
      else if (d == Dep::kAux && c.future_aux.Has(l))
        m = Weaker(m, Modality::kFuture);
      else if (d == Dep::kAux && c.hypothetical_aux.Has(l))
        m = Weaker(m, Modality::kHypothetical);
    }
    int h = t.H(x);
    if (h < 0) break;
    const Dep d = t.D(x);
    const uint64_t hl = t.L(static_cast<uint32_t>(h));
    if (d == Dep::kCcomp || d == Dep::kParataxis) {
      if (c.denial.Has(hl) && !described) return conditional ? Modality::kHypothetical : Modality::kNegated;
      // A trailing neutral attribution ("..., the Pentagon said") is wire
      // style for a fact; a claim introduced by its speaker is reported.
      const bool trailing = c.attribution.Has(hl) && static_cast<uint32_t>(h) > x;
      if (c.speech.Has(hl) && !trailing) m = Weaker(m, Modality::kReported);
      own_clause = false;
    } else if (d == Dep::kXcomp) {
      // "does not plan to deploy forces", "did not want to attack": what
      // is not intended is not done.
      bool unintended = false;
      if (c.intending.Has(hl))
        for (uint32_t k : t.Kids(static_cast<uint32_t>(h)))
          unintended |= (t.D(k) == Dep::kAdvmod && c.negators.Has(t.L(k)) && k < x) || NegatedAuxiliary(t, k);
      if (c.refusal.Has(hl) || unintended) m = Weaker(m, Modality::kNegated);
      // "claimed to have bombed a convoy": a claim.
      else if (c.speech.Has(hl)) m = Weaker(m, Modality::kReported);
      // What a threat, a warning or an appeal names is not done.
      else if (c.threat.Has(hl) || c.appeal.Has(hl) || c.intending.Has(hl))
        m = Weaker(m, Modality::kHypothetical);
      else if (c.intent.Has(hl)) m = Weaker(m, Modality::kFuture);
      own_clause = false;
    } else if (d == Dep::kConj) {
      // A conjoined verb shares the first one's auxiliaries ("will meet and
      // discuss").
    } else if (d == Dep::kAdvcl) {
      if (InfinitiveUnder(t, x, c.appeal)) m = Weaker(m, Modality::kHypothetical);
      // "claimed on Sunday to have captured X": the infinitive of a verb of
      // saying (parsed as a clause of it after an inserted phrase) is its
      // claim.
      if (InfinitiveUnderAny(t, x) && c.speech.Has(hl) && static_cast<uint32_t>(h) < x)
        m = Weaker(m, Modality::kReported);
      // "turns down a plea for more troops to protect UN staff", "rejected a
      // request to send aid": what a refused request was for is not done.
      if (InfinitiveUnderAny(t, x) && (c.refusal.Has(hl) || TurnedDown(t, static_cast<uint32_t>(h))))
        m = Weaker(m, Modality::kHypothetical);
      // "warned against scrapping the nuclear agreement", "voted against
      // lifting sanctions": what is spoken or acted against is not done.
      for (uint32_t k : t.Kids(x))
        if (t.D(k) == Dep::kMark && c.against.Has(t.L(k))) m = Weaker(m, Modality::kHypothetical);
      // "barred her from leaving Turkey", "prevented X from entering":
      // what is prevented is not done.
      if (c.preventing.Has(hl))
        for (uint32_t k : t.Kids(x))
          if ((t.D(k) == Dep::kMark || t.D(k) == Dep::kCase) && t.L(k) == TokenKey("from"))
            m = Weaker(m, Modality::kNegated);
      // "accused X of deploying troops": what an accusation names is a claim.
      if (c.accusing.Has(hl)) m = Weaker(m, Modality::kReported);
      // "will travel to Kabul to investigate", "did not send troops to
      // fight": a purpose is done only as the act it serves is, so that
      // act's own auxiliaries and negation count too.
      own_clause = own_clause && InfinitiveUnderAny(t, x) && !c.preventing.Has(hl) && !c.refusal.Has(hl);
    } else if (d == Dep::kAcl || d == Dep::kAclRelcl) {
      // A clause under a noun ("evidence that X armed Y", "the militia,
      // which attacked Y") is inside whatever governs the noun: climb
      // through the noun's own relations to the clause that holds it.
      own_clause = false;
      if (d == Dep::kAclRelcl) described = true;
      // "evidence that X armed Y", "reports that ...": a claim.
      if (c.claim_nouns.Has(hl)) m = Weaker(m, Modality::kReported);
      // "rejected allegations that he had collaborated with Iran": what a
      // denied claim says is denied (the parser may read the denying verb
      // as the claim noun's adjective).
      if (c.claim_nouns.Has(hl) && !described) {
        bool denied = false;
        for (uint32_t k : t.Kids(static_cast<uint32_t>(h)))
          denied |= t.D(k) == Dep::kAmod && k < x && c.denial.Has(t.L(k));
        const int g = t.H(h);
        denied |= g >= 0 && t.D(static_cast<uint32_t>(h)) == Dep::kObj && c.denial.Has(t.L(static_cast<uint32_t>(g)));
        if (denied) return conditional ? Modality::kHypothetical : Modality::kNegated;
      }
      // "his contentious plan to withdraw from Gaza", "a bid to seize the
      // town": what a plan or an attempt names may never be done. (A
      // decision or an order taken is coded as the act.)
      if (c.plan_nouns.Has(hl) && InfinitiveUnderAny(t, x)) m = Weaker(m, Modality::kHypothetical);
      // "reversed its decision to expel X", "scrapped plans to send
      // troops": an intention undone is not carried out.
      if (c.intention_nouns.Has(hl) && InfinitiveUnderAny(t, x) && t.D(static_cast<uint32_t>(h)) == Dep::kObj &&
          t.H(h) >= 0 && c.undoing.Has(t.L(static_cast<uint32_t>(t.H(h)))))
        m = Weaker(m, Modality::kNegated);
      // "a call on the US to lift sanctions": what an appeal asks is not done.
      if (c.appeal_nouns.Has(hl) && InfinitiveUnderAny(t, x)) m = Weaker(m, Modality::kHypothetical);
      uint32_t y = static_cast<uint32_t>(h);  // the noun
      for (int hop = 0; hop < 4; ++hop) {
        const int g = t.H(y);
        if (g < 0) break;
        const Upos gu = t.U(static_cast<uint32_t>(g));
        if (gu == Upos::kVerb || gu == Upos::kAux || gu == Upos::kAdj) break;
        const Dep dy = t.D(y);
        if (!(IsNmod(dy) || dy == Dep::kAppos || dy == Dep::kConj || dy == Dep::kNmodPoss)) break;
        y = static_cast<uint32_t>(g);
      }
      const int g = t.H(y);
      if (g < 0) break;
      // Only a clause that takes the noun as an argument holds it.
      const Dep dy = t.D(y);
      if (!(dy == Dep::kObj || dy == Dep::kIobj || dy == Dep::kNsubj || dy == Dep::kNsubjPass ||
            IsObl(dy)))
        break;
      if (c.speech.Has(t.L(static_cast<uint32_t>(g)))) m = Weaker(m, Modality::kReported);
      x = static_cast<uint32_t>(g);
      continue;
    } else {
      break;
    }
    x = static_cast<uint32_t>(h);
  }
  return conditional ? Modality::kHypothetical : m;
}

// True if v is a to-infinitive ("to promote").
// "turned down", "turns down": a refusal.
bool TurnedDown(const Tree& t, uint32_t v) {
  static const uint64_t kTurn = TokenKey("turn"), kDown = TokenKey("down");
  if (t.L(v) != kTurn) return false;
  const int prt = t.Kid(v, Dep::kCompoundPrt);
  return prt >= 0 && t.L(static_cast<uint32_t>(prt)) == kDown;
}

bool InfinitiveUnderAny(const Tree& t, uint32_t v) {
  for (uint32_t k : t.Kids(v))
    if (t.D(k) == Dep::kMark && C().to.Has(t.L(k))) return true;
  return false;
}

// True if v is a to-infinitive ("to protect") whose head is in `heads`.
bool InfinitiveUnder(const Tree& t, uint32_t v, const LemmaSet& heads) {
  return t.H(v) >= 0 && heads.Has(t.L(static_cast<uint32_t>(t.H(v)))) && InfinitiveUnderAny(t, v);
}

// True if what leaves at verb v is forces or a state: a named actor that
// is no person ("Georgia left", "the Taliban left"), or a noun of forces
// ("Georgian troops left"). "a British diplomat who left Pyongyang",
// "South Africa's Mbeki leaves Ivory Coast": someone an actor sends, or a
// person named by a word the lexicon lacks, travels.
bool ForcesOrState(const Tree& t, uint32_t v) {
  int subject = t.Kid(v, Dep::kNsubj);
  if (subject < 0) return true;  // no subject word to read: keep the lexicon's reading
  uint32_t s = static_cast<uint32_t>(subject);
  // "a diplomat who left": the relative pronoun stands for the noun.
  if (C().relative.Has(t.L(s)) && t.D(v) == Dep::kAclRelcl && t.H(v) >= 0) s = static_cast<uint32_t>(t.H(v));
  if (C().force_nouns.Has(t.L(s)) || C().withdrawing_nouns.Has(t.L(s))) return true;
  if (C().traveller_nouns.Has(t.L(s))) return false;
  // An actor's name ("Georgia", "the Taliban"), not a word the lexicon
  // lacks whose actor is borrowed from its possessor ("South Africa's
  // Mbeki").
  return t.Mention(s) >= 0;
}

// True if nominal k names private people of a state, who do not act for
// it: its people by their demonym ("Afghans vow to kill", "some 30,000
// Sudanese threatened to cross"), or a private person the demonym
// modifies ("an Australian journalist contradicted", "Saudi nationals who
// provide money").
bool PrivatePeople(const Tree& t, uint32_t k) {
  const auto country = [&](int m) {
    return m >= 0 && t.in().doc->entities[t.in().MentionOf(m).entity].kind == graph::EntityKind::kCountry;
  };
  if (const int m = t.Mention(k); country(m)) {
    // A plural demonym is a name the state's own does not end with
    // ("Somalis", not "the Philippines"); a singular one the parser reads
    // as a noun stands for people too. (The state itself named as a noun,
    // "the government", is a description.) With the definite article the
    // people are a side in politics ("the Palestinians shunned the plan").
    const Mention& mention = t.in().MentionOf(m);
    const std::string_view word = t.in().words[k];
    const std::string& name = t.in().doc->entities[mention.entity].name;
    for (uint32_t c : t.Kids(k))
      if (t.D(c) == Dep::kDet && t.L(c) == C().the_key) return false;
    if (mention.form == MentionForm::kName)
      return word.size() > 3 && word.back() == 's' && !std::string_view(name).ends_with(word);
    return mention.form == MentionForm::kModifier && t.U(k) == Upos::kNoun;
  }
  if (t.Mention(k) >= 0 || !C().private_nouns.Has(t.L(k))) return false;
  for (uint32_t c : t.Kids(k))
    if ((t.D(c) == Dep::kAmod || t.D(c) == Dep::kCompound || t.D(c) == Dep::kNmodPoss) && country(t.Mention(c)))
      return true;
  return false;
}

// The subject actors of verb v (the agent for a passive).
void SubjectOf(const Tree& t, uint32_t v, std::vector<int>* out, bool* fallback, int depth = 0) {
  if (depth > 4) return;
  const Classes& c = C();
  // The first subject that names an actor: a misread time phrase ("Hours
  // earlier Maduro expelled ...") may come first as a second subject.
  bool has_subject = false, pronoun_subject = false;
  for (uint32_t k : t.Kids(v)) {
    if (IsSubj(t.D(k))) {
      has_subject = true;
      if (t.U(k) == Upos::kPron && c.relative.Has(t.L(k)) && t.D(v) == Dep::kAclRelcl && t.H(v) >= 0) {
        if (!PrivatePeople(t, static_cast<uint32_t>(t.H(v)))) t.Actors(static_cast<uint32_t>(t.H(v)), out);
      } else if (!PrivatePeople(t, k)) {
        t.Actors(k, out);
      }
      if (!out->empty()) return;
      pronoun_subject |= t.U(k) == Upos::kPron;
    }
  }
  // "The United States has said it is skeptical": a pronoun nothing
  // resolved, in what a speaker says, is the speaker.
  if (has_subject && pronoun_subject && t.D(v) == Dep::kCcomp && t.H(v) >= 0 &&
      c.speech.Has(t.L(static_cast<uint32_t>(t.H(v))))) {
    SubjectOf(t, static_cast<uint32_t>(t.H(v)), out, fallback, depth + 1);
    return;
  }
  if (has_subject) return;
  if (t.Passive(v) || (t.D(v) == Dep::kAcl && t.IsParticiple(v))) {
    for (uint32_t k : t.Kids(v))
      if (t.D(k) == Dep::kOblAgent || (IsObl(t.D(k)) && c.by.Has(t.CaseOf(k)))) {
        t.Actors(k, out);
        return;
      }
    // "Twelve U.S. Army soldiers deployed to Nigeria", "Kenyan troops were
    // sent to Haiti": with no agent, forces deployed are their own state's.
    if (c.deploy_verbs.Has(t.L(v))) {
      const int patient = t.D(v) == Dep::kAcl ? t.H(v) : t.Kid(v, Dep::kNsubjPass);
      if (patient >= 0 && c.agent_nouns.Has(t.L(static_cast<uint32_t>(patient)))) {
        t.Actors(static_cast<uint32_t>(patient), out);
        *fallback = true;
      }
    }
    return;
  }
  const int h = t.H(v);
  if (h < 0) return;
  const Dep d = t.D(v);
  *fallback = true;
  // "called on X to protect Y" read as a purpose clause: still what X is
  // asked to do.
  const bool asked = d == Dep::kAdvcl && InfinitiveUnder(t, v, c.appeal);
  // "warned against scrapping the agreement", "protested against
  // extending it": what one speaks against is someone else's act, or none.
  if (d == Dep::kAdvcl && t.U(v) == Upos::kVerb)
    for (uint32_t k : t.Kids(v))
      if ((t.D(k) == Dep::kMark || t.D(k) == Dep::kCase) && c.against.Has(t.L(k))) return;
  // "accused Ethiopia of deploying troops", "blamed X for attacking",
  // "prevented X from leaving": a gerund after of, for or from is done by
  // the governing verb's object.
  if (d == Dep::kAdvcl && !asked) {
    bool marked = false;
    for (uint32_t k : t.Kids(v))
      marked |= (t.D(k) == Dep::kMark || t.D(k) == Dep::kCase) &&
                (c.of_from.Has(t.L(k)) || t.L(k) == c.for_key);
    const int obj = marked ? t.Kid(static_cast<uint32_t>(h), Dep::kObj) : -1;
    // ("barred her from leaving Turkey": the object does it even when it
    // names no actor; the governing verb's subject never does.)
    if (obj >= 0 && obj < static_cast<int>(v)) {
      t.Actors(static_cast<uint32_t>(obj), out);
      return;
    }
    // "a Thai policeman was accused of killing", "four soldiers charged
    // with abusing prisoners": the one a passive accusation accuses.
    const uint32_t hu = static_cast<uint32_t>(h);
    bool with = false;
    for (uint32_t k : t.Kids(v)) with |= (t.D(k) == Dep::kMark || t.D(k) == Dep::kCase) && c.with.Has(t.L(k));
    if ((marked || with) && c.accusing.Has(t.L(hu))) {
      int accused = t.Kid(hu, Dep::kNsubjPass);
      if (accused < 0 && t.D(hu) == Dep::kAcl && t.IsParticiple(hu) && t.H(hu) >= 0) accused = t.H(hu);
      if (accused >= 0) {
        t.Actors(static_cast<uint32_t>(accused), out);
        return;
      }
    }
  }
  if ((d == Dep::kConj || d == Dep::kAdvcl) && !asked) {
    // "Sharon apologized after an army tank crew fired on a patrol,
    // killing three officers": a trailing participle belongs to the
    // nearest clause before it, which the parser may hang on the main
    // verb beside it; that clause's subject did it.
    // ("after a crew fired on a patrol" may be read as a noun phrase of
    // "after" with a participle: the noun is that clause's subject.)
    if (d == Dep::kAdvcl && parse::XposName(t.Xpos(v)) == "VBG" && static_cast<uint32_t>(h) < v) {
      int clause = -1, noun = -1;
      for (uint32_t k : t.Kids(static_cast<uint32_t>(h))) {
        if (k <= static_cast<uint32_t>(h) || k >= v) continue;
        if (t.D(k) == Dep::kAdvcl && t.Kid(k, Dep::kNsubj) >= 0) {
          clause = static_cast<int>(k);
          noun = -1;
        } else if (IsObl(t.D(k)) && C().clause_preps.Has(t.CaseOf(k))) {
          const int acl = t.Kid(k, Dep::kAcl);
          if (acl >= 0 && static_cast<uint32_t>(acl) < v && t.U(static_cast<uint32_t>(acl)) == Upos::kVerb) {
            noun = static_cast<int>(k);
            clause = -1;
          }
        }
      }
      if (clause >= 0) {
        SubjectOf(t, static_cast<uint32_t>(clause), out, fallback, depth + 1);
        return;
      }
      if (noun >= 0) {
        t.Actors(static_cast<uint32_t>(noun), out);
        return;
      }
    }
    if (t.Passive(static_cast<uint32_t>(h))) return;  // not the same role
    // "X attacked a post, killing 17 soldiers, the ministry said": the
    // parser often hangs the participle on the trailing attribution; it
    // belongs to the clause the attribution reports on.
    const int g = t.H(static_cast<uint32_t>(h));
    if (d == Dep::kAdvcl && static_cast<uint32_t>(h) > v && g >= 0 && g < static_cast<int>(v) &&
        t.D(static_cast<uint32_t>(h)) == Dep::kParataxis && c.attribution.Has(t.L(static_cast<uint32_t>(h)))) {
      SubjectOf(t, static_cast<uint32_t>(g), out, fallback, depth + 1);
      return;
    }
    SubjectOf(t, static_cast<uint32_t>(h), out, fallback, depth + 1);
  } else if (d == Dep::kXcomp || asked) {
    // Object control ("urged X to leave", "called on X to leave") else
    // subject control. (The parser may read the one urged as an indirect
    // object. A past-tense verb read as an open complement, "an alliance
    // fighting Indian rule rejected the package", is no infinitive: the
    // object before it does not do it.)
    const bool past = parse::XposName(t.Xpos(v)) == "VBD";
    int obj = past ? -1 : t.Kid(static_cast<uint32_t>(h), Dep::kObj);
    if (obj < 0 && !past) obj = t.Kid(static_cast<uint32_t>(h), Dep::kIobj);
    if (obj < 0 && c.appeal.Has(t.L(static_cast<uint32_t>(h))))
      for (uint32_t k : t.Kids(static_cast<uint32_t>(h)))
        if (IsObl(t.D(k)) && C().on_upon.Has(t.CaseOf(k))) {
          obj = static_cast<int>(k);
          break;
        }
    if (obj >= 0) {
      t.Actors(static_cast<uint32_t>(obj), out);
      if (!out->empty()) return;
      // "urged the international community to help calm the dispute",
      // "called on both sides to ...": what an appeal asks of parties no
      // actor names is done by them, never by the appeal's author.
      if (c.appeal.Has(t.L(static_cast<uint32_t>(h))) && c.addressee_nouns.Has(t.L(static_cast<uint32_t>(obj))))
        return;
    }
    SubjectOf(t, static_cast<uint32_t>(h), out, fallback, depth + 1);
  } else if (d == Dep::kAclRelcl || d == Dep::kAcl) {
    // "China and Russia call on US to lift sanctions" (the headline's
    // "call" read as a noun): what an appeal asks is done by the one it is
    // made to, not by its author.
    if (d == Dep::kAcl && c.appeal_nouns.Has(t.L(static_cast<uint32_t>(h))) && InfinitiveUnderAny(t, v))
      for (uint32_t k : t.Kids(static_cast<uint32_t>(h)))
        if (out->empty() && k < v && IsNmod(t.D(k)) && (c.on_upon.Has(t.CaseOf(k)) || c.to.Has(t.CaseOf(k)))) {
          t.Actors(k, out);
          if (!out->empty()) return;
        }
    t.Actors(static_cast<uint32_t>(h), out);
    // "The United States is the leading donor to Sudan, providing $5
    // billion": a clause on a predicate noun is done by the copula's
    // subject.
    if (out->empty() && d == Dep::kAcl && t.Kid(static_cast<uint32_t>(h), Dep::kCop) >= 0) {
      SubjectOf(t, static_cast<uint32_t>(h), out, fallback, depth + 1);
      if (!out->empty()) return;
    }
    // "accepted an invitation to meet X", "announced plans to send troops":
    // the infinitive under a noun of intention is done by whoever holds it.
    // "issued a statement calling on X to ...": a statement speaks for
    // whoever issued it.
    if (out->empty() && (C().intention_nouns.Has(t.L(static_cast<uint32_t>(h))) ||
                         C().statement_nouns.Has(t.L(static_cast<uint32_t>(h)))) &&
        (t.D(static_cast<uint32_t>(h)) == Dep::kObj || t.D(static_cast<uint32_t>(h)) == Dep::kNsubjPass) &&
        t.H(static_cast<uint32_t>(h)) >= 0)
      SubjectOf(t, static_cast<uint32_t>(t.H(static_cast<uint32_t>(h))), out, fallback, depth + 1);
  }
}

// The passive patient of v: its passive subject, or the noun a passive
// participle modifies ("a convoy attacked by X").
void PatientOf(const Tree& t, uint32_t v, std::vector<int>* out) {
  if (int k = t.Kid(v, Dep::kNsubjPass); k >= 0) {
    t.Actors(static_cast<uint32_t>(k), out);
    return;
  }
  if (t.D(v) == Dep::kAcl && t.IsParticiple(v) && t.H(v) >= 0)
    t.Actors(static_cast<uint32_t>(t.H(v)), out);
  else if (t.D(v) == Dep::kConj && t.H(v) >= 0 && t.Passive(static_cast<uint32_t>(t.H(v))))
    PatientOf(t, static_cast<uint32_t>(t.H(v)), out);
}

// "returned artifacts, including a krater and a fresco, to Italy": the parse
// may hang a phrase on a noun inside another argument. The first nominal
// introduced by `prep` among v's nominal arguments (not its clauses), a few
// levels down, that names an actor; -1 if none.
int DeepPrep(const Tree& t, uint32_t v, uint64_t prep) {
  // Only a recipient ("to", "into"): deep "at", "with" or "on" phrases
  // place things ("a post near the border with Mali").
  if (!C().to_into.Has(prep)) return -1;
  int& slot = t.DeepPrepSlot(v, !C().to.Has(prep));
  if (slot != -2) return slot;
  slot = -1;
  uint32_t queue[32];
  uint32_t qb = 0, qe = 0;
  queue[qe++] = v;
  std::vector<int>& found = t.DeepFound();
  while (qb < qe) {
    const uint32_t x = queue[qb++];
    for (uint32_t k : t.Kids(x)) {
      const Dep d = t.D(k);
      if (!(d == Dep::kObj || IsObl(d) || IsNmod(d) || d == Dep::kConj || d == Dep::kAppos)) continue;
      if (C().border_nouns.Has(t.L(k))) continue;
      if (x != v && (IsNmod(d) || IsObl(d)) && t.CaseOf(k) == prep) {
        found.clear();
        t.TargetActors(k, &found);
        if (!found.empty()) return slot = static_cast<int>(k);
      }
      if (qe < 32) queue[qe++] = k;
    }
  }
  return -1;
}

// "carried out numerous attacks, primarily on military targets": the parser
// sometimes reads a phrase after the object as a conjunct of the verb. A
// verb's conjunct that is a noun with a preposition of its own is such a
// phrase of the verb.
bool MisreadConjPhrase(const Tree& t, uint32_t v, uint32_t k) {
  return t.D(k) == Dep::kConj && k > v && t.U(v) == Upos::kVerb &&
         (t.U(k) == Upos::kNoun || t.U(k) == Upos::kPropn) && t.Kid(k, Dep::kCase) >= 0;
}

// "In Colombia, the ELN declared a ceasefire": the "in" phrase that opens
// the sentence as a phrase of v; -1 if none.
int OpeningPlace(const Tree& t, uint32_t v) {
  for (uint32_t k : t.Kids(v)) {
    if (k >= v) break;
    if (!IsObl(t.D(k)) || !C().in.Has(t.CaseOf(k)) || C().time_nouns.Has(t.L(k)) ||
        t.U(k) != Upos::kPropn)
      continue;
    // Its preposition is the sentence's first word.
    for (uint32_t c : t.Kids(k))
      if (t.D(c) == Dep::kCase && c == 0) return static_cast<int>(k);
  }
  return -1;
}

// Whom an act serves or is aimed at, named inside a clause: a purpose, a
// recipient's or a restriction's clause. The first actor named by a
// nominal under c, breadth first through its arguments and the clauses
// inside them ("to support projects which benefit Palestinian refugees in
// Syria", "to people who had fled to the Golan Heights"), but not through
// subjects of clauses: they do the act or describe the recipients.
void ServedActors(const Tree& t, uint32_t c, std::vector<int>* out) {
  uint32_t queue[32];
  uint32_t qb = 0, qe = 0;
  queue[qe++] = c;
  while (qb < qe && out->empty()) {
    const uint32_t x = queue[qb++];
    for (uint32_t k : t.Kids(x)) {
      const Dep d = t.D(k);
      if (IsSubj(d) || d == Dep::kNsubjPass || d == Dep::kPunct || d == Dep::kCcomp ||
          d == Dep::kParataxis)
        continue;
      if ((d == Dep::kObj || IsObl(d) || IsNmod(d) || d == Dep::kConj || d == Dep::kAppos) &&
          (t.U(k) == Upos::kNoun || t.U(k) == Upos::kPropn)) {
        t.Actors(k, out);
        if (!out->empty()) return;
      }
      if (qe < 32) queue[qe++] = k;
    }
  }
}

// "distributed supplies to people who had fled to X", "assistance to those
// affected in X": the first nominal introduced by `prep` among v's nominal
// arguments, a few levels down, if it names no actor itself; -1 if none.
int UnnamedRecipient(const Tree& t, uint32_t v, uint64_t prep) {
  uint32_t queue[32];
  uint32_t qb = 0, qe = 0;
  queue[qe++] = v;
  while (qb < qe) {
    const uint32_t x = queue[qb++];
    for (uint32_t k : t.Kids(x)) {
      const Dep d = t.D(k);
      if (!(d == Dep::kObj || IsObl(d) || IsNmod(d) || d == Dep::kConj || d == Dep::kAppos)) continue;
      if (k > v && (IsNmod(d) || IsObl(d)) && t.CaseOf(k) == prep)
        return t.Mention(k) < 0 && t.U(k) != Upos::kPropn ? static_cast<int>(k) : -1;
      if (qe < 32) queue[qe++] = k;
    }
  }
  return -1;
}

// Aid to people no actor names goes to whom the clause describing them
// names: a relative clause or a participle of what befell them ("those
// affected in X"), not what they do with it ("households using funds
// donated to X"). Appends to *out if it is empty.
void UnnamedRecipientActors(const Tree& t, uint32_t v, uint64_t prep, std::vector<int>* out) {
  if (!out->empty()) return;
  const int r = UnnamedRecipient(t, v, prep);
  if (r < 0) return;
  for (uint32_t k : t.Kids(static_cast<uint32_t>(r)))
    if (out->empty() && (t.D(k) == Dep::kAclRelcl || (t.D(k) == Dep::kAcl && t.IsParticiple(k))))
      ServedActors(t, k, out);
}

// Restrictions and their easing: sanctions, bans, blockades, and lifting
// them.
bool Restrictive(RelationType type) {
  return type == RelationType::kSanctioned || type == RelationType::kCoerced ||
         type == RelationType::kConcededTo || type == RelationType::kReducedRelationsWith;
}

// True if noun n names a restriction: a lexicon noun of sanctions or
// coercion ("sanctions", "a ban", "a tax").
bool RestrictionNoun(const Tree& t, uint32_t n) {
  for (const VerbPattern& p : t.in().lexicon->Noun(t.L(n)))
    if (p.type == RelationType::kSanctioned || p.type == RelationType::kCoerced) return true;
  return false;
}

// "lifted all restrictions on the ability of individuals to visit relatives
// in Cuba", "will not lift the ban on doing business with ZTE": what a
// restriction (noun) is on may be an act no actor names; it is aimed at
// whom the act's clause names. Appends to *out if it is empty.
void RestrictedActors(const Tree& t, uint32_t noun, uint64_t prep, std::vector<int>* out) {
  for (uint32_t k : t.Kids(noun)) {
    if (!out->empty()) return;
    bool on = IsNmod(t.D(k)) && t.CaseOf(k) == prep && t.Mention(k) < 0;
    if (t.D(k) == Dep::kAcl)
      for (uint32_t g : t.Kids(k)) on |= t.D(g) == Dep::kMark && t.L(g) == prep;
    if (on) ServedActors(t, k, out);
  }
}

// "imposed sanctions in relation to Iraq", "with regard to X": the nominal
// after a phrase of reference on v (or on its object `noun`), which names
// what a restriction is on; -1 if none.
int ReferencePhrase(const Tree& t, uint32_t v, int noun) {
  for (int head : {static_cast<int>(v), noun}) {
    if (head < 0) continue;
    for (uint32_t k : t.Kids(static_cast<uint32_t>(head))) {
      if (k < v || !(IsObl(t.D(k)) || IsNmod(t.D(k))) || !C().reference_nouns.Has(t.L(k)) ||
          !(C().in.Has(t.CaseOf(k)) || C().with.Has(t.CaseOf(k))))
        continue;
      for (uint32_t g : t.Kids(k))
        if (IsNmod(t.D(g)) && C().to.Has(t.CaseOf(g))) return static_cast<int>(g);
    }
  }
  return -1;
}

// Obliques of v (and nominal modifiers of `noun`, if >= 0) introduced by
// `prep`; 0 means any preposition that does not place the event.
void PrepActors(const Tree& t, uint32_t v, int noun, uint64_t prep, std::vector<int>* out,
                bool hostile = true) {
  auto scan = [&](uint32_t head, bool nominal) {
    for (uint32_t k : t.Kids(head)) {
      const Dep d = t.D(k);
      if (!(nominal ? IsNmod(d) : IsObl(d) || MisreadConjPhrase(t, head, k))) continue;
      // "launched strikes on Saturday at US outposts": the parser hangs a
      // phrase of the verb on the day before it.
      // The day itself names no target ("for 60 days as U.S. forces
      // prepared"), nor does what fills it ("a week of bombardment").
      if (!nominal && C().time_nouns.Has(t.L(k))) {
        for (uint32_t g : t.Kids(k)) {
          if (!IsNmod(t.D(g))) continue;
          const uint64_t gs = t.CaseOf(g);
          if (gs == 0 || C().of.Has(gs)) continue;
          if (prep != 0 ? gs != prep : (C().place_preps.Has(gs) || C().by.Has(gs))) continue;
          t.TargetActors(g, out);
          if (!out->empty()) return;
        }
        continue;
      }
      const uint64_t cs = t.CaseOf(k);
      if (cs == 0) continue;
      // "agreed to set up a command centre against X": what a cooperative
      // act is against is no partner in it.
      if (!hostile && prep == 0 && C().against.Has(cs)) continue;
      if (prep != 0 ? cs != prep : (C().place_preps.Has(cs) || C().by.Has(cs))) continue;
      // "to set up a joint working group like India and Pakistan did": a
      // comparison with what others did names no party.
      if (C().like.Has(cs)) {
        uint32_t last = k;
        for (uint32_t c : t.Kids(k))
          if (t.D(c) == Dep::kConj && c > last) last = c;
        if (last + 1 < t.size() && t.L(last + 1) == C().do_key) continue;
      }
      // "bringing warnings from the European Union", "drew criticism from
      // X": an act's "from" phrase names its author, not whom it is aimed at.
      if (nominal && prep == 0 && cs == C().from_key && t.in().lexicon->IsNoun(t.L(head))) continue;
      // "launched an appeal for flood-hit Bangladesh": whom an appeal is
      // for is not whom it is made to. (A request "for" someone is about
      // them: "an extradition request for Puigdemont".)
      if (prep == 0 && noun >= 0 && cs == C().for_key && t.L(static_cast<uint32_t>(noun)) == C().appeal_key)
        continue;
      bool partner = false;
      for (uint32_t c : t.Kids(k))
        partner |= t.D(c) == Dep::kCase && c > 0 && C().jointly.Has(t.L(c - 1));
      if (partner) continue;
      t.TargetActors(k, out);
      if (!out->empty()) return;
    }
  };
  // With no preposition asked for, the object's own phrase comes first
  // ("cancelled a visit to Malaysia under pressure from Saudi Arabia").
  if (prep == 0 && noun >= 0) scan(static_cast<uint32_t>(noun), true);
  if (out->empty()) scan(v, false);
  if (out->empty() && noun >= 0 && prep != 0) scan(static_cast<uint32_t>(noun), true);
  if (out->empty() && prep != 0)
    if (int k = DeepPrep(t, v, prep); k >= 0) t.TargetActors(static_cast<uint32_t>(k), out);
  // "lifted sanctions imposed on X": the phrase hangs on a participle.
  if (out->empty() && noun >= 0 && prep != 0)
    for (uint32_t k : t.Kids(static_cast<uint32_t>(noun)))
      if (t.D(k) == Dep::kAcl && t.IsParticiple(k) && out->empty()) scan(k, false);
}

// True if v has an oblique, or `noun` a nominal modifier, introduced by `prep`.
bool HasPrepNear(const Tree& t, uint32_t v, int noun, uint64_t prep);

bool HasPrep(const Tree& t, uint32_t v, int noun, uint64_t prep) {
  return HasPrepNear(t, v, noun, prep) || DeepPrep(t, v, prep) >= 0;
}

bool HasPrepNear(const Tree& t, uint32_t v, int noun, uint64_t prep) {
  // "called Erdogan on Wednesday" is no "call on", nor is "On Nov. 2, X
  // called Y": a date, or a phrase before the verb, is no verb's
  // preposition. "called on Thursday on Nigeria" is, the phrase hung on
  // the day after the verb.
  for (uint32_t k : t.Kids(v)) {
    if (!(IsObl(t.D(k)) || MisreadConjPhrase(t, v, k)) || k < v) continue;
    if (!C().time_nouns.Has(t.L(k))) {
      if (t.CaseOf(k) == prep && t.U(k) != Upos::kNum) return true;
      continue;
    }
    for (uint32_t g : t.Kids(k))
      if (IsNmod(t.D(g)) && t.CaseOf(g) == prep) return true;
  }
  if (noun >= 0)
    for (uint32_t k : t.Kids(static_cast<uint32_t>(noun))) {
      if (IsNmod(t.D(k)) && t.CaseOf(k) == prep) return true;
      if (t.D(k) == Dep::kAcl && t.IsParticiple(k))
        for (uint32_t g : t.Kids(k))
          if (IsObl(t.D(g)) && t.CaseOf(g) == prep) return true;
    }
  return false;
}

// True if the clause of deployment verb v says the forces go to keep the
// peace or to help ("sent 200 troops to serve as a peacekeeping force",
// "deployed to train Nigerian soldiers"): CAMEO codes that as aid (07).
bool HelpfulDeployment(const Tree& t, uint32_t v) {
  // "sent emergency supplies and doctors", "flew 13 tons of medicine":
  // goods and carers sent are aid.
  for (uint32_t k : t.Kids(v)) {
    if (t.D(k) != Dep::kObj) continue;
    if (C().aid_goods.Has(t.L(k))) return true;
    for (uint32_t g : t.Kids(k))
      if ((t.D(g) == Dep::kConj || (IsNmod(t.D(g)) && C().of_from.Has(t.CaseOf(g)))) && C().aid_goods.Has(t.L(g)))
        return true;
  }
  // "announced the deployment of troops to Liberia on a peacekeeping
  // mission": a deployment named by a noun is helpful by the clause of the
  // verb that governs it.
  if (t.U(v) == Upos::kNoun && t.D(v) == Dep::kObj && t.H(v) >= 0) v = static_cast<uint32_t>(t.H(v));
  for (uint32_t i = 0; i < t.size(); ++i) {
    const bool peace = C().peacekeeping.Has(t.L(i));
    const bool help = t.U(i) == Upos::kVerb && C().help_verbs.Has(t.L(i)) &&
                      (t.D(i) == Dep::kAdvcl || t.D(i) == Dep::kXcomp || t.D(i) == Dep::kAcl);
    if (!peace && !help) continue;
    // Within v's clause: v is an ancestor.
    int x = static_cast<int>(i);
    for (int hop = 0; hop < 8 && x >= 0; ++hop) {
      x = t.H(static_cast<uint32_t>(x));
      if (x == static_cast<int>(v)) return true;
    }
  }
  return false;
}

bool CooperativeType(RelationType t);

// True if mention m is named inside the phrase of a word of war ("support
// for the Iraq war", "funding for the wars in Iraq and Afghanistan"): what
// is supported or paid for there is the war, not the country it is in;
// unless the war is what a peace ends.
bool InsideWar(const Tree& t, int m) {
  const uint32_t first = t.in().MentionOf(m).first_token;
  if (first < t.in().first_token) return false;
  uint32_t x = first - t.in().first_token;
  for (int hop = 0; hop < 4 && x < t.size(); ++hop) {
    const Dep d = t.D(x);
    if (!(IsNmod(d) || d == Dep::kCompound || d == Dep::kAmod || d == Dep::kConj) || t.H(x) < 0) return false;
    x = static_cast<uint32_t>(t.H(x));
    // ("a settlement of the South Ossetia conflict" makes peace there.)
    if (C().war_nouns.Has(t.L(x))) return t.H(x) < 0 || !C().peace_nouns.Has(t.L(static_cast<uint32_t>(t.H(x))));
  }
  return false;
}

void Emit(const Tree& t, const std::vector<int>& sources, const std::vector<int>& targets,
          RelationType type, Modality modality, uint32_t tb, uint32_t te, float conf,
          std::vector<TreeEvent>* out) {
  size_t n = 0;
  const DocAnalysis& doc = *t.in().doc;
  for (int s : sources)
    for (int g : targets) {
      if (t.in().MentionOf(s).entity == t.in().MentionOf(g).entity) continue;
      if (CooperativeType(type) && type != RelationType::kNegotiatedWith && type != RelationType::kConcededTo &&
          InsideWar(t, g))
        continue;
      if (++n > 16) return;
      RelationType ty = type;
      // Troops sent to a UN or AU mission are a contribution to it (CAMEO
      // 074, peacekeeping), not a deployment against anyone.
      if (ty == RelationType::kDeployedTo &&
          (doc.entities[t.in().MentionOf(g).entity].kind == graph::EntityKind::kInternationalOrg ||
           HelpfulDeployment(t, tb)))
        ty = RelationType::kAided;
      // "dispatching a team to Detroit to investigate": the purpose is the event.
      if (ty == RelationType::kDeployedTo)
        for (uint32_t k : t.Kids(tb))
          if ((t.D(k) == Dep::kAdvcl || t.D(k) == Dep::kXcomp) && C().investigate.Has(t.L(k)))
            ty = RelationType::kInvestigated;
      out->push_back({s, g, ty, modality, tb, te, conf});
    }
}

// "X and Y agreed": every pair of coordinated actors, once.
void EmitPairs(const Tree& t, const std::vector<int>& actors, RelationType type, Modality modality,
               uint32_t tb, uint32_t te, float conf, std::vector<TreeEvent>* out, bool both_ways = false) {
  for (size_t i = 0; i < actors.size() && i < 6; ++i)
    for (size_t j = i + 1; j < actors.size() && j < 6; ++j)
      if (t.in().MentionOf(actors[i]).entity != t.in().MentionOf(actors[j]).entity) {
        out->push_back({actors[i], actors[j], type, modality, tb, te, conf});
        if (both_ways) out->push_back({actors[j], actors[i], type, modality, tb, te, conf});
      }
}

// "each other", "one another": the object and the word next to it (the
// parser attaches the second word in several ways, not always to the first).
bool Reciprocal(const Tree& t, uint32_t obj) {
  const Classes& c = C();
  const uint64_t at = t.L(obj);
  const uint64_t next = obj + 1 < t.size() ? t.L(obj + 1) : 0;
  const uint64_t before = obj > 0 ? t.L(obj - 1) : 0;
  return (at == c.each && next == c.other) || (at == c.one && next == c.another) ||
         (at == c.other && before == c.each);
}

// Acts of cooperation.
bool CooperativeType(RelationType t) {
  switch (t) {
    case RelationType::kSupported: case RelationType::kAgreedWith: case RelationType::kAided:
    case RelationType::kCooperatedWith: case RelationType::kPledgedTo: case RelationType::kMetWith:
    case RelationType::kNegotiatedWith: case RelationType::kConcededTo:
      return true;
    default:
      return false;
  }
}

// Acts whose announced intention is a threat.
bool Hostile(RelationType t) {
  switch (t) {
    case RelationType::kAttacked: case RelationType::kKilled: case RelationType::kMassacred:
    case RelationType::kFought: case RelationType::kSeized: case RelationType::kCoerced:
    case RelationType::kArrested: case RelationType::kExpelled: case RelationType::kSanctioned:
    case RelationType::kReducedRelationsWith:
      return true;
    default:
      return false;
  }
}

// True if v (or the verb it is conjoined to) has will, shall or would.
bool FutureAux(const Tree& t, uint32_t v) {
  for (int hop = 0; hop < 3; ++hop) {
    for (uint32_t k : t.Kids(v))
      if (t.D(k) == Dep::kAux && C().future_aux.Has(t.L(k))) return true;
    if (t.D(v) != Dep::kConj || t.H(v) < 0) return false;
    v = static_cast<uint32_t>(t.H(v));
  }
  return false;
}

// True if the negation of v is a refusal: a refusing verb above it, or a
// negated will/would ("will not accept").
bool Refusal(const Tree& t, uint32_t v) {
  if (t.D(v) == Dep::kXcomp && t.H(v) >= 0 && C().refusing.Has(t.L(static_cast<uint32_t>(t.H(v)))))
    return true;
  bool negated = false, future = false;
  for (uint32_t k : t.Kids(v)) {
    if ((t.D(k) == Dep::kAdvmod && C().negators.Has(t.L(k))) || NegatedAuxiliary(t, k)) negated = true;
    if (t.D(k) == Dep::kAux && C().future_aux.Has(t.L(k))) future = true;
  }
  return negated && future;
}

// A verbal event (CAMEO 01-05 and 10-14: statements, appeals, demands,
// rejections, threats), as opposed to a material one.
bool Verbal(RelationType type) {
  const std::string_view root = graph::InfoOf(type).cameo;
  if (root.size() != 2) return false;
  const int code = (root[0] - '0') * 10 + (root[1] - '0');
  return (code >= 1 && code <= 5) || (code >= 10 && code <= 14);
}

// v is what a speaker says: the complement of a verb of saying, directly
// or through verbs of intention ("said it will refuse to comply").
bool SaidOf(const Tree& t, uint32_t v) {
  uint32_t x = v;
  for (int hop = 0; hop < 3; ++hop) {
    const int h = t.H(x);
    if (h < 0) return false;
    if (t.D(x) == Dep::kCcomp) return C().speech.Has(t.L(static_cast<uint32_t>(h)));
    if (t.D(x) != Dep::kXcomp) return false;
    x = static_cast<uint32_t>(h);
  }
  return false;
}

// "struck a target in the Gaza Strip": an attack on something unnamed is
// coded against the place where it happened, v's "in", "at" or "near"
// phrase. Appends to *out (empty) a place, country or site.
void PlaceOfAct(const Tree& t, uint32_t v, std::vector<int>* out) {
  for (uint32_t k : t.Kids(v)) {
    const uint64_t cs = t.CaseOf(k);
    if (!IsObl(t.D(k)) || !C().in_at_near.Has(cs)) continue;
    // "in response to protests at the embassy", "at the talks in X": an
    // event is no place.
    bool event = t.in().lexicon->IsNoun(t.L(k)) || C().light_nouns.Has(t.L(k));
    for (uint32_t g : t.Kids(k)) event |= IsNmod(t.D(g)) && C().to.Has(t.CaseOf(g));
    if (event) continue;
    t.TargetActors(k, out);
    // Only a place ("in response to protests at the embassy" is none).
    for (size_t i = 0; i < out->size(); ++i) {
      const graph::EntityKind kind = t.in().doc->entities[t.in().MentionOf((*out)[i]).entity].kind;
      if (kind != graph::EntityKind::kLocation && kind != graph::EntityKind::kCountry &&
          kind != graph::EntityKind::kFacility)
        out->clear();
    }
    if (!out->empty()) return;
  }
}

// "struck an oil depot in Kharkiv": the place phrase may hang on the
// unnamed object. A city or a site only: a country named there ("a depot
// in Russia") is as often where the thing is as who was hit.
void PlaceOfObject(const Tree& t, uint32_t obj, std::vector<int>* out) {
  if (t.Mention(obj) >= 0) return;
  for (uint32_t k : t.Kids(obj)) {
    if (!IsNmod(t.D(k)) || !C().in_at_near.Has(t.CaseOf(k)) || C().border_nouns.Has(t.L(k))) continue;
    if (t.in().lexicon->IsNoun(t.L(k)) || C().light_nouns.Has(t.L(k))) continue;
    t.TargetActors(k, out);
    for (size_t i = 0; i < out->size(); ++i) {
      const graph::EntityKind kind = t.in().doc->entities[t.in().MentionOf((*out)[i]).entity].kind;
      if (kind != graph::EntityKind::kLocation && kind != graph::EntityKind::kFacility) out->clear();
    }
    if (!out->empty()) return;
  }
}

void HostileActTargets(const Tree& t, uint32_t k, std::vector<int>* targets);

void VerbEvents(const Tree& t, uint32_t v, std::span<const VerbPattern> patterns, bool question,
                TreeScratch* s, std::vector<TreeEvent>* out) {
  std::vector<int>& sources = s->args_a;
  std::vector<int>& targets = s->args_b;
  sources.clear();
  // "an alliance called the Alliance of Sahel States", "a group named X":
  // a participle of naming gives the noun its name, nothing more.
  if ((t.D(v) == Dep::kAcl || t.D(v) == Dep::kAdvcl) && C().naming_verbs.Has(t.L(v)) &&
      parse::XposName(t.Xpos(v)).starts_with("VB") && parse::XposName(t.Xpos(v)) != "VBG" &&
      t.Kid(v, Dep::kNsubj) < 0 && t.Kid(v, Dep::kNsubjPass) < 0)
    return;
  // "calling him a political idiot", "branded the US a terrorist state": a
  // naming verb with an object and a name for it says what the object is.
  if (C().naming_verbs.Has(t.L(v))) {
    int objects = 0;
    for (uint32_t k : t.Kids(v)) objects += t.D(k) == Dep::kObj || t.D(k) == Dep::kIobj ||
                                           (t.D(k) == Dep::kXcomp && t.U(k) != Upos::kVerb);
    if (objects >= 2) return;
  }
  bool fallback = false;
  // "The government Thursday evening expressed condolences": the parser
  // sometimes reads a past-tense verb as an adjective of its object, and
  // that noun as the sentence's predicate with its own subject. Then the
  // noun is the verb's object and the noun's subject the verb's.
  // ("The Security Council on Wednesday lifted sanctions": the subject may
  // be read as the noun's possessor instead.)
  int misread_object = -1, misread_subject = -1;
  if (t.D(v) == Dep::kAmod && t.H(v) > static_cast<int>(v)) {
    const uint32_t h = static_cast<uint32_t>(t.H(v));
    const std::string_view x = parse::XposName(t.Xpos(v));
    if ((x == "VBD" || x == "VBN") && t.H(h) < 0) {
      misread_subject = t.Kid(h, Dep::kNsubj);
      if (misread_subject < 0)
        if (int poss = t.Kid(h, Dep::kNmodPoss); poss >= 0 && poss < static_cast<int>(v) && t.Mention(static_cast<uint32_t>(poss)) >= 0)
          misread_subject = poss;
      if (misread_subject >= 0) misread_object = static_cast<int>(h);
    } else if ((x == "VBD" || x == "VBN") && t.D(h) == Dep::kParataxis && t.H(h) >= 0 && t.H(h) < static_cast<int>(v) &&
               t.H(static_cast<uint32_t>(t.H(h))) < 0 && t.Mention(static_cast<uint32_t>(t.H(h))) >= 0) {
      // "Cuban Parliament President Esteban Lazo on Saturday expressed
      // condolences to X": with the name read as the root, the noun hangs
      // on it as a clause of its own; the name is the verb's subject.
      misread_subject = t.H(h);
      misread_object = static_cast<int>(h);
    }
  }
  // "Putin yesterday rejected a proposal": with an actor's name read as the
  // root and the verb as a clause of it (no agent, an object of its own),
  // the parser has lost the main verb; the name is its subject.
  bool root_name_subject = false;
  if (misread_object < 0 && t.D(v) == Dep::kAcl && t.H(v) >= 0 && t.H(static_cast<uint32_t>(t.H(v))) < 0 &&
      t.H(v) < static_cast<int>(v) && t.Mention(static_cast<uint32_t>(t.H(v))) >= 0 && t.Kid(v, Dep::kObj) >= 0) {
    root_name_subject = true;
    for (uint32_t k : t.Kids(v))
      root_name_subject &= !(t.D(k) == Dep::kOblAgent || (IsObl(t.D(k)) && C().by.Has(t.CaseOf(k))));
  }
  if (misread_object >= 0) t.Actors(static_cast<uint32_t>(misread_subject), &sources);
  else if (root_name_subject) t.Actors(static_cast<uint32_t>(t.H(v)), &sources);
  else SubjectOf(t, v, &sources, &fallback);
  const bool passive = misread_object < 0 && !root_name_subject &&
                       (t.Passive(v) || (t.D(v) == Dep::kAcl && t.IsParticiple(v)));
  // "confirmed the death of a Turkish engineer kidnapped Tuesday in
  // Afghanistan": a victim's verb read as a clause of the main verb, in the
  // past with no subject, marker or auxiliary of its own, right after a
  // noun, is a participle on that noun: the noun is its victim, and whoever
  // did it is not named (the main clause's subject did not).
  if (!passive && t.D(v) == Dep::kAdvcl && C().victim_verbs.Has(t.L(v)) && v > 0 &&
      (t.U(v - 1) == Upos::kNoun || t.U(v - 1) == Upos::kPropn) &&
      parse::XposName(t.Xpos(v)).starts_with("VB") && parse::XposName(t.Xpos(v)) != "VBG" &&
      t.Kid(v, Dep::kNsubj) < 0 && t.Kid(v, Dep::kMark) < 0 && t.Kid(v, Dep::kAux) < 0)
    return;
  // "Blair urged to launch Iraq death toll probe", "Sudan told to disarm
  // militias": a verb that needs someone to appeal to, found with an
  // infinitive but with no one appealed to and no auxiliary, is a
  // headline's passive: its subject is the one urged, by no one named.
  if (C().passive_appeals.Has(t.L(v)) && !passive && t.Kid(v, Dep::kNsubj) >= 0 && t.Kid(v, Dep::kObj) < 0 &&
      t.Kid(v, Dep::kIobj) < 0 && t.Kid(v, Dep::kAux) < 0 && parse::XposName(t.Xpos(v)) != "VBZ" &&
      parse::XposName(t.Xpos(v)) != "VBP")
    if (const int x = t.Kid(v, Dep::kXcomp); x >= 0 && InfinitiveUnderAny(t, static_cast<uint32_t>(x))) return;
  int obj = misread_object >= 0 ? misread_object : t.Kid(v, Dep::kObj);
  // "the two sides battled Saturday in Baghdad": a day's or a month's name
  // read as the object names no patient.
  if (obj >= 0 && t.U(static_cast<uint32_t>(obj)) == Upos::kPropn && C().time_nouns.Has(t.L(static_cast<uint32_t>(obj))))
    obj = -1;
  // "the race hit a new low", "before hitting the road to Pennsylvania",
  // "talks hit a snag": idioms of "hit" strike nobody. (The parser may
  // read "low" as an adjective of what follows: "hit a new low in
  // nastiness".)
  if (obj >= 0 && t.L(v) == C().hit_verb) {
    bool idiom = C().hit_idioms.Has(t.L(static_cast<uint32_t>(obj)));
    for (uint32_t k : t.Kids(static_cast<uint32_t>(obj))) idiom |= t.D(k) == Dep::kAmod && C().hit_idioms.Has(t.L(k));
    if (idiom) return;
  }
  if (obj >= 0 && C().rate_nouns.Has(t.L(static_cast<uint32_t>(obj)))) return;
  // "rejected on Monday an Afghan offer": an object after an inserted
  // phrase is often read as an oblique with no preposition.
  if (obj < 0 && !passive)
    for (uint32_t k : t.Kids(v)) {
      const Dep d = t.D(k);
      if (k > v && (d == Dep::kObl || d == Dep::kOblUnmarked || d == Dep::kOblNpmod) && t.CaseOf(k) == 0 &&
          (t.U(k) == Upos::kNoun || t.U(k) == Upos::kPropn) && !C().time_nouns.Has(t.L(k))) {
        obj = static_cast<int>(k);
        break;
      }
    }
  // "3 Egyptian soldiers killed in Israeli error", "Two hostages freed in
  // Iraq": a headline's counted subject with no object is the victim of a
  // passive without its auxiliary, not the agent.
  // So is any headline subject of such a verb with no object and no agent
  // ("Chinese engineers kidnapped in Pakistan", "Kidnapped Turk killed in
  // Afghanistan", "Italian taken hostage in Iraq"): active, these verbs
  // take their victims as objects. A verb conjoined to another shares its
  // object ("kidnapped and killed two Turks"), and is left alone.
  // "their vehicle hit a land mine", "a convoy struck a roadside bomb":
  // what runs into a weapon is its victim.
  if (obj >= 0 && !passive && C().weapon_nouns.Has(t.L(static_cast<uint32_t>(obj))) &&
      (C().response_verbs.Has(t.L(v)) || t.L(v) == TokenKey("trigger")))
    return;
  // ("taken hostage", "held prisoner": the bare noun; "freed 100 Taliban
  // prisoners" has an object of its own.)
  // ("took three UN workers hostage", often read as a compound of
  // "hostage"; "taken prisoner". But "freed 100 Taliban prisoners" has an
  // object phrase of its own.)
  const bool captive_object = obj >= 0 && C().captive_nouns.Has(t.L(static_cast<uint32_t>(obj)));
  const bool hostage_theme = captive_object && (t.L(static_cast<uint32_t>(obj)) == TokenKey("hostage") ||
                                                t.Kids(static_cast<uint32_t>(obj)).empty());
  // Prisoners are someone's only by a word of their own phrase ("Taliban
  // prisoners", "Israel's prisoners"), not by where one of them was held.
  if (captive_object && !hostage_theme) {
    bool owned = false;
    for (uint32_t k : t.Kids(static_cast<uint32_t>(obj)))
      owned |= k < static_cast<uint32_t>(obj) && t.Mention(k) >= 0 &&
               (t.D(k) == Dep::kCompound || t.D(k) == Dep::kAmod || t.D(k) == Dep::kNmodPoss || t.D(k) == Dep::kFlat);
    if (!owned) return;
  }
  if ((!passive || root_name_subject) && (obj < 0 || hostage_theme) &&
      (C().victim_verbs.Has(t.L(v)) || hostage_theme) && t.D(v) != Dep::kConj) {
    bool agent = false, conjoined = false;
    for (uint32_t k : t.Kids(v)) {
      agent |= t.D(k) == Dep::kOblAgent || (IsObl(t.D(k)) && C().by.Has(t.CaseOf(k)));
      conjoined |= t.D(k) == Dep::kConj && C().victim_verbs.Has(t.L(k));
      if (hostage_theme && k != static_cast<uint32_t>(obj) && (t.D(k) == Dep::kObj || t.D(k) == Dep::kIobj))
        agent = true;  // "took two Italians hostage": the Italians are the object
    }
    if (!agent && !conjoined && (t.Kid(v, Dep::kNsubj) >= 0 || root_name_subject)) return;
  }
  // "400 Kenyan police officers arrived in Haiti": forces arriving in a
  // country are deployed there (CAMEO reads arriving as a visit).
  if (C().arrive_verbs.Has(t.L(v)) && !passive) {
    int subj = t.Kid(v, Dep::kNsubj);
    // "Hundreds of British troops arrived": what the count counts, and
    // whose they are.
    if (subj >= 0 && C().count_nouns.Has(t.L(static_cast<uint32_t>(subj))))
      for (uint32_t k : t.Kids(static_cast<uint32_t>(subj)))
        if (IsNmod(t.D(k)) && C().of.Has(t.CaseOf(k))) subj = static_cast<int>(k);
    const bool counted_sources = sources.empty() && subj >= 0;
    if (counted_sources) t.Actors(static_cast<uint32_t>(subj), &sources);
    if (subj >= 0 && !sources.empty() && C().force_nouns.Has(t.L(static_cast<uint32_t>(subj)))) {
      targets.clear();
      for (uint32_t k : t.Kids(v)) {
        if (!IsObl(t.D(k)) || !C().in_at_near.Has(t.CaseOf(k)) || !targets.empty()) continue;
        t.TargetActors(k, &targets);
        for (size_t i = 0; i < targets.size(); ++i) {
          const graph::EntityKind kind = t.in().doc->entities[t.in().MentionOf(targets[i]).entity].kind;
          if (kind != graph::EntityKind::kCountry) targets.clear();  // a city is where they landed
        }
      }
      if (!targets.empty()) {
        Emit(t, sources, targets, RelationType::kDeployedTo, ModalityAt(t, v, question), v, v + 1, 0.7f, out);
        return;
      }
    }
    // The count's actors were for this rule only.
    if (counted_sources) sources.clear();
  }
  // "Wagner, which has about 1,000 fighters in Mali", "the United States
  // keeps 2,500 troops in Iraq": forces held in a country are deployed there.
  if (C().holding_verbs.Has(t.L(v)) && !passive && !sources.empty() && obj >= 0 &&
      C().force_nouns.Has(t.L(static_cast<uint32_t>(obj)))) {
    targets.clear();
    for (uint32_t head : {static_cast<uint32_t>(obj), v})
      for (uint32_t k : t.Kids(head)) {
        if (!(IsNmod(t.D(k)) || IsObl(t.D(k))) || !C().in.Has(t.CaseOf(k)) || !targets.empty()) continue;
        if (const int m = t.Mention(k); m >= 0 &&
            t.in().doc->entities[t.in().MentionOf(m).entity].kind == graph::EntityKind::kCountry)
          targets.push_back(m);
      }
    if (!targets.empty()) {
      // "has no troops in Mali".
      bool none = false;
      for (uint32_t k : t.Kids(static_cast<uint32_t>(obj))) none |= t.D(k) == Dep::kDet && t.L(k) == TokenKey("no");
      const Modality modality = none ? Modality::kNegated : ModalityAt(t, v, question);
      Emit(t, sources, targets, RelationType::kDeployedTo, modality, v, v + 1, 0.7f, out);
      return;
    }
  }
  // "Musharraf has arrived in Britain for a visit", "the envoy arrived in
  // China for talks": anyone else arriving in a country for a visit or
  // talks visits it. Bare arrivals are not: refugees, bodies and planes
  // arrive too.
  if (C().arrive_verbs.Has(t.L(v)) && !passive && !sources.empty()) {
    bool visit = false;
    for (uint32_t k : t.Kids(v))
      visit |= IsObl(t.D(k)) && t.CaseOf(k) == TokenKey("for") && C().visit_purposes.Has(t.L(k));
    targets.clear();
    for (uint32_t k : t.Kids(v)) {
      if (!visit || !IsObl(t.D(k)) || !C().in_at_near.Has(t.CaseOf(k)) || !targets.empty()) continue;
      t.TargetActors(k, &targets);
      std::erase_if(targets, [&](int m) {
        return t.in().doc->entities[t.in().MentionOf(m).entity].kind != graph::EntityKind::kCountry;
      });
    }
    if (!targets.empty()) {
      Emit(t, sources, targets, RelationType::kMetWith, ModalityAt(t, v, question), v, v + 1, 0.7f, out);
      return;
    }
  }
  // "held three days of talks with X", "eased some of its restrictions on
  // X": the measured noun is the object.
  if (obj >= 0 &&
      (C().measure_nouns.Has(t.L(static_cast<uint32_t>(obj))) || C().partitives.Has(t.L(static_cast<uint32_t>(obj)))) &&
      t.Mention(static_cast<uint32_t>(obj)) < 0)
    for (uint32_t k : t.Kids(static_cast<uint32_t>(obj)))
      if (IsNmod(t.D(k)) && C().of.Has(t.CaseOf(k)) && t.Mention(k) < 0 &&
          (t.U(k) == Upos::kNoun || t.U(k) == Upos::kPropn)) {
        obj = static_cast<int>(k);
        break;
      }
  const int prt = t.Kid(v, Dep::kCompoundPrt);
  // "urged sanctions on Iran": an appeal whose object is a hostile act
  // demands the act against whom it names (CallForEvents reads it); the
  // appeal is made to no one its object names.
  bool urged_act = false;
  if (obj >= 0 && C().appeal.Has(t.L(v))) {
    s->args_c.clear();
    HostileActTargets(t, static_cast<uint32_t>(obj), &s->args_c);
    urged_act = !s->args_c.empty();
  }
  // A pattern naming the object ("send aid", "send troops") says more than
  // one naming only the preposition ("send ... to"): those go first.
  for (int pass = 0; pass < 2; ++pass)
  for (const VerbPattern& p : patterns) {
    if ((pass == 0) != (p.object_key != 0)) continue;
    if (urged_act && p.object_key == 0) continue;
    if (!p.own && p.specificity() == 0 && C().complement_takers.Has(t.L(v)) &&
        t.Kid(v, Dep::kXcomp) >= 0)
      continue;
    // "carried out attacks on X": an event noun as object is the event; the
    // verb's own bare reading ("carry" as transport) is not.
    if (!p.own && p.specificity() == 0 && obj >= 0 &&
        t.in().lexicon->IsNoun(t.L(static_cast<uint32_t>(obj))))
      continue;
    // "suspended a digital tax on U.S. companies", "ended the blockade":
    // easing a restriction concedes (NounEvents reads it from the noun);
    // the verb's bare reading of a cut is not the event.
    if (p.specificity() == 0 && obj >= 0 && C().ease_verbs.Has(t.L(v)) &&
        RestrictionNoun(t, static_cast<uint32_t>(obj)))
      continue;
    // "escaped an attempt on his life", "survived an ambush": what one
    // survives was done to one (SurvivedEvents reads the attack); CAMEO's
    // readings of surviving an attempt as a concession are not ours.
    if (!p.own && C().survive_verbs.Has(t.L(v)) && obj >= 0 &&
        (t.L(static_cast<uint32_t>(obj)) == C().attempt_key ||
         std::any_of(t.in().lexicon->Noun(t.L(static_cast<uint32_t>(obj))).begin(),
                     t.in().lexicon->Noun(t.L(static_cast<uint32_t>(obj))).end(),
                     [](const VerbPattern& np) { return Hostile(np.type); })))
      continue;
    // "steps up efforts for the hostages' release": an effort says how hard
    // one tries, not what one does; CAMEO's readings of verbs with it as
    // object (a deployment, an appeal) guess.
    if (!p.own && p.object_key == C().effort_key) continue;
    // A generic verb ("take", "give", "hold") has CAMEO's bare reading only
    // in specific company ("took a lead" is no seizure): its own entries
    // and specific patterns stand.
    if (!p.own && p.specificity() == 0 && C().generic.Has(t.L(v))) continue;
    // Verbs of saying hold claims; saying itself is no event between actors.
    // (Claiming an attack or responsibility for one is: CAMEO 015.)
    if (p.type == RelationType::kCommentedOn && C().speech.Has(t.L(v)) &&
        (p.object_key == 0 || C().attribution.Has(t.L(v))))
      continue;
    if (p.particle_key != 0 && (prt < 0 || t.L(static_cast<uint32_t>(prt)) != p.particle_key)) continue;
    // "is flying the migrants to Libya": travelling with an object carries
    // it there, which only a pattern naming the object reads; travelling
    // alone is a visit.
    if (C().travel_verbs.Has(t.L(v)) && p.object_key == 0 && C().to.Has(p.prep_key) && !passive && obj >= 0)
      continue;
    // Arriving takes no object: "arrived in Man, western Ivory Coast" is a
    // place, and an arrival is a visit only for one (above).
    if (C().arrive_verbs.Has(t.L(v)) && p.specificity() == 0) continue;
    // "US welcomes Sudan's acceptance", "hosted a conference": welcoming,
    // receiving or hosting a thing meets nobody; only a person, a state or
    // its envoy is received.
    if (p.type == RelationType::kMetWith && p.weak && p.object_key == 0 && p.prep_key == 0 && !passive &&
        obj >= 0 && t.Mention(static_cast<uint32_t>(obj)) < 0 && t.U(static_cast<uint32_t>(obj)) == Upos::kNoun &&
        !C().agent_nouns.Has(t.L(static_cast<uint32_t>(obj))) && !C().member_nouns.Has(t.L(static_cast<uint32_t>(obj))))
      continue;
    // "returned artifacts to Italy" releases them; "is returning to work
    // with the department", "returned to Baghdad" is going back: a
    // release needs what is returned, an object or a noun after the verb
    // the parser hangs there another way ("returned to Brazil last
    // Wednesday 21 frogs").
    // "the presidents called for new efforts": a call for something is an
    // appeal, never the telephone call the bare reading takes it for
    // ("called Erdogan to apologize" is one).
    if (p.type == RelationType::kMetWith && t.L(v) == C().call_verb && HasPrep(t, v, -1, C().for_key))
      continue;
    // "asked his counterparts for support on the Iraq issue": an appeal
    // with an object is made to the object; its "for" phrase is what is
    // asked for, and an actor named inside it is no addressee.
    if (C().appeal.Has(t.L(v)) && p.prep_key == C().for_key && p.object_key == 0 && obj >= 0 && !passive)
      continue;
    if (p.type == RelationType::kReleased && t.L(v) == C().return_verb && obj < 0 && !passive) {
      bool returned = false;
      for (uint32_t k : t.Kids(v))
        returned |= k > v && t.CaseOf(k) == 0 && (t.U(k) == Upos::kNoun || t.U(k) == Upos::kPropn) &&
                    !C().time_nouns.Has(t.L(k)) && !IsSubj(t.D(k)) && t.D(k) != Dep::kConj;
      if (!returned) continue;
    }
    int object_noun = -1;
    if (p.object_key != 0) {
      int o = passive ? t.Kid(v, Dep::kNsubjPass) : obj;
      // "gave Putin a deadline": the theme may be the second object.
      if (!passive && (o < 0 || t.L(static_cast<uint32_t>(o)) != p.object_key))
        for (uint32_t k : t.Kids(v))
          if ((t.D(k) == Dep::kObj || t.D(k) == Dep::kIobj) && t.L(k) == p.object_key) o = static_cast<int>(k);
      // "expelled some of the UN peacekeepers", "freed hundreds of prisoners":
      // a quantity's "of" phrase is the object the pattern names.
      if (o >= 0 && t.L(static_cast<uint32_t>(o)) != p.object_key &&
          (C().partitives.Has(t.L(static_cast<uint32_t>(o))) || C().count_nouns.Has(t.L(static_cast<uint32_t>(o)))))
        for (uint32_t k : t.Kids(static_cast<uint32_t>(o)))
          if (IsNmod(t.D(k)) && C().of.Has(t.CaseOf(k)) && t.L(k) == p.object_key) o = static_cast<int>(k);
      // "ended mediation efforts with the truckers": an effort's compound
      // names the act (the effort stays the noun its phrase hangs on).
      bool compound_act = false;
      if (o >= 0 && t.L(static_cast<uint32_t>(o)) != p.object_key && C().effort_nouns.Has(t.L(static_cast<uint32_t>(o))))
        for (uint32_t k : t.Kids(static_cast<uint32_t>(o)))
          compound_act |= k < static_cast<uint32_t>(o) && t.D(k) == Dep::kCompound && t.L(k) == p.object_key;
      if (o < 0 || (t.L(static_cast<uint32_t>(o)) != p.object_key && !compound_act)) continue;
      // A named actor ("the Lebanese Armed Forces") is no theme noun.
      if (int m = t.Mention(static_cast<uint32_t>(o));
          m >= 0 && t.in().MentionOf(m).form == MentionForm::kName)
        continue;
      object_noun = o;
    }
    targets.clear();
    bool targets_given = false, hostile_complement = false;
    if (p.prep_key != 0 && !HasPrep(t, v, object_noun >= 0 ? object_noun : (passive ? -1 : obj), p.prep_key)) {
      // "gave 352 million euros to promote development in Ethiopia": aid
      // with no recipient phrase goes where its purpose clause names.
      // The parse may hang the clause on the object instead ("donated a
      // shipment of ventilators to assist Ethiopia").
      // "In Kashmir, India imposed a curfew", "In Colombia, the ELN declared
      // a ceasefire": a thing imposed, declared or eased in a place (a
      // pattern naming the object and "in") is in the place a sentence
      // opens with.
      if (p.object_key != 0 && C().in.Has(p.prep_key) && object_noun >= 0)
        if (const int place = OpeningPlace(t, v); place >= 0) t.TargetActors(static_cast<uint32_t>(place), &targets);
      if (targets.empty() && object_noun >= 0 && Restrictive(p.type)) {
        RestrictedActors(t, static_cast<uint32_t>(object_noun), p.prep_key, &targets);
        if (targets.empty())
          if (const int r = ReferencePhrase(t, v, object_noun); r >= 0) t.TargetActors(static_cast<uint32_t>(r), &targets);
      }
      // "sent troops to help the Philippine army": forces sent with no
      // destination phrase to help someone aid whom the help names (Emit
      // makes the deployment aid); to fight someone they are not sent "to"
      // them. ("sends troops into Afghanistan to support a regime" has a
      // destination: another pattern reads it.)
      const int sent = object_noun >= 0 ? object_noun : obj;
      const bool sent_to_help = p.type == RelationType::kDeployedTo && C().to.Has(p.prep_key) &&
                                !HasPrep(t, v, sent, TokenKey("into")) && !HasPrep(t, v, sent, TokenKey("in"));
      if (targets.empty() && (p.type != RelationType::kAided || !C().to.Has(p.prep_key)) && !sent_to_help) continue;
      auto purpose_targets = [&](uint32_t head, Dep clause) {
        for (uint32_t k : t.Kids(head)) {
          if (t.D(k) != clause || !InfinitiveUnderAny(t, k)) continue;
          if (sent_to_help && !C().help_verbs.Has(t.L(k))) continue;
          for (uint32_t g : t.Kids(k))
            if ((t.D(g) == Dep::kObj || IsObl(t.D(g))) && targets.empty()) t.TargetActors(g, &targets);
          // "to support projects which benefit Palestinian refugees", "to
          // pay for aid for those affected in Yemen": whom the purpose
          // serves may be named in a clause inside its argument.
          if (targets.empty()) ServedActors(t, k, &targets);
        }
      };
      if (!sent_to_help) UnnamedRecipientActors(t, v, p.prep_key, &targets);
      if (targets.empty()) purpose_targets(v, Dep::kAdvcl);
      if (targets.empty() && obj >= 0) purpose_targets(static_cast<uint32_t>(obj), Dep::kAcl);
      // "provided 28 million euros this year to pay for ...": the parse
      // may hang the clause on a time phrase of the verb.
      for (uint32_t k : t.Kids(v))
        if (targets.empty() && IsObl(t.D(k)) && C().time_nouns.Has(t.L(k))) purpose_targets(k, Dep::kAcl);
      if (targets.empty()) continue;
      targets_given = true;
    }
    if (targets_given) {  // the opening place or the purpose clause gave them
    } else if (p.prep_key != 0) {
      // "welcomed the visit by the Sudanese minister to Sofia": a visit's
      // own "to" phrase is where it goes; its author is the one welcomed.
      if (object_noun < 0 && !passive && obj >= 0 && t.Mention(static_cast<uint32_t>(obj)) < 0 &&
          C().visit_trips.Has(t.L(static_cast<uint32_t>(obj))))
        t.AuthorActors(static_cast<uint32_t>(obj), &targets, false);
      // "gave medical equipment to X": the phrase may hang on the object.
      if (targets.empty())
        PrepActors(t, v, object_noun >= 0 ? object_noun : (passive ? -1 : obj), p.prep_key, &targets);
      // "clashed with militants in the streets of Baghdad": one fights with
      // a party; a place inside the phrase that names none is where.
      if (p.type == RelationType::kFought && C().with.Has(p.prep_key))
        std::erase_if(targets, [&](int m) {
          const graph::EntityKind kind = t.in().doc->entities[t.in().MentionOf(m).entity].kind;
          return kind == graph::EntityKind::kLocation || kind == graph::EntityKind::kFacility;
        });
      if (targets.empty() && p.type == RelationType::kAided && C().to.Has(p.prep_key))
        UnnamedRecipientActors(t, v, p.prep_key, &targets);
      if (targets.empty() && object_noun >= 0 && Restrictive(p.type))
        RestrictedActors(t, static_cast<uint32_t>(object_noun), p.prep_key, &targets);
    } else if (p.object_key != 0) {
      // "gave Putin a warning": the recipient (an indirect object, or the
      // other object where the parse has two).
      for (uint32_t k : t.Kids(v))
        if ((t.D(k) == Dep::kIobj || t.D(k) == Dep::kObj) && static_cast<int>(k) != object_noun && targets.empty())
          t.Actors(k, &targets);
      // "rejected U.S. calls for a ceasefire in Tigray", "accepted Iran's
      // offer of talks with X": a response to what is proposed is aimed at
      // its author before anyone its phrase names.
      if (targets.empty() && C().proposal_nouns.Has(t.L(static_cast<uint32_t>(object_noun))))
        t.AuthorActors(static_cast<uint32_t>(object_noun), &targets);
      if (targets.empty()) PrepActors(t, v, object_noun, 0, &targets);
      // "summoned France's ambassador": an envoy or official as object
      // stands for the actor that sends them.
      if (targets.empty() && C().agent_nouns.Has(t.L(static_cast<uint32_t>(object_noun))))
        t.Actors(static_cast<uint32_t>(object_noun), &targets);
      // "froze Armenia's participation in the CSTO": what it is in.
      if (targets.empty() && C().membership_nouns.Has(t.L(static_cast<uint32_t>(object_noun))))
        t.TargetActors(static_cast<uint32_t>(object_noun), &targets);
      // "rejected Iran's offer", "welcomed a request by X": the author of
      // what the object names.
      // ("brought warnings from the EU", "drew criticism from X": what the
      // subject draws is aimed at the subject, so its author is no target.)
      if (targets.empty() && !C().drawing_verbs.Has(t.L(v)))
        t.AuthorActors(static_cast<uint32_t>(object_noun), &targets);
      // "expressed optimism at the prospect of a trade resolution with
      // China", "voiced concern over X": a comment is about what its
      // phrase of stance names ("at" places other acts), not an occasion
      // ("at a news conference").
      if (targets.empty() && p.type == RelationType::kCommentedOn)
        for (uint32_t head : {v, static_cast<uint32_t>(object_noun)})
          for (uint32_t k : t.Kids(head))
            if (targets.empty() && k > static_cast<uint32_t>(object_noun) && (IsObl(t.D(k)) || IsNmod(t.D(k))) &&
                C().stance_preps.Has(t.CaseOf(k)) && !C().light_nouns.Has(t.L(k)) && !C().time_nouns.Has(t.L(k)))
              t.TargetActors(k, &targets);
      // "expressed pessimism about bringing the North Korean standoff to an
      // end", "voiced hope that the government in Greece will help": a
      // comment is about who its clause names.
      if (targets.empty() && p.type == RelationType::kCommentedOn)
        for (uint32_t head : {v, static_cast<uint32_t>(object_noun)})
          for (uint32_t k : t.Kids(head)) {
            const Dep d = t.D(k);
            if (!targets.empty() || !(d == Dep::kAdvcl || d == Dep::kAcl || d == Dep::kCcomp ||
                                      d == Dep::kParataxis || d == Dep::kAclRelcl))
              continue;
            if (int subj = t.Kid(k, Dep::kNsubj); subj >= 0) {
              t.Actors(static_cast<uint32_t>(subj), &targets);
            } else {
              for (uint32_t g : t.Kids(k))
                if ((t.D(g) == Dep::kObj || IsObl(t.D(g))) && targets.empty()) t.TargetActors(g, &targets);
            }
          }
      // "stormed a police headquarters in X", "seized a town near X": the
      // object of a hostile act is its patient, coded by what it names.
      if (targets.empty() && Hostile(p.type)) t.TargetActors(static_cast<uint32_t>(object_noun), &targets);
    } else if (passive) {
      PatientOf(t, v, &targets);
    } else if (obj >= 0) {
      // CAMEO's bare readings ("overcome" as an attack) take the object's
      // own actor; ours also one inside it ("stormed a post in X").
      // "condemned the beheading of an American hostage": condemning a
      // hostile act is aimed at its author ("the US strikes", "attacks by
      // X"), never at its victim inside the noun's phrase.
      // (So is protesting one: "held to protest the massacre of Congolese
      // refugees" is aimed at whoever did it.)
      const bool condemned_act = (p.type == RelationType::kCondemned || p.type == RelationType::kProtestedAgainst) &&
                                 C().victim_nouns.Has(t.L(static_cast<uint32_t>(obj))) &&
                                 t.Mention(static_cast<uint32_t>(obj)) < 0;
      // "vetoed a Japanese-drafted resolution on Syria", "welcomed the visit
      // by the Sudanese foreign minister": a response to what someone
      // proposed or did in person is aimed at its author before anyone its
      // phrase names.
      const uint64_t ol = t.L(static_cast<uint32_t>(obj));
      if (!condemned_act && t.Mention(static_cast<uint32_t>(obj)) < 0 &&
          (C().proposal_nouns.Has(ol) || C().visit_trips.Has(ol)))
        t.AuthorActors(static_cast<uint32_t>(obj), &targets, false);
      if (!targets.empty()) {
      } else if (condemned_act) {
        // Its own modifiers, else "by X"; an "of" phrase names the victim.
        t.Actors(static_cast<uint32_t>(obj), &targets);
        if (targets.empty())
          for (uint32_t k : t.Kids(static_cast<uint32_t>(obj)))
            if (IsNmod(t.D(k)) && C().by.Has(t.CaseOf(k)) && targets.empty()) t.Actors(k, &targets);
      } else if (p.own) {
        t.TargetActors(static_cast<uint32_t>(obj), &targets);
      } else {
        t.Actors(static_cast<uint32_t>(obj), &targets);
        // "sent emergency supplies and doctors to Nepal": a recipient
        // phrase the parse hangs on the object.
        if (targets.empty())
          for (uint32_t k : t.Kids(static_cast<uint32_t>(obj)))
            if (IsNmod(t.D(k)) && C().to_into.Has(t.CaseOf(k)) && targets.empty()) t.TargetActors(k, &targets);
      }
      if (targets.empty())
        if (int io = t.Kid(v, Dep::kIobj); io >= 0) t.Actors(static_cast<uint32_t>(io), &targets);
    } else if (int io = t.Kid(v, Dep::kIobj); io >= 0) {
      t.Actors(static_cast<uint32_t>(io), &targets);
    }
    // ("EU force takes over in Bosnia": nothing is seized without an object.)
    if (targets.empty() && (p.type == RelationType::kAttacked || p.type == RelationType::kKilled ||
                            p.type == RelationType::kMassacred || p.type == RelationType::kCoerced ||
                            (p.type == RelationType::kSeized && obj >= 0)))
      PlaceOfAct(t, v, &targets);
    if (targets.empty() && obj >= 0 &&
        (p.type == RelationType::kAttacked || p.type == RelationType::kKilled ||
         p.type == RelationType::kMassacred || p.type == RelationType::kSeized))
      PlaceOfObject(t, static_cast<uint32_t>(obj), &targets);
    // A pattern that asks for a preposition, particle or object and finds
    // it decides the type even without a target; a bare one needs a target.
    const bool specific = p.particle_key != 0 || p.object_key != 0 || p.prep_key != 0;
    if (targets.empty()) {
      // "threatened to cut aid to X", "pledged to send troops to X": the
      // target from the open complement.
      // Not of a denial: "denied arming the group" rejects whoever made the
      // claim (the blame read elsewhere), not the group.
      if (int x = t.Kid(v, Dep::kXcomp); x >= 0 && !specific && !C().denial.Has(t.L(v))) {
        const uint32_t xc = static_cast<uint32_t>(x);
        // "vowed to kill a UN hostage": a pledge of a hostile act is a threat.
        for (const VerbPattern& xp : t.in().lexicon->Verb(t.L(xc)))
          hostile_complement |= xp.object_key == 0 && xp.prep_key == 0 && xp.particle_key == 0 && Hostile(xp.type);
        const int o = t.Kid(xc, Dep::kObj);
        if (o >= 0) t.Actors(static_cast<uint32_t>(o), &targets);
        // "agreed to lift embargoes against X": the phrase on the object.
        if (targets.empty()) PrepActors(t, xc, o, 0, &targets, Hostile(p.type) || !CooperativeType(p.type));
        // "threatened to shell the bases of government forces in Hama
        // province": a hostile act on something unnamed, where it would be.
        if (targets.empty() && hostile_complement) PlaceOfAct(t, xc, &targets);
        if (targets.empty() && hostile_complement && o >= 0) PlaceOfObject(t, static_cast<uint32_t>(o), &targets);
      }
    }
    // Whether mention m names one of the sources (the actor itself).
    const auto self = [&](int m) {
      for (int src : sources)
        if (t.in().MentionOf(m).entity == t.in().MentionOf(src).entity) return true;
      return false;
    };
    // "threatened to close its border if Sudan kept arming the rebels": a
    // threat whose act names no one but the threatener is aimed at whom its
    // condition names.
    if (!specific && C().threat.Has(t.L(v)) && std::all_of(targets.begin(), targets.end(), self)) {
      bool found = false;
      for (const int head : {t.Kid(v, Dep::kXcomp), static_cast<int>(v)}) {
        if (head < 0 || found) continue;
        for (uint32_t k : t.Kids(static_cast<uint32_t>(head))) {
          if (t.D(k) != Dep::kAdvcl) continue;
          bool condition = false;
          for (uint32_t c : t.Kids(k)) condition |= t.D(c) == Dep::kMark && C().conditional_marks.Has(t.L(c));
          const int subj = t.Kid(k, Dep::kNsubj);
          if (!condition || subj < 0) continue;
          const size_t before = targets.size();
          t.Actors(static_cast<uint32_t>(subj), &targets);
          if (targets.size() == before) continue;
          targets.erase(targets.begin(), targets.begin() + static_cast<std::ptrdiff_t>(before));
          found = true;
          break;
        }
      }
    }
    // "sent a team to Detroit to investigate a crash", "dispatched
    // inspectors to Qatar to examine the report": an inquiry into what no
    // actor names is made where those sent for it go.
    if (targets.empty() && p.type == RelationType::kInvestigated && t.D(v) == Dep::kAdvcl && t.H(v) >= 0 &&
        InfinitiveUnderAny(t, v) && static_cast<uint32_t>(t.H(v)) < v) {
      const uint32_t h = static_cast<uint32_t>(t.H(v));
      for (uint32_t k : t.Kids(h))
        if (targets.empty() && k < v && IsObl(t.D(k)) && C().to_into.Has(t.CaseOf(k))) t.TargetActors(k, &targets);
      // ("sent a team of experts to Chad": the phrase may hang on those sent.)
      if (const int k = DeepPrep(t, h, C().to_key); targets.empty() && k >= 0 && static_cast<uint32_t>(k) < v)
        t.TargetActors(static_cast<uint32_t>(k), &targets);
    }
    // "Armenia and Azerbaijan accused each other": each subject did it to
    // the other.
    if (targets.empty() && !specific && sources.size() >= 2 && obj >= 0 &&
        Reciprocal(t, static_cast<uint32_t>(obj))) {
      EmitPairs(t, sources, p.type, ModalityAt(t, v, question), v, v + 1, p.own ? 0.7f : 0.6f, out,
                /*both_ways=*/true);
      return;
    }
    // "Iran warns its missiles can hit Israel", "warned it would strike
    // the rebels": a warning that the warner's own side may do a hostile
    // act threatens whom the act is aimed at. (A warning that someone else
    // may act threatens nobody: "warned that Hamas could attack Israel".)
    // ("its missiles" as the warning's object names the warner itself.)
    if (!specific && C().threat.Has(t.L(v)) && std::all_of(targets.begin(), targets.end(), self))
      for (uint32_t c : t.Kids(v)) {
        targets.clear();
        if (t.D(c) != Dep::kCcomp) continue;
        bool hostile = false;
        for (const VerbPattern& cp : t.in().lexicon->Verb(t.L(c)))
          hostile |= cp.object_key == 0 && cp.prep_key == 0 && cp.particle_key == 0 && Hostile(cp.type);
        int subj = t.Kid(c, Dep::kNsubj);
        // ("warns its missiles can hit ...": the parser may make the
        // clause's subject the warning's object.)
        if (subj < 0 && obj >= 0 && static_cast<uint32_t>(obj) < c) subj = obj;
        if (!hostile || subj < 0) break;
        std::vector<int>& doers = s->args_c;
        doers.clear();
        t.Actors(static_cast<uint32_t>(subj), &doers);
        const bool own = !doers.empty() && std::all_of(doers.begin(), doers.end(), self);
        if (!own) break;
        const int o = t.Kid(c, Dep::kObj);
        if (o >= 0) t.TargetActors(static_cast<uint32_t>(o), &targets);
        if (targets.empty()) PlaceOfAct(t, c, &targets);
        break;
      }
    // "X and Y agreed", "X and Y signed a memorandum", "X and Y held talks":
    // one symmetric edge between the coordinated subjects.
    const bool object_only = p.object_key != 0 && p.prep_key == 0 && p.particle_key == 0;
    // ("X and Y agreed on a ceasefire": an agreement's topic is no party.)
    const bool agreed_on = p.type == RelationType::kAgreedWith && p.prep_key != 0 && p.object_key == 0 &&
                           p.particle_key == 0 && !C().with.Has(p.prep_key);
    // ("Brazil and France called for efforts to fight poverty": what the
    // coordinated fight is a thing, not each other.)
    const bool fought_thing = Hostile(p.type) && obj >= 0 && t.Mention(static_cast<uint32_t>(obj)) < 0;
    if (targets.empty() && (!specific || object_only || agreed_on) && graph::InfoOf(p.type).symmetric &&
        sources.size() >= 2 && !fought_thing) {
      uint32_t tb = v, te = v + 1;
      if (object_noun > static_cast<int>(v) && static_cast<uint32_t>(object_noun) < v + 6)
        te = static_cast<uint32_t>(object_noun) + 1;
      EmitPairs(t, sources, p.type, ModalityAt(t, v, question), tb, te, p.own ? 0.7f : 0.6f, out);
      return;
    }
    if (targets.empty()) {
      if (specific) return;
      continue;
    }
    if (sources.empty()) return;
    uint32_t tb = v, te = v + 1;
    for (int extra : {prt, object_noun})
      if (extra >= 0 && static_cast<uint32_t>(extra) + 1 > te && static_cast<uint32_t>(extra) < v + 6)
        te = static_cast<uint32_t>(extra) + 1;
    // A person leaving a place travels ("Mbeki left Ivory Coast after
    // talks"); forces and states leaving it withdraw.
    if (p.type == RelationType::kWithdrewFrom && C().leave.Has(t.L(v))) {
      bool person = false;
      for (int m : sources) person |= t.in().doc->entities[t.in().MentionOf(m).entity].kind == graph::EntityKind::kPerson;
      if (person || !ForcesOrState(t, v)) return;
      // "left their base, heading north": leaving one's own place is a
      // move, not a withdrawal from anyone.
      if (obj >= 0)
        if (const int poss = t.Kid(static_cast<uint32_t>(obj), Dep::kNmodPoss);
            poss >= 0 && t.U(static_cast<uint32_t>(poss)) == Upos::kPron)
          return;
    }
    // "Sharon faces Netanyahu challenge", "Turkey faces long road to EU
    // membership": one faces a rival in a meeting, but a thing faced is a
    // problem, and the actor inside its phrase, or named before it (the
    // parser may read that name as a second object), is met by no one.
    if (t.L(v) == C().face_verb && p.type == RelationType::kMetWith) {
      bool problem = false;
      for (uint32_t k : t.Kids(v))
        problem |= t.D(k) == Dep::kObj && t.U(k) == Upos::kNoun && t.Mention(k) < 0 && !C().agent_nouns.Has(t.L(k));
      if (problem) return;
    }
    // "visits Arafat's grave", "laid a wreath at the Gandhi memorial": a
    // visit to a grave or a memorial honours the dead; no one is met.
    if (p.type == RelationType::kMetWith && obj >= 0 && t.Mention(static_cast<uint32_t>(obj)) < 0 &&
        C().memorial_nouns.Has(t.L(static_cast<uint32_t>(obj))))
      return;
    // "Howard and Latham target marginal seats around Sydney": people
    // "target" a place as a campaign's or a policy's aim; the attacks that
    // strike places are done by forces and groups.
    if (t.L(v) == C().target_verb && Hostile(p.type)) {
      bool people_on_places = true;
      for (int m : sources)
        people_on_places &= t.in().doc->entities[t.in().MentionOf(m).entity].kind == graph::EntityKind::kPerson;
      for (int m : targets)
        people_on_places &= t.in().doc->entities[t.in().MentionOf(m).entity].kind == graph::EntityKind::kLocation;
      if (people_on_places) return;
    }
    // "shot down a German proposal", "killed the bill": a hostile verb on a
    // proposal rejects it.
    RelationType type = p.type;
    if (type == RelationType::kPledgedTo && hostile_complement) type = RelationType::kThreatened;
    if ((type == RelationType::kAttacked || type == RelationType::kKilled || type == RelationType::kFought) && obj >= 0 &&
        C().proposal_nouns.Has(t.L(static_cast<uint32_t>(obj))))
      type = RelationType::kRejected;
    // "issued a deportation order against X", "an arrest warrant for X": an
    // order is for the act its compound names.
    if (object_noun >= 0 && C().order_nouns.Has(t.L(static_cast<uint32_t>(object_noun))))
      for (uint32_t k : t.Kids(static_cast<uint32_t>(object_noun)))
        if (t.D(k) == Dep::kCompound && k < static_cast<uint32_t>(object_noun))
          for (const VerbPattern& np : t.in().lexicon->Noun(t.L(k)))
            if (Hostile(np.type)) {
              type = np.type;
              break;
            }
    // "began evacuating thousands of French and other expatriates":
    // evacuating people rescues them; only forces leaving a place withdraw.
    // "to have the alliance take over operations in Afghanistan": taking
    // over a duty is a handover, no seizure.
    if (obj >= 0 && ((type == RelationType::kWithdrewFrom && C().evacuee_nouns.Has(t.L(static_cast<uint32_t>(obj)))) ||
                     (type == RelationType::kSeized && C().duty_nouns.Has(t.L(static_cast<uint32_t>(obj))))))
      return;
    // "the decision to go to war with Iraq": going to war is fighting, not
    // the visit CAMEO reads in "go to".
    if (type == RelationType::kMetWith && t.L(v) == C().go_verb)
      for (uint32_t k : t.Kids(v))
        if (IsObl(t.D(k)) && C().to.Has(t.CaseOf(k)) && t.L(k) == C().war_noun) type = RelationType::kFought;
    float conf = p.own ? 0.75f : 0.65f;
    if (fallback) conf -= 0.1f;
    if (p.weak) conf -= 0.15f;
    const Modality modality = ModalityAt(t, v, question);
    if (p.inverse)
      Emit(t, targets, sources, type, modality, tb, te, conf, out);
    else
      Emit(t, sources, targets, type, modality, tb, te, conf, out);
    // "is ready to send troops to X", "considers imposing sanctions on X":
    // the intention is an event now (a pledge or a threat), the act a
    // future one.
    if (t.D(v) == Dep::kXcomp && t.H(v) >= 0 &&
        (modality == Modality::kHypothetical || modality == Modality::kFuture) && !p.inverse) {
      const uint32_t h = static_cast<uint32_t>(t.H(v));
      if (C().intention.Has(t.L(h))) {
        Emit(t, sources, targets, Hostile(type) ? RelationType::kThreatened : RelationType::kPledgedTo,
             ModalityAt(t, h, question), h, h + 1, conf - 0.1f, out);
      } else if (C().considering.Has(t.L(h))) {
        // "is considering sending aid to X": weighing a policy toward X is
        // itself coded (CAMEO 014), the act is not done.
        Emit(t, sources, targets, RelationType::kCommentedOn, ModalityAt(t, h, question), h, h + 1,
             conf - 0.1f, out);
      }
    } else if (modality == Modality::kFuture && Verbal(type) && SaidOf(t, v)) {
      // "said he would call on the Security Council", "said it will
      // refuse to comply": announcing a verbal act is making it, and the
      // announcement is reported.
      Emit(t, sources, targets, type, question ? Modality::kHypothetical : Modality::kReported, tb, te,
           conf - 0.1f, out);
    } else if (modality == Modality::kFuture && !p.inverse && type != RelationType::kPledgedTo &&
               type != RelationType::kThreatened && !(Verbal(type) && !CooperativeType(type)) &&
               type != RelationType::kReducedRelationsWith && FutureAux(t, v)) {
      // "Farc said it will release X", "Xi will meet Abe": announcing what
      // one will do is itself an event, the way CAMEO codes it (03, intent
      // to cooperate; 13, threaten).
      Emit(t, sources, targets, Hostile(type) ? RelationType::kThreatened : RelationType::kPledgedTo,
           question ? Modality::kHypothetical : Modality::kAsserted, tb, te, conf - 0.15f, out);
    }
    // Refusing to do a thing for an actor ("will not release the pilots",
    // "refuses to lift the ban on X") is itself an event: a rejection.
    // Refusing a hostile act ("would not bar Arafat's return") rejects
    // nobody.
    if (modality == Modality::kNegated && Refusal(t, v) && type != RelationType::kRejected &&
        !Hostile(type) && !p.inverse)
      Emit(t, sources, targets, RelationType::kRejected,
           question ? Modality::kHypothetical : Modality::kAsserted, tb, te, conf - 0.1f, out);
    return;
  }
}

void NounEvents(const Tree& t, uint32_t n, std::span<const VerbPattern> patterns, bool question,
                TreeScratch* s, std::vector<TreeEvent>* out) {
  std::vector<int>& sources = s->args_a;
  std::vector<int>& targets = s->args_b;
  int gov = t.D(n) == Dep::kObj || t.D(n) == Dep::kNsubjPass ? t.H(n) : -1;
  // "ease some of its most stringent restrictions": the verb governs the
  // noun through a quantity of it.
  if (gov < 0 && IsNmod(t.D(n)) && C().of.Has(t.CaseOf(n)) && t.H(n) >= 0) {
    const uint32_t q = static_cast<uint32_t>(t.H(n));
    if ((C().partitives.Has(t.L(q)) || C().count_nouns.Has(t.L(q))) && t.D(q) == Dep::kObj && t.H(q) >= 0)
      gov = t.H(q);
  }
  // "United States reduced military aid to X": a past-tense verb misread as
  // an adjective of its object still governs it (as in VerbEvents); so does
  // a participle that cuts or eases what the noun names ("the suspended
  // talks", "reduced aid").
  if (gov < 0)
    for (uint32_t k : t.Kids(n)) {
      if (k > n || t.D(k) != Dep::kAmod || t.U(k) != Upos::kVerb) continue;
      const std::string_view xpos = parse::XposName(t.Xpos(k));
      if (xpos == "VBD" || (xpos == "VBN" && (C().cut_verbs.Has(t.L(k)) || C().ease_verbs.Has(t.L(k)))))
        gov = static_cast<int>(k);
    }
  // "UN sanctions against Iran were lifted": with no agent, the passive verb
  // has no source, and the noun's own actors tell who and to whom.
  bool agentless = t.D(n) == Dep::kNsubjPass && gov >= 0;
  if (agentless)
    for (uint32_t k : t.Kids(static_cast<uint32_t>(gov)))
      if (t.D(k) == Dep::kOblAgent || (IsObl(t.D(k)) && C().by.Has(t.CaseOf(k)))) agentless = false;
  if (gov >= 0 && !agentless) {
    // The verb has a pattern for this object ("impose sanctions on X"): the
    // verb's event is the one.
    for (const VerbPattern& p : t.in().lexicon->Verb(t.L(static_cast<uint32_t>(gov))))
      if (p.object_key == t.L(n) &&
          (p.prep_key == 0 || HasPrep(t, static_cast<uint32_t>(gov), static_cast<int>(n), p.prep_key)))
        return;
  }
  for (const VerbPattern& p : patterns) {
    RelationType type = p.type;
    if (gov >= 0) {
      // Ending an event is another event: suspending aid reduces relations,
      // lifting sanctions concedes.
      const uint64_t gl = t.L(static_cast<uint32_t>(gov));
      // Ending a visit or a trip is its course, not a cut; cancelling or
      // postponing one is (CAMEO 16).
      if (C().end_verbs.Has(gl) && C().visit_nouns.Has(t.L(n))) return;
      if (C().cut_verbs.Has(gl) &&
          (type == RelationType::kAided || type == RelationType::kCooperatedWith ||
           type == RelationType::kAgreedWith || type == RelationType::kSupported ||
           type == RelationType::kPledgedTo || type == RelationType::kMetWith ||
           type == RelationType::kNegotiatedWith))
        type = RelationType::kReducedRelationsWith;
      else if (C().ease_verbs.Has(gl) &&
               (type == RelationType::kSanctioned || type == RelationType::kCoerced ||
                type == RelationType::kReducedRelationsWith))
        type = RelationType::kConcededTo;
    }
    targets.clear();
    for (uint32_t k : t.Kids(n)) {
      if (!IsNmod(t.D(k))) continue;
      const uint64_t cs = t.CaseOf(k);
      if (p.prep_key != 0 ? cs != p.prep_key : (cs == 0 || C().place_preps.Has(cs) || C().by.Has(cs)))
        continue;
      // "the release of $1.2 billion in U.S. military assistance": who is
      // released is named by the phrase itself, not by an actor inside
      // what is released.
      if (type == RelationType::kReleased) t.Actors(k, &targets);
      else t.TargetActors(k, &targets);
      if (!targets.empty()) break;
    }
    // "a suspension of aid to Egypt", "the lifting of sanctions on Iran":
    // the phrase may hang on the noun's theme.
    for (uint32_t k : t.Kids(n)) {
      if (!targets.empty() || p.prep_key == 0) break;
      if (!IsNmod(t.D(k)) || !C().of.Has(t.CaseOf(k))) continue;
      for (uint32_t g : t.Kids(k))
        if (IsNmod(t.D(g)) && t.CaseOf(g) == p.prep_key && targets.empty()) t.TargetActors(g, &targets);
    }
    // "announced the deployment of 230 troops, including 19 officers, to
    // Liberia", "launched attacks on Monday on X": the parse may hang the
    // noun's target phrase on the verb that governs it, or on one of that
    // verb's arguments after the noun.
    if (targets.empty() && p.prep_key != 0 && t.D(n) == Dep::kObj && gov >= 0) {
      const uint32_t g = static_cast<uint32_t>(gov);
      for (uint32_t k : t.Kids(g))
        if (k > n && targets.empty() && (IsObl(t.D(k)) || MisreadConjPhrase(t, g, k)) &&
            t.CaseOf(k) == p.prep_key)
          t.TargetActors(k, &targets);
      if (targets.empty())
        if (const int k = DeepPrep(t, g, p.prep_key); k > static_cast<int>(n)) t.TargetActors(static_cast<uint32_t>(k), &targets);
    }
    // "Israel's 17-day offensive in Gaza", "US air strikes in Fallujah": an
    // attack on nothing named is coded against the place it struck, as a
    // verb's is (VerbEvents).
    // (Not a company's "operation in Iraq", nor a place named before the
    // noun: "the JW Marriott hotel bombing in Jakarta" names its target.)
    bool place_source = false;
    for (uint32_t k : t.Kids(n))
      if (const int m = t.Mention(k); m >= 0 && k < n) {
        const graph::EntityKind kind = t.in().doc->entities[t.in().MentionOf(m).entity].kind;
        place_source |= kind == graph::EntityKind::kFacility || kind == graph::EntityKind::kLocation;
      }
    // ("unleashed an offensive in Darfur": the place may hang on the light
    // verb that governs the noun.)
    const bool light_gov = gov >= 0 && t.D(n) == Dep::kObj && C().light_verbs.Has(t.L(static_cast<uint32_t>(gov)));
    if (targets.empty() && type == RelationType::kAttacked && !p.weak && !place_source &&
        !C().business_nouns.Has(t.L(n)))
      for (const uint32_t holder : {n, light_gov ? static_cast<uint32_t>(gov) : n}) {
        for (uint32_t k : t.Kids(holder)) {
          if (!targets.empty()) break;
          const bool on_verb = holder != n;
          if ((on_verb && k < n) || !(IsNmod(t.D(k)) || (on_verb && IsObl(t.D(k)))) ||
              !C().in_at_near.Has(t.CaseOf(k)) || C().border_nouns.Has(t.L(k)))
            continue;
          if (t.in().lexicon->IsNoun(t.L(k)) || C().light_nouns.Has(t.L(k))) continue;
          t.TargetActors(k, &targets);
          std::erase_if(targets, [&](int m) {
            const graph::EntityKind kind = t.in().doc->entities[t.in().MentionOf(m).entity].kind;
            return kind != graph::EntityKind::kLocation && kind != graph::EntityKind::kCountry &&
                   kind != graph::EntityKind::kFacility;
          });
        }
        if (!targets.empty()) break;
      }
    if (targets.empty()) continue;
    Modality modality =
        t.H(n) >= 0 ? ModalityAt(t, static_cast<uint32_t>(t.H(n)), question)
                    : (question ? Modality::kHypothetical : Modality::kAsserted);
    if (C().between.Has(p.prep_key) && graph::InfoOf(p.type).symmetric) {
      EmitPairs(t, targets, type, modality, n, n + 1, 0.6f, out);
      return;
    }
    sources.clear();
    // A possessive, a modifying actor, "by X". A name before a plain noun
    // before the event noun names what was hit ("the JW Marriott hotel
    // bombing"), not who did it.
    for (uint32_t k : t.Kids(n)) {
      const Dep d = t.D(k);
      if (d == Dep::kNmodPoss || d == Dep::kCompound || d == Dep::kAmod) {
        bool struck_place = false;
        for (uint32_t j = k + 1; j < n && d == Dep::kCompound; ++j)
          struck_place |= t.Mention(j) < 0 && t.U(j) == Upos::kNoun && t.D(j) == Dep::kCompound && t.H(j) == static_cast<int>(n);
        if (int m = t.Mention(k); m >= 0 && !struck_place) sources.push_back(m);
      } else if (IsNmod(d) && C().by.Has(t.CaseOf(k))) {
        t.Actors(k, &sources);
      }
    }
    float conf = 0.6f;
    // "X launched strikes on Y": the subject of the governing light verb
    // (not of "praised the release of ...": the praiser released nothing).
    // "reduced the humanitarian aid to X", "eased the blockade of X": the
    // subject of a verb that ends or eases what the noun names, too.
    if (sources.empty() && t.D(n) == Dep::kObj && t.H(n) >= 0 &&
        (C().light_verbs.Has(t.L(static_cast<uint32_t>(t.H(n)))) ||
         C().cut_verbs.Has(t.L(static_cast<uint32_t>(t.H(n)))) ||
         C().ease_verbs.Has(t.L(static_cast<uint32_t>(t.H(n)))))) {
      bool fallback = false;
      SubjectOf(t, static_cast<uint32_t>(t.H(n)), &sources, &fallback);
      conf = 0.55f;
    }
    // "claimed responsibility for the attack on X", "claimed the bombing in
    // X": the claimant did it, by its own claim.
    if (sources.empty() && Hostile(type)) {
      uint32_t held = n;
      if (IsNmod(t.D(n)) && t.CaseOf(n) == C().for_key && t.H(n) >= 0 &&
          t.L(static_cast<uint32_t>(t.H(n))) == C().responsibility_noun)
        held = static_cast<uint32_t>(t.H(n));
      if (t.D(held) == Dep::kObj && t.H(held) >= 0 && C().claiming.Has(t.L(static_cast<uint32_t>(t.H(held))))) {
        bool fallback = false;
        SubjectOf(t, static_cast<uint32_t>(t.H(held)), &sources, &fallback);
        modality = Weaker(modality, Modality::kReported);
        conf = 0.55f;
      }
    }
    // "responded with air strikes on X", "retaliated with rocket fire on X":
    // the strikes are the subject's.
    if (sources.empty() && IsObl(t.D(n)) && C().with.Has(t.CaseOf(n)) && t.H(n) >= 0 &&
        C().response_verbs.Has(t.L(static_cast<uint32_t>(t.H(n))))) {
      bool fallback = false;
      SubjectOf(t, static_cast<uint32_t>(t.H(n)), &sources, &fallback);
      conf = 0.55f;
    }
    // "killed two militants in an air strike on a Hamas camp", "wounded
    // five in raids on X": a hostile act's noun in a hostile verb's phrase
    // is the verb's subject's act.
    // (An active verb with its victims as object: "five Iraqis killed in a
    // bombing" names the victims as subject.)
    if (sources.empty() && Hostile(type) && IsObl(t.D(n)) && t.H(n) >= 0 &&
        (C().in.Has(t.CaseOf(n)) || C().with.Has(t.CaseOf(n)) || t.CaseOf(n) == TokenKey("during")) &&
        t.U(static_cast<uint32_t>(t.H(n))) == Upos::kVerb && t.Kid(static_cast<uint32_t>(t.H(n)), Dep::kObj) >= 0 &&
        !t.Passive(static_cast<uint32_t>(t.H(n)))) {
      bool hostile_verb = false;
      for (const VerbPattern& vp : t.in().lexicon->Verb(t.L(static_cast<uint32_t>(t.H(n)))))
        hostile_verb |= vp.object_key == 0 && vp.prep_key == 0 && vp.particle_key == 0 && Hostile(vp.type);
      if (hostile_verb) {
        bool fallback = false;
        SubjectOf(t, static_cast<uint32_t>(t.H(n)), &sources, &fallback);
        conf = 0.55f;
      }
    }
    // "declared victory during a visit to Iraq", "arrived on a visit to
    // Kuwait", "is on a two-day visit to Turkey", "Iraqi president on visit
    // to Kuwait": a visit is made by the clause's subject, or by the noun a
    // headline hangs it on.
    if (sources.empty() && C().visit_trips.Has(t.L(n))) {
      bool fallback = false;
      if (t.Kid(n, Dep::kNsubj) >= 0) {
        SubjectOf(t, n, &sources, &fallback);
      } else if (IsObl(t.D(n)) && t.H(n) >= 0) {
        SubjectOf(t, static_cast<uint32_t>(t.H(n)), &sources, &fallback);
        // What is said or denied "during a visit" does not make the visit
        // a claim: it took place.
        if (t.CaseOf(n) == TokenKey("during")) modality = question ? Modality::kHypothetical : Modality::kAsserted;
      } else if (IsNmod(t.D(n)) && C().on_upon.Has(t.CaseOf(n)) && t.H(n) >= 0) {
        t.Actors(static_cast<uint32_t>(t.H(n)), &sources);
      }
      conf = 0.55f;
    }
    if (sources.empty()) return;
    if (p.weak) conf -= 0.15f;
    if (p.inverse)
      Emit(t, targets, sources, type, modality, n, n + 1, conf, out);
    else
      Emit(t, sources, targets, type, modality, n, n + 1, conf, out);
    return;
  }
}

// "Assad said Turkey must mediate", "the minister said the EU should be
// ready to ...": saying what another actor must do is a demand (CAMEO 10),
// the way event coders code it.
void DemandEvents(const Tree& t, uint32_t v, bool question, TreeScratch* s, std::vector<TreeEvent>* out) {
  std::vector<int>& sources = s->args_a;
  std::vector<int>& targets = s->args_b;
  // "said Wednesday that X must ...": the parser often hangs the clause on
  // the day, as a clause modifying it.
  uint32_t clauses[8];
  uint32_t nc = 0;
  for (uint32_t c : t.Kids(v)) {
    if (t.D(c) == Dep::kCcomp && nc < 8) clauses[nc++] = c;
    if (IsObl(t.D(c)) && C().time_nouns.Has(t.L(c)))
      for (uint32_t g : t.Kids(c))
        if (t.D(g) == Dep::kAcl && g > c && nc < 8 && t.Kid(g, Dep::kMark) >= 0) clauses[nc++] = g;
  }
  for (uint32_t ci = 0; ci < nc; ++ci) {
    const uint32_t c = clauses[ci];
    bool must = false;
    for (uint32_t k : t.Kids(c)) must |= t.D(k) == Dep::kAux && C().obligation.Has(t.L(k));
    if (!must) continue;
    const int subj = t.Kid(c, Dep::kNsubj);
    if (subj < 0) continue;
    targets.clear();
    t.Actors(static_cast<uint32_t>(subj), &targets);
    // "all parties to the conflict in Yemen must", "all political forces
    // in Libya must": parties no name gives are those of the place their
    // phrase names.
    if (targets.empty() && (C().collective_nouns.Has(t.L(static_cast<uint32_t>(subj)))))
      t.TargetActors(static_cast<uint32_t>(subj), &targets);
    if (targets.empty()) continue;
    sources.clear();
    bool fallback = false;
    SubjectOf(t, v, &sources, &fallback);
    if (sources.empty()) continue;
    Emit(t, sources, targets, RelationType::kCalledOn, ModalityAt(t, v, question), v, v + 1,
         fallback ? 0.5f : 0.6f, out);
  }
}

// "Serbia repeated its demand that Kosovo withdraw its police": a demand
// whose clause names who must act asks it of them (CAMEO 10), on behalf of
// the noun's owner or of its verb's subject. The clause's verb is a bare
// subjunctive or takes "should" or "must"; "the demand that Kosovo made" is
// a relative clause, and its subject made the demand.
void DemandNounEvents(const Tree& t, uint32_t n, bool question, TreeScratch* s, std::vector<TreeEvent>* out) {
  std::vector<int>& sources = s->args_a;
  std::vector<int>& targets = s->args_b;
  for (uint32_t c : t.Kids(n)) {
    const Dep d = t.D(c);
    if (c < n || (d != Dep::kAcl && d != Dep::kAclRelcl && d != Dep::kCcomp)) continue;
    // A bare form (the tagger often reads "that Kosovo withdraw" as past).
    bool must = parse::XposName(t.Xpos(c)) == "VB" || TokenKey(t.in().words[c]) == t.L(c);
    for (uint32_t k : t.Kids(c)) {
      if (t.D(k) == Dep::kAux) must = C().obligation.Has(t.L(k));
      if (t.D(k) == Dep::kMark && t.L(k) == C().to_key) must = false;  // "a call for X to": elsewhere
      // "the demands that they make": the relative pronoun is the clause's object.
      if ((t.D(k) == Dep::kObj || IsSubj(t.D(k))) && C().relative_objects.Has(t.L(k))) must = false;
    }
    const int subj = t.Kid(c, Dep::kNsubj);
    if (!must || subj < 0) continue;
    targets.clear();
    t.Actors(static_cast<uint32_t>(subj), &targets);
    if (targets.empty()) continue;
    sources.clear();
    if (const int owner = t.Kid(n, Dep::kNmodPoss); owner >= 0) t.Actors(static_cast<uint32_t>(owner), &sources);
    bool fallback = false;
    if (sources.empty() && t.H(n) >= 0 && t.D(n) == Dep::kObj)
      SubjectOf(t, static_cast<uint32_t>(t.H(n)), &sources, &fallback);
    if (sources.empty()) continue;
    Emit(t, sources, targets, RelationType::kCalledOn, ModalityAt(t, n, question), n, n + 1,
         fallback ? 0.5f : 0.55f, out);
  }
}

// "A Hamas leader survived an Israeli assassination attempt", "escaped a
// Taliban ambush": the survivor was attacked by whoever the attack's own
// modifiers name.
void SurvivedEvents(const Tree& t, uint32_t n, std::span<const VerbPattern> patterns, bool question,
                    TreeScratch* s, std::vector<TreeEvent>* out) {
  if (std::none_of(patterns.begin(), patterns.end(), [](const VerbPattern& p) { return Hostile(p.type); })) return;
  uint32_t h = n;  // "assassination attempt": the compound's head
  if (t.D(n) == Dep::kCompound && t.H(n) > static_cast<int>(n)) h = static_cast<uint32_t>(t.H(n));
  if (t.D(h) != Dep::kObj || t.H(h) < 0 || !C().survive_verbs.Has(t.L(static_cast<uint32_t>(t.H(h))))) return;
  const uint32_t v = static_cast<uint32_t>(t.H(h));
  std::vector<int>& attackers = s->args_a;
  std::vector<int>& survivors = s->args_b;
  attackers.clear();
  t.Actors(h, &attackers);
  if (attackers.empty()) return;
  survivors.clear();
  bool fallback = false;
  SubjectOf(t, v, &survivors, &fallback);
  if (survivors.empty()) return;
  Emit(t, attackers, survivors, RelationType::kAttacked, ModalityAt(t, v, question), n, n + 1, 0.55f, out);
}

// "Three Turkish soldiers were killed when Kurdish rebels ambushed their
// patrol", "a policeman was killed in clashes with militants": a passive
// casualty with no agent of its own was killed by the one who did the
// hostile act of its "when" clause, or whom its clash was with.
void CasualtyEvents(const Tree& t, uint32_t v, bool question, TreeScratch* s, std::vector<TreeEvent>* out) {
  if (!C().casualty_verbs.Has(t.L(v)) || !t.Passive(v)) return;
  std::vector<int>& victims = s->args_b;
  std::vector<int>& agents = s->args_a;
  for (uint32_t k : t.Kids(v))
    if (t.D(k) == Dep::kOblAgent || (IsObl(t.D(k)) && C().by.Has(t.CaseOf(k)))) return;
  const int subj = t.Kid(v, Dep::kNsubjPass);
  if (subj < 0) return;
  victims.clear();
  t.Actors(static_cast<uint32_t>(subj), &victims);
  if (victims.empty()) return;
  RelationType type = RelationType::kKilled;
  for (const VerbPattern& p : t.in().lexicon->Verb(t.L(v)))
    if (p.object_key == 0 && p.prep_key == 0 && p.particle_key == 0 && Hostile(p.type)) {
      type = p.type;
      break;
    }
  for (uint32_t c : t.Kids(v)) {
    agents.clear();
    if (t.D(c) == Dep::kAdvcl && c > v) {
      bool when = false;
      for (uint32_t m : t.Kids(c))
        when |= (t.D(m) == Dep::kMark || t.D(m) == Dep::kAdvmod) && m < c && C().when.Has(t.L(m));
      // (Not a clash: "were killed when supporters clashed with police"
      // does not say which side killed them.)
      bool hostile = false;
      if (!C().clash_nouns.Has(t.L(c)))
        for (const VerbPattern& p : t.in().lexicon->Verb(t.L(c)))
          hostile |= Hostile(p.type) && !graph::InfoOf(p.type).symmetric;
      const int agent = t.Kid(c, Dep::kNsubj);
      if (when && hostile && agent >= 0) t.Actors(static_cast<uint32_t>(agent), &agents);
    } else if (IsObl(t.D(c)) && C().in.Has(t.CaseOf(c)) && C().clash_nouns.Has(t.L(c))) {
      for (uint32_t w : t.Kids(c))
        if (IsNmod(t.D(w)) && C().with.Has(t.CaseOf(w))) t.Actors(w, &agents);
    }
    if (agents.empty()) continue;
    Emit(t, agents, victims, type, ModalityAt(t, v, question), v, v + 1, 0.55f, out);
    return;
  }
}

// "sanctions against Turkey", "strikes on the rebels": whom a hostile act
// noun k is aimed at, by its own phrase the lexicon's noun patterns name.
// Appends to *targets, which the caller leaves empty.
void HostileActTargets(const Tree& t, uint32_t k, std::vector<int>* targets) {
  for (const VerbPattern& p : t.in().lexicon->Noun(t.L(k))) {
    if (!Hostile(p.type) || p.prep_key == 0) continue;
    for (uint32_t g : t.Kids(k))
      if (IsNmod(t.D(g)) && t.CaseOf(g) == p.prep_key && targets->empty()) t.TargetActors(g, targets);
    if (!targets->empty()) return;
  }
}

// "Greece called for sanctions against Turkey", "urged strikes on the
// rebels": calling for a hostile act against someone demands it against
// them (CAMEO 10), whoever is to carry it out. The act is what the appeal
// is "for", or its object.
void CallForEvents(const Tree& t, uint32_t v, bool question, TreeScratch* s, std::vector<TreeEvent>* out) {
  if (!C().appeal.Has(t.L(v))) return;
  for (uint32_t k : t.Kids(v)) {
    if (!(IsObl(t.D(k)) && t.CaseOf(k) == C().for_key) && t.D(k) != Dep::kObj) continue;
    std::vector<int>& targets = s->args_b;
    targets.clear();
    HostileActTargets(t, k, &targets);
    if (targets.empty()) continue;
    std::vector<int>& sources = s->args_a;
    sources.clear();
    bool fallback = false;
    SubjectOf(t, v, &sources, &fallback);
    if (sources.empty()) return;
    Emit(t, sources, targets, RelationType::kCalledOn, ModalityAt(t, v, question), v, v + 1, 0.55f, out);
    return;
  }
}

// "The United States is skeptical of a Russian announcement", "China is
// concerned about X": a stance stated as an adjective is a comment (CAMEO
// 012/013) on what its phrase names.
void StanceEvents(const Tree& t, uint32_t a, bool question, TreeScratch* s, std::vector<TreeEvent>* out) {
  std::vector<int>& sources = s->args_a;
  std::vector<int>& targets = s->args_b;
  sources.clear();
  bool fallback = false;
  SubjectOf(t, a, &sources, &fallback);
  if (sources.empty()) return;
  targets.clear();
  for (uint32_t k : t.Kids(a))
    if (IsObl(t.D(k)) && C().stance_preps.Has(t.CaseOf(k)) && targets.empty()) t.TargetActors(k, &targets);
  if (targets.empty()) return;
  Emit(t, sources, targets, RelationType::kCommentedOn, ModalityAt(t, a, question), a, a + 1, 0.55f, out);
}

// The relation a noun of membership, affiliation or leadership states, if
// it is one.
bool TieOf(uint64_t lemma, RelationType* type) {
  if (C().member_nouns.Has(lemma) || C().membership_nouns.Has(lemma)) *type = RelationType::kMemberOf;
  else if (C().part_nouns.Has(lemma)) *type = RelationType::kPartOf;
  else if (C().ally_nouns.Has(lemma)) *type = RelationType::kAlliedWith;
  else if (C().leader_nouns.Has(lemma)) *type = RelationType::kLeaderOf;
  else return false;
  return true;
}

// "Lithuania and Germany are both members of NATO", "JNIM, an al-Qaeda
// affiliate", "Kim Yo Jong, a senior official of the Workers' Party", "the
// head of the junta, General Tiani": who holds the tie is the subject of the
// copula or the actor in apposition; to whom, the "of" phrase ("for" after
// "front") or an actor modifying the noun.
void TieEvents(const Tree& t, uint32_t n, RelationType type, bool question, TreeScratch* s,
               std::vector<TreeEvent>* out) {
  std::vector<int>& sources = s->args_a;
  std::vector<int>& targets = s->args_b;
  sources.clear();
  const bool membership = C().membership_nouns.Has(t.L(n));
  if (membership) {
    // "froze Armenia's participation in the CSTO": the owner, and the body
    // after "in" or "of" (below).
    if (const int owner = t.Kid(n, Dep::kNmodPoss); owner >= 0 && t.Mention(owner) >= 0)
      t.Actors(static_cast<uint32_t>(owner), &sources);
  } else if (t.Kid(n, Dep::kCop) >= 0) {
    if (const int subj = t.Kid(n, Dep::kNsubj); subj >= 0) t.Actors(static_cast<uint32_t>(subj), &sources);
  } else if ((t.D(n) == Dep::kXcomp || t.D(n) == Dep::kObj) && t.H(n) >= 0 &&
             C().copular_verbs.Has(t.L(static_cast<uint32_t>(t.H(n))))) {
    // "its forces remained part of the AU mission", "became a member of".
    if (const int subj = t.Kid(static_cast<uint32_t>(t.H(n)), Dep::kNsubj); subj >= 0)
      t.Actors(static_cast<uint32_t>(subj), &sources);
  } else if (t.D(n) == Dep::kAppos && t.H(n) >= 0) {
    t.Actors(static_cast<uint32_t>(t.H(n)), &sources);
  } else {
    for (uint32_t k : t.Kids(n))
      if (t.D(k) == Dep::kAppos && t.Mention(k) >= 0 && t.in().MentionOf(t.Mention(k)).form == MentionForm::kName)
        t.Actors(k, &sources);
  }
  if (sources.empty()) return;
  targets.clear();
  const uint64_t front = TokenKey("front"), for_key = TokenKey("for");
  for (uint32_t k : t.Kids(n)) {
    if (!IsNmod(t.D(k))) continue;
    const uint64_t cs = t.CaseOf(k);
    if (membership ? C().in_of.Has(cs) : (C().of_from.Has(cs) || (cs == for_key && t.L(n) == front)))
      t.Actors(k, &targets);
    if (!targets.empty()) break;
  }
  if (targets.empty() && !membership) {
    for (uint32_t k : t.Kids(n)) {
      const Dep d = t.D(k);
      if (k < n && (d == Dep::kNmodPoss || d == Dep::kCompound || d == Dep::kAmod))
        if (const int m = t.Mention(k); m >= 0) targets.push_back(m);
    }
  }
  // One belongs to, leads or serves a country, a body or a group; a person
  // can only be an ally. Unknown capitalised words tie nothing ("Lebanon PM
  // Resigns, Says Will Not Head New Govt.").
  const size_t known = t.in().doc->mentions.size();
  std::erase_if(sources, [&](int m) { return static_cast<size_t>(m) >= known; });
  std::erase_if(targets, [&](int m) {
    return static_cast<size_t>(m) >= known ||
           (type != RelationType::kAlliedWith &&
            t.in().doc->entities[t.in().MentionOf(m).entity].kind == graph::EntityKind::kPerson);
  });
  if (sources.empty()) return;
  if (targets.empty()) return;
  Emit(t, sources, targets, type, ModalityAt(t, n, question), n, n + 1, 0.6f, out);
}

}  // namespace

bool IsTieNoun(uint64_t token_key) { return C().tie_forms.Has(token_key); }

bool IsGenericLemma(uint64_t lemma_key) { return C().generic.Has(lemma_key); }

bool IsStanceAdjective(uint64_t token_key) { return C().stance_adjectives.Has(token_key); }
bool IsObligation(uint64_t token_key) { return C().obligation.Has(token_key); }

namespace {

// What FindTreeEvents reads word i as, from its tag and lemma alone.
enum class WordRole { kNone, kVerb, kNoun, kStance, kTie };

WordRole RoleOf(const parse::SentenceParse& p, const EventLexicon& lexicon, uint32_t i) {
  const uint64_t lemma = p.lemma_key[i];
  switch (p.upos[i]) {
    case Upos::kVerb:
      return !lexicon.Verb(lemma).empty() || C().speech.Has(lemma) ? WordRole::kVerb : WordRole::kNone;
    case Upos::kNoun: {
      if (!lexicon.Noun(lemma).empty()) return WordRole::kNoun;
      RelationType type;
      return TieOf(lemma, &type) ? WordRole::kTie : WordRole::kNone;
    }
    case Upos::kAdj:
      return C().stance_adjectives.Has(lemma) ? WordRole::kStance : WordRole::kNone;
    default:
      return WordRole::kNone;
  }
}

}  // namespace

bool MayStartTreeEvent(const parse::SentenceParse& tagged, const EventLexicon& lexicon, uint32_t i) {
  return RoleOf(tagged, lexicon, i) != WordRole::kNone;
}

bool MayHoldTreeEvent(const parse::SentenceParse& tagged, const EventLexicon& lexicon) {
  for (uint32_t i = 0; i < tagged.upos.size(); ++i)
    if (MayStartTreeEvent(tagged, lexicon, i)) return true;
  return false;
}

void FindTreeEvents(const TreeInput& in, std::vector<TreeEvent>* out, TreeScratch* scratch) {
  const Tree t(in, scratch);
  const uint32_t n = t.size();
  bool question = false;
  for (uint32_t i = n; i-- > 0;) {
    if (in.words[i] == "?") question = true;
    if (t.U(i) != Upos::kPunct) break;
  }
  for (uint32_t i = 0; i < n; ++i) {
    switch (RoleOf(*in.parse, *in.lexicon, i)) {
      case WordRole::kVerb:
        if (std::span<const VerbPattern> patterns = in.lexicon->Verb(t.L(i)); !patterns.empty())
          VerbEvents(t, i, patterns, question, scratch, out);
        if (C().speech.Has(t.L(i))) DemandEvents(t, i, question, scratch, out);
        CasualtyEvents(t, i, question, scratch, out);
        CallForEvents(t, i, question, scratch, out);
        break;
      case WordRole::kNoun:
        NounEvents(t, i, in.lexicon->Noun(t.L(i)), question, scratch, out);
        if (C().appeal_nouns.Has(t.L(i))) DemandNounEvents(t, i, question, scratch, out);
        SurvivedEvents(t, i, in.lexicon->Noun(t.L(i)), question, scratch, out);
        break;
      case WordRole::kStance:
        StanceEvents(t, i, question, scratch, out);
        break;
      case WordRole::kTie: {
        RelationType type;
        if (TieOf(t.L(i), &type)) TieEvents(t, i, type, question, scratch, out);
        break;
      }
      case WordRole::kNone:
        break;
    }
  }
}

}  // namespace geokg::ingest
