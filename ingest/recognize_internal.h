// Internal to recognition (recognize.cc, bodies.cc, people.cc, patterns.cc,
// facilities.cc, definites.cc, agents.cc, pronouns.cc): the per-document
// state shared by the scan and the patterns. Not part of the public API.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/analysis.h"
#include "ingest/lexicon.h"
#include "ingest/resolve.h"
#include "ingest/text.h"

namespace geokg::ingest::internal {

constexpr uint32_t kNone = DocResolver::kNone;

template <size_t N>
bool InList(const std::string_view (&list)[N], std::string_view w) {
  for (std::string_view x : list)
    if (x == w) return true;
  return false;
}


// InList for a list of lower-case words, ignoring the token's case.
template <size_t N>
bool InListFolded(const std::string_view (&list)[N], std::string_view w) {
  for (std::string_view x : list)
    if (EqualsFolded(w, x)) return true;
  return false;
}

// Word lists shared by the patterns (patterns.cc, facilities.cc).
// Nouns that refer back to the last facility ("the building").
inline constexpr std::string_view kDefiniteFacility[] = {"building", "compound", "site",    "premises", "facility",
                                                         "mission",  "complex",  "embassy", "consulate", "base"};
// Adjectives between "in the" and a place ("in the northern Iraqi city").
inline constexpr std::string_view kDirectionAdjectives[] = {
    "northern", "southern", "eastern", "western", "central", "north", "south", "east", "west", "northeastern",
    "northwestern", "southeastern", "southwestern", "remote", "restive", "volatile", "oil-rich", "disputed",
    "nearby", "border"};
// "Moscow-led", "Iran-backed", "Pakistan-based": a compound that qualifies
// the name after it (patterns.cc).
bool IsCompoundModifier(std::string_view word);
// "Japanese-drafted", "UN-brokered": a compound adjective of authorship,
// which relates its actor to nothing it modifies.
bool IsAuthorshipCompound(std::string_view word);

// Nouns of "the <demonym> city of X".
inline constexpr std::string_view kPlaceNouns[] = {
    "city", "town",       "province", "region", "village",    "capital", "district", "governorate", "port",
    "area", "state",      "camp",     "county", "department", "oblast",  "valley",   "mountains",   "prefecture",
    "enclave", "suburb", "neighbourhood", "neighborhood", "island", "islands"};
// Of these, the nouns a place's name stands before ("the Bryansk region",
// "the Nuseirat refugee camp", "Rakhine state").
inline constexpr std::string_view kNamedPlaceNouns[] = {"province", "region", "district", "governorate", "state",
                                                        "camp",     "county", "department", "oblast",     "valley",
                                                        "mountains", "prefecture"};

// A bare group noun ("militiamen") whose entity is chosen after the scan:
// the one described group of the same head in the document, else the
// generic group.
struct PendingGroup {
  int32_t mention;
  std::string_view head;  // normalised head noun, a static string
  graph::EntityKind kind;
  bool definite = false;  // after "the" ("the militia"): may be the last armed group named
};

// A group described with a qualifier ("Iran-backed militia").
struct DescribedGroup {
  std::string_view head;
  uint32_t entity;
  bool by_compound;  // qualified by a compound ("Iran-allied"), not a country word
};

// Which patterns a token can start (bit set), decided once per token from
// its key so that the scan calls only the patterns that can match.
enum TriggerBits : uint8_t {
  kTrigFacility = 1 << 0,  // embassy, base, building, compound, ...
  kTrigGroup = 1 << 1,     // protesters, militia, troops, coalition, ...
  kTrigPlace = 1 << 2,     // city, town, province ... (of X)
  kTrigCountry = 1 << 3,   // "country" (of "the country")
  kTrigDefinite = 1 << 4,  // government, regime, junta, military, police, ...
  kTrigAgent = 1 << 5,     // starts an agent phrase of agents.tsv (set per lexicon)
  kTrigPronoun = 1 << 6,   // he, she, it, they (and their forms); group, ministry, ... after "the"
};

// The generic agents recognition makes nodes of (agents.cc): the primary
// CAMEO code of an agents.tsv entry, the word that names the node, its
// kind, and whether it is a state institution (part-of its country).
struct AgentRole {
  std::string_view code;  // GOV, MIL, COP, JUD, LEG, SPY, REB, UAF, OPP, CVL
  std::string_view noun;  // "government", "judiciary", "rebels", ...
  graph::EntityKind kind;
  bool state;
};
// The role of an agents.tsv code ("GOVMIL" -> GOV), or nullptr for codes
// that make no node (BUS, MED, EDU, IGO, ...).
const AgentRole* AgentRoleOf(std::string_view code);

// True if `w` is a noun that a state or role word before it modifies
// ("police station", "army post", "government officials") (definites.cc).
bool IsModifiedNoun(std::string_view w);

// True if `w`, right after a state word, leaves it the actor ("the army
// said", "police in"), false if `w` is a noun it modifies ("the army post",
// "police station") (definites.cc).
bool FollowsAsActor(std::string_view w);

// What an unqualified definite reference to a state institution stands for
// (definites.cc): the state itself ("the government"), its armed forces
// ("the army") or its police ("police").
enum class StateInstitution : uint8_t { kState, kArmedForces, kPolice };

// "the junta", "security forces": resolved after the scan to the country
// the sentence places it in, else the document's dominant country when it
// is named in this or the previous sentence, else nothing.
// Kept as tokens, not a mention, until resolved: a mention without an
// entity must not be seen by the patterns of the scan.
struct PendingDefinite {
  uint32_t first_token;
  uint32_t last_token;
  uint32_t sentence;
  StateInstitution institution;
  uint32_t country = DocResolver::kNone;  // scratch of ResolveDefinites
  const AgentRole* agent = nullptr;  // a bare agent ("the court"): its role, else an institution
};

// A pronoun or definite description ("it", "they", "the group") resolved
// after the scan to the last compatible actor (pronouns.cc).
struct PendingPronoun {
  uint32_t first_token;
  uint32_t last_token;
};
// True for the head words of named bodies ("Ministry", "Forces").
bool IsBodyHeadWord(std::string_view word);

// True for the group nouns that name a group on their own ("protesters",
// "rebels", "militia"; patterns.cc), unlike "troops" or "fighters".
bool IsBareGroupNoun(std::string_view word);
// "leaders", "fighters", ...: members a group acts through ("rebel leaders").
bool IsGroupMemberNoun(std::string_view word);

// The trigger bits of a token key (0 for most words).
uint8_t TriggerBitsOf(uint64_t token_key);

class Recognizer {
 public:
  void Run(const Lexicon& lexicon, std::string_view text, DocAnalysis* out);

  // --- shared helpers (recognize.cc) ---
  std::string_view Tok(uint32_t i) const { return out_->TokenText(i); }
  uint16_t Flags(uint32_t i) const { return out_->tokens[i].flags; }
  bool IsWord(uint32_t i) const { return !(out_->tokens[i].flags & kTokPunct); }
  bool Cap(uint32_t i) const { return out_->tokens[i].flags & kTokCapitalized; }
  bool Lower(uint32_t i) const;
  bool Common(uint32_t i) const { return out_->tokens[i].flags & kTokCommonWord; }
  // Case-insensitive ASCII comparison of token i with a lower-case word.
  bool Is(uint32_t i, std::string_view lower) const;
  // The lexicon entity (country, location, ...) named at tokens [i, i+len)
  // with the longest match, or nullptr; sets *len. Demonyms yield their
  // country; titles and metonyms are not entities here.
  const Lexicon::Entry* EntityAt(uint32_t i, uint32_t end, uint32_t* len, bool* demonym) const;
  // The country a located entry lies in (following located-in links up to
  // three hops), or nullptr.
  const Lexicon::Entry* CountryOf(const Lexicon::Entry& e) const;
  // The country of a document entity (itself if a country), via the
  // lexicon; or kNone.
  uint32_t CountryOfEntity(uint32_t entity);
  // The mention ending exactly at token `end` (last_token == end), or -1.
  int32_t MentionEndingAt(uint32_t end) const;
  int32_t MentionStartingAt(uint32_t first) const;
  void Cover(uint32_t first, uint32_t last);
  // The text of tokens [first, last) with runs of white space (line
  // breaks of wrapped text) made one space; valid until the next call.
  std::string_view SpanName(uint32_t first, uint32_t last);
  // False if tokens [first, last) look like a company or body name.
  bool LooksLikePerson(uint32_t first, uint32_t last) const;
  // Creates (or finds) a location named by tokens [first, last).
  uint32_t LocationFromTokens(uint32_t first, uint32_t last);

  // --- patterns (patterns.cc); each returns tokens consumed at i (0 = no) ---
  uint32_t TryMilitaryUnit(uint32_t i, uint32_t end);
  uint32_t TryCompound(uint32_t i, uint32_t end);
  uint32_t TryFacility(uint32_t i, uint32_t end);
  uint32_t TryGroup(uint32_t i, uint32_t end);
  uint32_t TryCityOf(uint32_t i, uint32_t end);
  uint32_t TryNamedPlace(uint32_t i, uint32_t end);
  uint32_t TryLeaderGovernment(uint32_t i, uint32_t end);  // people.cc
  // "the OPEC member", "the war-torn country", "the Himalayan kingdom": an
  // epithet after "the" at i for the country its demonym names, else the
  // country last named before it (recognize.cc).
  uint32_t TryEpithet(uint32_t i, uint32_t end);
  // "Puerto Jordan", "Lake Chad", "Port Sudan": a place-name prefix before
  // capitalised words the lexicon does not know as a whole is one place.
  uint32_t TryPrefixedPlace(uint32_t i, uint32_t end);
  uint32_t PlaceAfter(uint32_t k, uint32_t end) const;
  // A place the lexicon does not know and the text does not place ("the
  // department of Arauca") lies in the story's dominant country when that
  // country is named near it.
  void PlaceOrphanPlaces();
  // The region a sentence opens with ("In Rakhine state, ..."), else kNone.
  uint32_t FrontedRegion(uint32_t before) const;
  // "the government", "the military regime", "the army", "security
  // forces", "police" not qualified by a country word or possessive
  // (definites.cc): a pending mention for ResolveDefinites.
  uint32_t TryDefinite(uint32_t i, uint32_t end);
  // A role noun of agents.tsv qualified by a country: before it ("Kenyan
  // police", "US troops", "Iraq's army", "the Turkish foreign ministry")
  // or by "of" after it ("the government of Chad") -> the country's agent
  // (agents.cc). An unqualified state role after "the" ("the court") is
  // left pending like a definite institution.
  uint32_t TryAgent(uint32_t i, uint32_t end);
  // True if tokens [i, i+len) are exactly a lexicon title ("foreign minister").
  bool IsTitleAt(uint32_t i, uint32_t len) const;
  // The entity of agent role `role` of country entity `country`: a lexicon
  // entry of that country when one is listed ("Israeli soldiers" -> the
  // country's listed armed forces), else "<Demonym> <noun>" ("Kenyan
  // police", "Swiss judiciary", "Malian rebels"); state roles part-of the
  // country at `confidence`.
  uint32_t AgentOf(uint32_t country, const AgentRole& role, uint32_t sentence, std::string_view trigger,
                   float confidence);
  // "it", "its", "they", "their", "them", "the group", "the ministry": a
  // pending pronoun (pronouns.cc).
  uint32_t TryPronoun(uint32_t i, uint32_t end);
  // Resolves the pending pronouns to the last compatible actor mentioned in
  // their sentence or the one before (pronouns.cc); unresolved ones make no
  // mention. Appends mentions: before SortMentions.
  void ResolvePronouns();
  // "both sides", "the two countries" at p: see pronouns.cc.
  void ResolvePair(const PendingPronoun& p, bool states_only, const std::vector<uint32_t>& order);
  void ResolveGroups();
  // The armed group last named (kName) before token `before`, in its
  // sentence or the two before it; or kNone.
  uint32_t LastNamedArmedGroup(uint32_t before) const;
  void ResolveDefinites();
  // The entity of `institution` of country entity `country`: the country
  // itself, its lexicon armed forces or police when listed ("Tatmadaw"),
  // else "<Demonym> Armed Forces" / "<Demonym> police" part-of the country.
  uint32_t InstitutionOf(uint32_t country, StateInstitution institution, uint32_t sentence,
                         std::string_view trigger, float confidence = 0.7f);
  void LinkCompounds();
  // The country a bare group at token `t` is placed in by its sentence
  // ("protesters in Baghdad" -> Iraq), or kNone.
  uint32_t PlacedCountry(uint32_t t);
  // The country a sentence's scene lies in, for a bare group or role noun
  // that nothing else places: the one country of the places the sentence
  // names ("insurgents ... along a street in Baghdad") or of a country it
  // names after "in" ("militants attacked troops in Iraq"), else the
  // country of the document's dateline ("JAKARTA, Indonesia -"); kNone when
  // there is none or the places disagree.
  uint32_t SceneCountry(uint32_t sentence);
  // The lexicon country a document location lies in, or nullptr.
  const Lexicon::Entry* CountryOfLocation(const graph::Entity& e) const;
  // The document's dominant country: counting mentions of each country and
  // of the places in it (compound adjectives excluded), the one with >= 3
  // and at least twice any other's, or kNone. Computed once after the scan.
  uint32_t DominantCountry();
  // The document's country entity a place mention lies in, or kNone.
  uint32_t CountryOfPlace(const Mention& m) const;
  // Whether `entity`, or a place in it, is mentioned in `sentence` or the
  // one before it.
  bool MentionedNear(uint32_t entity, uint32_t sentence) const;
  // Names a group of head `head` qualified by country entity `country`
  // ("Iraqi protesters": the country's adjective demonym, else its name).
  // The adjective demonym of a country entity ("Iraqi"), else its name: the
  // word that names the country's groups and agents. A view into the
  // lexicon or into the entity's name.
  std::string_view DemonymOf(const graph::Entity& country) const;
  uint32_t CountryGroup(uint32_t country, std::string_view head, graph::EntityKind kind);

  const Lexicon* lex_ = nullptr;
  DocAnalysis* out_ = nullptr;
  DocResolver res_;
  std::vector<uint8_t> covered_;
  std::vector<PendingGroup> groups_;
  std::vector<DescribedGroup> described_;
  std::vector<PendingDefinite> definites_;
  std::vector<PendingPronoun> pronouns_;
  std::vector<uint64_t> keys_;  // TokenKey of every token
  std::vector<Lexicon::Node> first_nodes_;  // the node of Lexicon::FirstNode of every token, or an empty one
  std::vector<uint8_t> triggers_;  // TriggerBits of every token
  // Direct-mapped cache of Lexicon::FirstNode by token key: frequent words
  // skip the probe into the large pattern table.
  // The node itself, not its index: the lexicon's node table is large,
  // and reading each token's record there missed the cache (3% of ingest's
  // CPU, docs/ingest-benchmarks.md).
  struct CachedNode {
    uint64_t key = 0;
    Lexicon::Node node;  // empty where the token starts no pattern
  };
  static constexpr size_t kNodeCacheSize = 8192;
  std::vector<CachedNode> node_cache_;
  uint64_t node_cache_serial_ = 0;
  std::string scratch_;    // SpanName's buffer
  std::string canonical_;  // a name built from parts
  uint32_t sentence_ = 0;  // current sentence
  uint32_t dominant_ = kNone;
  bool dominant_done_ = false;
  bool headline_ = false;  // current sentence is a title/related headline

 private:
  void ScanSentence(uint32_t s);
  uint32_t HandleLexicon(uint32_t i, uint32_t end, const Lexicon::Match& m);
  uint32_t TryTitle(uint32_t i, uint32_t end, uint32_t title_len, const Lexicon::Title& title);
  uint32_t TryHonorific(uint32_t i, uint32_t end);
  uint32_t TryCapitalised(uint32_t i, uint32_t end, uint32_t lex_len);
  uint32_t TrySaidPerson(uint32_t i, uint32_t end);
  // A capitalised word alone that is the surname of a lexicon person
  // ("Reagan said"): a person, resolved or dropped by ResolveSurnames.
  uint32_t TryBareSurname(uint32_t i, uint32_t end);
  // True if `word` alone is a lexicon title ("King", "Chairman") or a
  // common English word: never a surname on its own.
  bool IsTitleOrCommonWord(std::string_view word) const;
  // True if token k may name the people or movement of a group noun after
  // it ("Kurdish rebels"): a capitalised word of letters that no mention
  // covers and that is no acronym, common word, title, faith or weekday.
  bool IsPeopleQualifier(uint32_t k) const;
  // Single-word people ("Reagan", from "President Reagan", "Mr Reagan" or a
  // bare surname) become the lexicon person of that surname when exactly
  // one lexicon person whose country the document mentions bears it (or,
  // after a title or honorific, when exactly one lexicon person bears it at
  // all). Bare surnames that resolve to no one are dropped (entity kNone).
  void ResolveSurnames();
  // Name tokens after a title/honorific: [i, *name_end); 0 if none.
  uint32_t NameAfter(uint32_t i, uint32_t end) const;
  // Token k is a weekday or a month ("May" only before a number): no part
  // of a name it follows.
  bool IsDateWord(uint32_t k, uint32_t end) const;
  bool MetonymActs(uint32_t i, uint32_t len, uint32_t end) const;
  // True if the words from j name a company ("oil major", "carmaker"):
  // the country word at [i, j) before them is the firm's origin, no actor.
  bool NamesCompany(uint32_t i, uint32_t j, uint32_t end) const;
  // True if `acr` abbreviates the words of tokens [first, last).
  bool AcronymFits(std::string_view acr, uint32_t first, uint32_t last) const;
  void MarkModifiers();
  void TitleRelations();
  // "X, led by [title] NAME": NAME leader-of X (after SortMentions).
  void LedByRelations();
  // "Kataib Hezbollah, an Iraqi militia armed and funded by Iran": backed-by
  // the actor after the participles, located-in the appositive's country.
  void BackedByRelations();
  void SortMentions();
  // Removes the entities no mention and no structural relation refers to
  // (bare surnames that resolved to no one, countries looked up and not
  // used) and renumbers the rest.
  void DropUnusedEntities();
  // Fills DocAnalysis::candidates (candidates.cc); after DropUnusedEntities.
  void FindCandidates();

  struct TitledPerson {
    int32_t mention;
    uint32_t title;            // index into lexicon titles
    uint32_t target;           // explicit country/body, or kNone
    float confidence;
    // The title is qualified by a capitalised word the lexicon does not
    // know ("World Bank President", "Shell U.K. Chairman"): the office is
    // that unknown body's, so no country is guessed for it.
    bool qualified_by_unknown = false;
    bool of_government = false;  // "Government negotiator X": a state's office
    bool former = false;         // "former President X": no longer leads
  };
  std::vector<TitledPerson> titled_;
  std::vector<uint32_t> bare_people_;       // entities first seen as a bare surname
  std::vector<uint32_t> confirmed_people_;  // entities named after a title/honorific or "X Y said"
  std::vector<uint32_t> doc_countries_;     // scratch: country entities mentioned
  std::vector<uint32_t> place_country_;     // CountryOfPlace per entity, built by DominantCountry
  std::vector<uint32_t> actor_country_;     // the named country of each person, group or body; by DominantCountry
  // Lexicon country entry of each sentence's scene (nullptr: none, or places
  // in several countries) and of the dateline; built by SceneCountry once.
  std::vector<const Lexicon::Entry*> scene_;
  std::vector<uint8_t> scene_mixed_;
  const Lexicon::Entry* dateline_country_ = nullptr;
  bool scene_done_ = false;
  std::vector<uint32_t> order_;
  std::vector<int32_t> remap_;
  std::vector<Mention> sorted_;
};

}  // namespace geokg::ingest::internal
