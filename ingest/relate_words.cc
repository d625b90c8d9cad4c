#include "ingest/relate_words.h"

#include <algorithm>
#include <array>

namespace geokg::ingest::words {
namespace {

// A sorted table searched by binary search; the lists are small and
// compile-time constant.
template <size_t N>
struct WordSet {
  std::array<std::string_view, N> words;
  constexpr explicit WordSet(std::array<std::string_view, N> w) : words(w) {
    std::sort(words.begin(), words.end());
  }
  bool Has(std::string_view w) const { return std::binary_search(words.begin(), words.end(), w); }
};
template <typename... T>
constexpr auto Make(T... w) {
  return WordSet<sizeof...(T)>(std::array<std::string_view, sizeof...(T)>{w...});
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
constexpr auto kConditional = Make("if", "unless", "whether", "suppose", "supposing");
constexpr auto kFutureModal = Make("will", "shall", "'ll", "’ll", "gonna");
constexpr auto kFutureLead = Make(
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
constexpr auto kTerminal = Make(".", "!", "?", "…");
constexpr auto kClauseBreak = Make(";", ":", "(", ")", "—", "–", "-", "--", "[", "]", "|");

}  // namespace

bool IsDeterminer(std::string_view w) { return kDeterminers.Has(w); }
bool IsPossessiveMark(std::string_view w) { return kPossessive.Has(w); }
bool IsPreposition(std::string_view w) { return kPrepositions.Has(w); }
bool IsBeForm(std::string_view w) { return kBeForms.Has(w); }
bool IsAuxiliary(std::string_view w) { return kAuxiliaries.Has(w); }
bool IsNegator(std::string_view w) { return kNegators.Has(w); }
bool IsHypotheticalModal(std::string_view w) { return kHypothetical.Has(w); }
bool IsConditional(std::string_view w) { return kConditional.Has(w); }
bool IsFutureModal(std::string_view w) { return kFutureModal.Has(w); }
bool IsFutureLead(std::string_view w) { return kFutureLead.Has(w); }
bool IsAdverb(std::string_view w) {
  if (kAdverbs.Has(w)) return true;
  return w.size() > 4 && w.substr(w.size() - 2) == "ly" && w != "rally" && w != "italy" &&
         w != "ally" && w != "july" && w != "supply" && w != "reply" && w != "family";
}
bool IsCoordinator(std::string_view w) { return kCoordinators.Has(w); }
bool IsRelativePronoun(std::string_view w) { return kRelatives.Has(w); }
bool IsSubordinator(std::string_view w) { return kSubordinators.Has(w); }
bool IsPronoun(std::string_view w) { return kPronouns.Has(w); }
bool IsForceNoun(std::string_view w) { return kForceNouns.Has(w); }
bool IsAccusationNoun(std::string_view w) { return kAccusationNouns.Has(w); }
bool IsAbortLead(std::string_view w) { return kAbortLeads.Has(w); }
bool IsObjectPronoun(std::string_view w) { return kObjectPronouns.Has(w); }
bool IsTerminal(std::string_view w) { return kTerminal.Has(w); }
bool IsClauseBreak(std::string_view w) { return kClauseBreak.Has(w); }

}  // namespace geokg::ingest::words
