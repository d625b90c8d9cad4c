#include "ingest/relate_words.h"

#include <array>
#include <vector>

#include "ingest/text.h"

namespace geokg::ingest::words {
namespace {

// A compile-time list of words; the lists are merged into one hash table
// (ClassTable) at first use.
template <size_t N>
using WordList = std::array<std::string_view, N>;
template <typename... T>
constexpr auto Make(T... w) {
  return WordList<sizeof...(T)>{std::string_view(w)...};
}

constexpr auto kDeterminers = Make("the", "a", "an", "its", "their", "his", "her", "our", "my",
                                   "your", "this", "that", "these", "those", "some", "several",
                                   "many", "more", "most", "all", "both", "each", "another",
                                   "other", "about", "around", "nearly", "almost", "over",
                                   "than", "at", "least", "dozens", "hundreds", "thousands",
                                   "two-dozen", "scores", "any", "new", "fresh", "further",
                                   "additional", "first", "second", "latest", "recent");
constexpr auto kPossessive = Make("'s", "’s", "'", "’");
constexpr auto kPrepositions = Make(
    "in", "on", "of", "from", "by", "at", "to", "into", "onto", "with", "without", "for",
    "against", "after", "before", "during", "near", "outside", "inside", "across", "through",
    "toward", "towards", "under", "over", "between", "among", "amid", "around", "behind",
    "beside", "beyond", "despite", "following", "including", "like", "since", "until",
    "upon", "via", "within", "off", "throughout", "alongside", "per", "about", "as");
constexpr auto kBeForms = Make("is", "are", "was", "were", "be", "been", "being", "am", "'s",
                               "get", "got", "gets", "gotten", "getting");
constexpr auto kAuxiliaries = Make("have", "has", "had", "having", "do", "does", "did", "is",
                                   "are", "was", "were", "be", "been", "being", "am", "'ve",
                                   "'d", "'re");
constexpr auto kNegators = Make("not", "n't", "never", "no", "neither", "nor", "without",
                                "didn't", "doesn't", "don't", "won't", "wouldn't", "isn't",
                                "wasn't", "weren't", "hasn't", "haven't", "hadn't", "cannot",
                                "can't", "couldn't", "shouldn't", "didn’t", "doesn’t", "don’t",
                                "won’t", "wouldn’t", "isn’t", "wasn’t", "weren’t", "hasn’t",
                                "haven’t", "hadn’t", "can’t", "couldn’t", "nobody", "none");
constexpr auto kHypothetical = Make("would", "could", "might", "may", "should", "can", "must",
                                    "'d", "ought");
constexpr auto kConditionals = Make("if", "unless", "whether", "suppose", "supposing");
constexpr auto kFutureModals = Make("will", "shall", "'ll", "’ll", "gonna");
constexpr auto kFutureLeads = Make(
    "prepared", "ready", "plan", "plans", "planned", "planning", "set", "expected", "expects",
    "intend", "intends", "intended", "aim", "aims", "aiming", "vowed", "vows", "pledged",
    "pledges", "promised", "promises", "threatened", "threatens", "threaten", "poised",
    "going", "likely", "due", "seeks", "sought", "seeking", "want", "wants", "wanted",
    "decided", "decides", "agreed", "agrees", "offered", "offers", "hopes", "hoped",
    "preparing", "prepares", "about", "able", "willing", "unwilling", "refused", "refuses",
    "tried", "tries", "trying", "attempted", "attempts", "asked", "urged", "called",
    "order", "ordered", "told", "wish", "wishes", "reconsider");
constexpr auto kAdverbs = Make("also", "later", "then", "now", "already", "still", "again",
                               "once", "just", "reportedly", "allegedly", "apparently",
                               "previously", "recently", "jointly", "repeatedly", "further",
                               "subsequently", "earlier", "twice", "even", "yet", "so",
                               "too", "immediately", "quickly", "publicly", "openly",
                               "strongly", "fully", "formally");
constexpr auto kCoordinators = Make("and", "or", "but", "then", "nor", "plus");
constexpr auto kRelatives = Make("who", "which", "whom", "whose", "that");
constexpr auto kSubordinators = Make("as", "while", "whilst", "because", "although", "though",
                                     "whereas", "when", "whenever", "if", "unless", "since",
                                     "once", "where", "but", "so");
constexpr auto kPronouns = Make("it", "they", "he", "she", "we", "i", "you", "them", "him",
                                "us", "this");
constexpr auto kForceNouns = Make(
    "forces", "force", "troops", "soldiers", "fighters", "members", "militiamen", "units",
    "unit", "personnel", "officials", "official", "supporters", "gunmen", "militants",
    "elements", "commanders", "commander", "leaders", "leader", "spokesman", "spokeswoman",
    "spokesperson", "warplanes", "jets", "aircraft", "drones", "ships", "warships", "navy",
    "army", "police", "agents", "operatives", "representatives", "delegation", "envoy",
    "envoys", "diplomats", "diplomat", "government", "battalion", "brigade", "contingent",
    "division", "men", "rebels", "insurgents", "sources", "artillery", "bombers", "planes",
    "warplane", "helicopters", "gunboats", "tanks", "missiles", "rockets", "military",
    "authorities", "ministers", "minister", "president", "premier", "marines",
    "paratroopers", "guards", "militia", "militias", "guerrillas", "panel", "team",
    "group", "experts", "investigators", "inspectors", "mediators", "negotiators");
constexpr auto kAbortLeads = Make("declined", "declines", "decline", "declining", "refused",
                                  "refuses", "refuse", "refusing", "failed", "fails", "fail",
                                  "failing", "short", "refrained", "refrains", "refrain",
                                  "refraining", "ruled", "rules", "rule", "ruling", "stopped",
                                  "stops", "ceased", "halted");
constexpr auto kObjectPronouns = Make("it", "them", "him", "her", "us", "itself", "themselves",
                                      "himself", "herself", "me", "you");
constexpr auto kAccusationNouns = Make(
    "accusation", "accusations", "allegation", "allegations", "claim", "claims", "charge",
    "charges", "report", "reports", "suggestion", "suggestions", "assertion", "assertions",
    "involvement", "responsibility", "role", "blame", "assertion");
constexpr auto kStanceNouns = Make(
    "approach", "claims", "comments", "decision", "decisions", "handling", "plan", "plans", "policies",
    "policy", "position", "proposal", "proposals", "record", "remarks", "stance", "statement", "statements");
constexpr auto kTerminals = Make(".", "!", "?", "…");
constexpr auto kClauseBreaks = Make(";", ":", "(", ")", "—", "–", "-", "--", "[", "]", "|");

// Open-addressing hash table from a word to its class bits, keyed by
// TokenKey. TokenKey folds case, periods and the curly apostrophe, so a hit
// on the key is confirmed by comparing the exact text: the lists stay
// case- and spelling-exact, as they are written.
class ClassTable {
 public:
  ClassTable() {
    slots_.assign(kSlots, Slot{});
    Add(kDeterminers, kDeterminer);
    Add(kPossessive, kPossessiveMark);
    Add(kPrepositions, kPreposition);
    Add(kBeForms, kBeForm);
    Add(kAuxiliaries, kAuxiliary);
    Add(kNegators, kNegator);
    Add(kHypothetical, kHypotheticalModal);
    Add(kConditionals, kConditional);
    Add(kFutureModals, kFutureModal);
    Add(kFutureLeads, kFutureLead);
    Add(kAdverbs, kAdverb);
    Add(kCoordinators, kCoordinator);
    Add(kRelatives, kRelativePronoun);
    Add(kSubordinators, kSubordinator);
    Add(kPronouns, kPronoun);
    Add(kForceNouns, kForceNoun);
    Add(kAbortLeads, kAbortLead);
    Add(kObjectPronouns, kObjectPronoun);
    Add(kAccusationNouns, kAccusationNoun);
    Add(kTerminals, kTerminal);
    Add(kClauseBreaks, kClauseBreak);
    Add(kStanceNouns, kStanceNoun);
  }

  uint32_t Find(std::string_view w) const {
    const uint64_t key = TokenKey(w);
    for (size_t i = key & (kSlots - 1);; i = (i + 1) & (kSlots - 1)) {
      const Slot& s = slots_[i];
      if (s.mask == 0) return 0;
      if (s.key == key && s.word == w) return s.mask;
    }
  }

 private:
  // Far more slots than words (~400), so probes stay short.
  static constexpr size_t kSlots = 2048;
  struct Slot {
    uint64_t key = 0;
    std::string_view word;
    uint32_t mask = 0;  // 0: empty
  };

  template <size_t N>
  void Add(const WordList<N>& list, uint32_t bit) {
    for (std::string_view w : list) {
      const uint64_t key = TokenKey(w);
      for (size_t i = key & (kSlots - 1);; i = (i + 1) & (kSlots - 1)) {
        Slot& s = slots_[i];
        if (s.mask == 0) {
          s = Slot{key, w, bit};
          break;
        }
        if (s.key == key && s.word == w) {
          s.mask |= bit;
          break;
        }
      }
    }
  }

  std::vector<Slot> slots_;
};

// The "*ly" rule of IsAdverb, beyond the listed adverbs.
bool IsLyAdverb(std::string_view w) {
  return w.size() > 4 && w.substr(w.size() - 2) == "ly" && w != "rally" && w != "italy" &&
         w != "ally" && w != "july" && w != "supply" && w != "reply" && w != "family";
}

}  // namespace

uint32_t ClassesOf(std::string_view w) {
  static const ClassTable table;  // built once; thread-safe static init
  uint32_t m = table.Find(w);
  if (IsLyAdverb(w)) m |= kAdverb;
  return m;
}

bool IsDeterminer(std::string_view w) { return ClassesOf(w) & kDeterminer; }
bool IsPossessiveMark(std::string_view w) { return ClassesOf(w) & kPossessiveMark; }
bool IsPreposition(std::string_view w) { return ClassesOf(w) & kPreposition; }
bool IsBeForm(std::string_view w) { return ClassesOf(w) & kBeForm; }
bool IsAuxiliary(std::string_view w) { return ClassesOf(w) & kAuxiliary; }
bool IsNegator(std::string_view w) { return ClassesOf(w) & kNegator; }
bool IsHypotheticalModal(std::string_view w) { return ClassesOf(w) & kHypotheticalModal; }
bool IsConditional(std::string_view w) { return ClassesOf(w) & kConditional; }
bool IsFutureModal(std::string_view w) { return ClassesOf(w) & kFutureModal; }
bool IsFutureLead(std::string_view w) { return ClassesOf(w) & kFutureLead; }
bool IsAdverb(std::string_view w) { return ClassesOf(w) & kAdverb; }
bool IsCoordinator(std::string_view w) { return ClassesOf(w) & kCoordinator; }
bool IsRelativePronoun(std::string_view w) { return ClassesOf(w) & kRelativePronoun; }
bool IsSubordinator(std::string_view w) { return ClassesOf(w) & kSubordinator; }
bool IsPronoun(std::string_view w) { return ClassesOf(w) & kPronoun; }
bool IsForceNoun(std::string_view w) { return ClassesOf(w) & kForceNoun; }
bool IsAccusationNoun(std::string_view w) { return ClassesOf(w) & kAccusationNoun; }
bool IsAbortLead(std::string_view w) { return ClassesOf(w) & kAbortLead; }
bool IsObjectPronoun(std::string_view w) { return ClassesOf(w) & kObjectPronoun; }
bool IsTerminal(std::string_view w) { return ClassesOf(w) & kTerminal; }
bool IsClauseBreak(std::string_view w) { return ClassesOf(w) & kClauseBreak; }

}  // namespace geokg::ingest::words
