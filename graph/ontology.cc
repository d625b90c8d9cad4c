#include "graph/ontology.h"

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
}};

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

std::optional<EntityKind> ParseKind(std::string_view text) {
  std::string folded = FoldSeparators(text);
  for (const auto& k : kKinds)
    if (FoldSeparators(k.name) == folded) return k.kind;
  return std::nullopt;
}

std::optional<RelationType> ParseRelationType(std::string_view text) {
  std::string folded = FoldSeparators(text);
  for (const auto& t : kTypes)
    if (FoldSeparators(t.name) == folded) return t.type;
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

}  // namespace geokg::graph
