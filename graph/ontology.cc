#include "graph/ontology.h"

#include <utility>

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace geokg::graph {
namespace {

constexpr std::array<KindInfo, kEntityKindCount> kKinds = {{
    {EntityKind::kCountry, "country", "a sovereign state or territory, or its government as a whole"},
    {EntityKind::kPerson, "person", "a named individual"},
    {EntityKind::kArmedGroup, "armed-group", "a militia, insurgent, paramilitary or terrorist group"},
    {EntityKind::kMilitaryUnit, "military-unit", "a state's armed force or one of its units: army, division, fleet"},
    {EntityKind::kGovernmentBody, "government-body", "a ministry, department, agency or legislature"},
    {EntityKind::kInternationalOrg, "international-org", "an intergovernmental organisation: UN, NATO, OPEC"},
    {EntityKind::kOrganization, "organization", "any other organisation: party, company, NGO"},
    {EntityKind::kLocation, "location", "a city, region or other place"},
    {EntityKind::kFacility, "facility", "a building or installation: embassy, base, airport"},
    {EntityKind::kMedia, "media", "a news agency, broadcaster or newspaper"},
    {EntityKind::kGroup, "group", "an unorganised collective described by type: protesters, crowds"},
}};

constexpr std::array<RelationInfo, kRelationTypeCount> kTypes = {{
    {RelationType::kAlliedWith, "allied-with", "COOPERATE", "06", true, true,
     "the two actors are allies or aligned"},
    {RelationType::kBackedBy, "backed-by", "AID", "07", false, true,
     "the source is backed, sponsored or armed by the target"},
    {RelationType::kPartOf, "part-of", "", "", false, true,
     "the source is a unit or branch of the target"},
    {RelationType::kMemberOf, "member-of", "", "", false, true,
     "the person holds a role (edge attribute) in the target body or country"},
    {RelationType::kLeaderOf, "leader-of", "", "", false, true,
     "the person leads the target"},
    {RelationType::kLocatedIn, "located-in", "", "", false, true,
     "the place or facility lies in the target place or country"},
    {RelationType::kDeployedTo, "deployed-to", "MOBILIZE", "15", false, false,
     "the source sent forces to the target place or country"},
    {RelationType::kAttacked, "attacked", "ASSAULT", "19", false, false,
     "the source used force against the target"},
    {RelationType::kKilled, "killed", "ASSAULT", "18", false, false,
     "the source killed members of the target"},
    {RelationType::kThreatened, "threatened", "THREATEN", "13", false, false,
     "the source threatened the target"},
    {RelationType::kBlamed, "blamed", "ACCUSE", "11", false, false,
     "the source accused or blamed the target"},
    {RelationType::kCondemned, "condemned", "ACCUSE", "11", false, false,
     "the source condemned or denounced the target"},
    {RelationType::kProtestedAgainst, "protested-against", "PROTEST", "14", false, false,
     "the source demonstrated or protested against the target"},
    {RelationType::kCalledOn, "called-on", "REQUEST", "10", false, false,
     "the source demanded or appealed to the target"},
    {RelationType::kRejected, "rejected", "REJECT", "12", false, false,
     "the source rejected or denied the target's claim, demand or accusation"},
    {RelationType::kMetWith, "met-with", "CONSULT", "04", true, false,
     "the actors met or held talks"},
    {RelationType::kAgreedWith, "agreed-with", "AGREE", "05", true, false,
     "the actors reached or signed an agreement"},
    {RelationType::kSupported, "supported", "SUPPORT", "05", false, false,
     "the source voiced support for or endorsed the target"},
    {RelationType::kAided, "aided", "AID", "07", false, false,
     "the source gave material, military or humanitarian aid to the target"},
    {RelationType::kSanctioned, "sanctioned", "SANCTION", "16", false, false,
     "the source imposed sanctions or embargoes on the target"},
    {RelationType::kWithdrewFrom, "withdrew-from", "RETREAT", "08", false, false,
     "the source withdrew forces or left an agreement with the target"},
    {RelationType::kNegotiatedWith, "negotiated-with", "CONSULT", "04", true, false,
     "the actors negotiated"},
    // PLOVER has no public-statement type; CAMEO 01 has no PLOVER counterpart.
    {RelationType::kCommentedOn, "commented-on", "", "01", false, false,
     "the source made a public statement about the target"},
    {RelationType::kAppealedTo, "appealed-to", "REQUEST", "02", false, false,
     "the source appealed to or urged the target (a plea, not a demand)"},
    // CAMEO 03 (intent to cooperate) is PLOVER AGREE: offers, promises, pledges.
    {RelationType::kPledgedTo, "pledged-to", "AGREE", "03", false, false,
     "the source promised or offered the target cooperation, aid, talks or concessions"},
    {RelationType::kCooperatedWith, "cooperated-with", "COOPERATE", "06", true, false,
     "the actors cooperated in deed: economic, military, judicial or intelligence cooperation"},
    {RelationType::kConcededTo, "conceded-to", "CONCEDE", "08", false, false,
     "the source yielded to the target: eased restrictions, met demands, accepted a truce"},
    // PLOVER 2021 codes CAMEO 084 (return, release) as RETREAT.
    {RelationType::kReleased, "released", "RETREAT", "08", false, false,
     "the source freed or handed back the target: prisoners, hostages, property"},
    // PLOVER codes CAMEO 09 as ACCUSE with mode "investigate".
    {RelationType::kInvestigated, "investigated", "ACCUSE", "09", false, false,
     "the source investigated or opened an inquiry into the target"},
    {RelationType::kReducedRelationsWith, "reduced-relations-with", "SANCTION", "16", false, false,
     "the source cut ties with the target: broke off relations or talks, expelled envoys, "
     "stopped aid"},
    {RelationType::kCoerced, "coerced", "COERCE", "17", false, false,
     "the source coerced the target without combat: bans, curfews, blockades, repression"},
    {RelationType::kArrested, "arrested", "COERCE", "17", false, false,
     "the source arrested, detained, jailed or charged the target"},
    {RelationType::kExpelled, "expelled", "COERCE", "17", false, false,
     "the source expelled or deported the target"},
    {RelationType::kSeized, "seized", "COERCE", "17", false, false,
     "the source seized or occupied the target place, property or territory"},
    {RelationType::kFought, "fought", "ASSAULT", "19", true, false,
     "the actors fought or clashed with each other"},
    {RelationType::kMassacred, "massacred", "ASSAULT", "20", false, false,
     "the source committed mass killing or ethnic cleansing against the target"},
}};

// CAMEO event code prefix -> geokg type. TypeForCameo takes the longest
// prefix of the code found here, so a sub-code row overrides its root. Every
// root 01-20 has a row.
struct CameoRow {
  std::string_view prefix;
  RelationType type;
};
constexpr CameoRow kCameoTable[] = {
    {"01", RelationType::kCommentedOn},
    {"02", RelationType::kAppealedTo},
    {"03", RelationType::kPledgedTo},
    {"04", RelationType::kMetWith},
    {"045", RelationType::kNegotiatedWith},  // mediate
    {"046", RelationType::kNegotiatedWith},  // negotiate
    {"05", RelationType::kSupported},        // praise, endorse, defend, recognise
    {"057", RelationType::kAgreedWith},      // sign formal agreement
    {"06", RelationType::kCooperatedWith},
    {"07", RelationType::kAided},
    {"08", RelationType::kConcededTo},
    {"084", RelationType::kReleased},      // return, release persons or property
    {"0874", RelationType::kWithdrewFrom},  // retreat or surrender militarily
    {"09", RelationType::kInvestigated},
    {"10", RelationType::kCalledOn},
    {"11", RelationType::kCondemned},  // disapprove, criticise, denounce
    {"112", RelationType::kBlamed},    // accuse (of crime, aggression, war crimes...)
    {"115", RelationType::kBlamed},    // bring a lawsuit against
    {"116", RelationType::kBlamed},    // find guilty or liable
    {"12", RelationType::kRejected},
    {"13", RelationType::kThreatened},
    {"14", RelationType::kProtestedAgainst},
    {"15", RelationType::kDeployedTo},  // force posture, mobilisation
    {"16", RelationType::kReducedRelationsWith},
    {"163", RelationType::kSanctioned},  // embargo, boycott, sanctions
    {"17", RelationType::kCoerced},
    {"171", RelationType::kSeized},      // seize or damage property
    {"1712", RelationType::kAttacked},   // destroy property (PLOVER ASSAULT)
    {"173", RelationType::kArrested},
    {"174", RelationType::kExpelled},
    {"18", RelationType::kAttacked},     // unconventional violence
    {"1823", RelationType::kKilled},     // kill by physical assault
    {"186", RelationType::kKilled},      // assassinate
    {"19", RelationType::kAttacked},     // conventional military force
    {"191", RelationType::kCoerced},     // blockade, restrict movement
    {"192", RelationType::kSeized},      // occupy territory
    {"20", RelationType::kMassacred},
    {"201", RelationType::kExpelled},    // mass expulsion
    {"204", RelationType::kAttacked},    // weapons of mass destruction
};

constexpr std::array<std::string_view, kModalityCount> kModalities = {
    "asserted", "negated", "hypothetical", "future", "reported"};

template <typename Table, typename Get>
std::string Suggest(const Table& table, std::string_view text, Get get) {
  std::string folded = FoldSeparators(text);
  int best = 1 << 30;
  std::string best_name;
  for (const auto& row : table) {
    std::string_view name = get(row);
    int d = EditDistance(folded, FoldSeparators(name));
    if (d < best) {
      best = d;
      best_name = std::string(name);
    }
  }
  // Accept a suggestion only when fewer than half the letters differ.
  if (best_name.empty() || best * 2 > static_cast<int>(folded.size()) + 1) return "";
  return best_name;
}

}  // namespace

std::span<const KindInfo> AllKinds() { return kKinds; }
std::span<const RelationInfo> AllRelationTypes() { return kTypes; }

const KindInfo& InfoOf(EntityKind kind) { return kKinds[static_cast<int>(kind)]; }
const RelationInfo& InfoOf(RelationType type) { return kTypes[static_cast<int>(type)]; }
std::string_view NameOf(EntityKind kind) { return InfoOf(kind).name; }
std::string_view NameOf(RelationType type) { return InfoOf(type).name; }
std::string_view NameOf(Modality modality) { return kModalities[static_cast<int>(modality)]; }
std::string_view NameOf(Section section) {
  switch (section) {
    case Section::kBody: return "body";
    case Section::kTitle: return "title";
    case Section::kRelatedHeadline: return "related-headline";
  }
  return "body";
}

std::string FoldSeparators(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '-' || c == '_' || c == ' ' || c == '.' || c == '`') continue;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

std::optional<RelationType> TypeForCameo(std::string_view code) {
  if (code.size() < 2 || code.size() > 4) return std::nullopt;
  for (char c : code)
    if (c < '0' || c > '9') return std::nullopt;
  std::optional<RelationType> best;
  size_t best_len = 0;
  for (const CameoRow& row : kCameoTable) {
    if (row.prefix.size() > best_len && code.substr(0, row.prefix.size()) == row.prefix) {
      best = row.type;
      best_len = row.prefix.size();
    }
  }
  return best;
}

int QuadClassOf(RelationType type) {
  const RelationInfo& info = InfoOf(type);
  if (info.structural || info.cameo.size() != 2) return 0;
  int root = (info.cameo[0] - '0') * 10 + (info.cameo[1] - '0');
  if (root >= 1 && root <= 5) return 1;
  if (root <= 9) return 2;
  if (root <= 14) return 3;
  if (root <= 20) return 4;
  return 0;
}

std::optional<EntityKind> ParseKind(std::string_view text) {
  std::string folded = FoldSeparators(text);
  for (const auto& k : kKinds)
    if (FoldSeparators(k.name) == folded) return k.kind;
  return std::nullopt;
}

namespace {
// FoldSeparators(name) == folded, without building the folded name: the
// lexicons call ParseRelationType once a line, and loading them is part of
// every ingest.
bool FoldsTo(std::string_view name, std::string_view folded) {
  size_t at = 0;
  for (char c : name) {
    if (c == '-' || c == '_' || c == ' ' || c == '.' || c == '`') continue;
    if (at == folded.size() || folded[at] != static_cast<char>(std::tolower(static_cast<unsigned char>(c))))
      return false;
    ++at;
  }
  return at == folded.size();
}
}  // namespace

std::optional<RelationType> ParseRelationType(std::string_view text) {
  std::string folded = FoldSeparators(text);
  for (const auto& t : kTypes)
    if (FoldsTo(t.name, folded)) return t.type;
  return std::nullopt;
}

std::optional<Modality> ParseModality(std::string_view text) {
  std::string folded = FoldSeparators(text);
  for (size_t i = 0; i < kModalities.size(); ++i)
    if (kModalities[i] == folded) return static_cast<Modality>(i);
  return std::nullopt;
}

std::string SuggestKind(std::string_view text) {
  return Suggest(kKinds, text, [](const KindInfo& k) { return k.name; });
}
std::string SuggestRelationType(std::string_view text) {
  return Suggest(kTypes, text, [](const RelationInfo& t) { return t.name; });
}

int EditDistance(std::string_view a, std::string_view b) {
  std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      int sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

RelationKey CanonicalKey(RelationKey key) {
  if (InfoOf(key.type).symmetric && key.target < key.source) std::swap(key.source, key.target);
  return key;
}

std::string_view NameOf(DateSource source) {
  switch (source) {
    case DateSource::kMetadata: return "metadata";
    case DateSource::kText: return "text";
    case DateSource::kUnrecorded: return "unrecorded";
    case DateSource::kNone: break;
  }
  return "none";
}

}  // namespace geokg::graph
