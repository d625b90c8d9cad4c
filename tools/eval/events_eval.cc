#include "tools/eval/events_eval.h"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "graph/ontology.h"

namespace geokg::tools {
namespace {

using graph::RelationType;

bool ContainsWords(const std::string& padded_span, std::string_view name) {
  if (name.empty()) return false;
  std::string key = PaddedWords(name);
  // A name of only punctuation pads to spaces: never a match.
  if (key.find_first_not_of(' ') == std::string::npos) return false;
  return padded_span.find(key) != std::string::npos;
}

std::vector<std::string> StringList(const nlohmann::json& j) {
  std::vector<std::string> out;
  if (!j.is_array()) return out;
  for (const auto& item : j)
    if (item.is_string() && !item.get<std::string>().empty()) out.push_back(item.get<std::string>());
  return out;
}

bool Symmetric(RelationType t) { return graph::InfoOf(t).symmetric; }

}  // namespace

std::string PaddedWords(std::string_view text) {
  std::string folded = FoldName(text);
  std::string out;
  out.reserve(folded.size() + 2);
  out.push_back(' ');
  for (char c : folded) {
    // Punctuation separates words: "iraq's" -> "iraq s". Runs of separators
    // are one ("Pakistan - based" as tokenised by annotators and
    // "Pakistan-based" are the same words).
    const bool word = (static_cast<unsigned char>(c) >= 0x80) || std::isalnum(static_cast<unsigned char>(c));
    if (word) out.push_back(c);
    else if (out.back() != ' ') out.push_back(' ');
  }
  if (out.back() != ' ') out.push_back(' ');
  return out;
}

bool ParseEventSentence(std::string_view line, EventSentence* out, std::string* error) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    *error = "malformed JSON";
    return false;
  }
  if (!j.is_object() || !j.contains("text") || !j["text"].is_string()) {
    *error = "not an object with a string \"text\"";
    return false;
  }
  *out = EventSentence();
  out->text = j["text"].get<std::string>();
  if (j.contains("id") && j["id"].is_string()) out->id = j["id"].get<std::string>();
  if (j.contains("source")) out->sources = StringList(j["source"]);
  if (j.contains("target")) out->targets = StringList(j["target"]);
  if (j.contains("quad_class") && j["quad_class"].is_number_integer()) {
    int q = j["quad_class"].get<int>();
    out->quad_class = q >= 0 && q <= 4 ? q : -1;
  }
  return true;
}

std::optional<QuadScheme> ParseQuadScheme(std::string_view text) {
  if (text == "ranges") return QuadScheme::kRanges;
  if (text == "phoenix") return QuadScheme::kPhoenix;
  return std::nullopt;
}

int QuadClassOfRoot(std::string_view cameo_root, QuadScheme scheme) {
  if (cameo_root.size() < 2) return -1;
  const int root = (cameo_root[0] - '0') * 10 + (cameo_root[1] - '0');
  if (root < 1 || root > 20) return -1;
  if (scheme == QuadScheme::kRanges) {
    if (root <= 5) return 1;
    if (root <= 9) return 2;
    if (root <= 14) return 3;
    return 4;
  }
  if (root <= 2) return 0;
  if (root <= 5) return 1;
  if (root <= 8) return 2;
  if (root <= 13 || root == 16) return 3;
  return 4;
}

std::string CountryOf(const graph::Entity& entity) {
  if (!entity.country.empty()) return entity.country;
  return {};
}

bool SpanNames(const SpanActors& span, const graph::Entity& entity) {
  if (std::find(span.entities.begin(), span.entities.end(), entity.id) != span.entities.end())
    return true;
  if (ContainsWords(span.folded, entity.name)) return true;
  for (const std::string& alias : entity.aliases)
    if (alias.size() >= 2 && ContainsWords(span.folded, alias)) return true;
  const std::string country = CountryOf(entity);
  if (!country.empty() &&
      std::find(span.countries.begin(), span.countries.end(), country) != span.countries.end())
    return true;
  return false;
}

std::vector<EventEdge> EventEdgesFromRecord(const graph::DocRecord& record,
                                            const std::vector<EdgeModality>& modalities) {
  std::vector<EventEdge> out;
  auto entity = [&](graph::EntityId id) -> const graph::Entity* {
    for (const graph::Entity& e : record.entities)
      if (e.id == id) return &e;
    return nullptr;
  };
  for (const graph::ExtractedRelation& r : record.relations) {
    if (graph::InfoOf(r.key.type).structural) continue;
    EdgeModality m = r.evidence.section == graph::Section::kRelatedHeadline
                         ? EdgeModality::kRelatedHeadline
                         : static_cast<EdgeModality>(r.evidence.modality);
    if (std::find(modalities.begin(), modalities.end(), m) == modalities.end()) continue;
    const graph::Entity* s = entity(r.key.source);
    const graph::Entity* t = entity(r.key.target);
    if (s == nullptr || t == nullptr) continue;
    bool seen = false;
    for (const EventEdge& e : out)
      seen |= e.source.id == s->id && e.type == r.key.type && e.target.id == t->id;
    if (seen) continue;
    out.push_back({*s, r.key.type, *t, m, r.evidence.trigger});
  }
  return out;
}

SentenceScore ScoreSentence(const EventSentence& gold, const std::vector<SpanActors>& sources,
                            const std::vector<SpanActors>& targets,
                            const std::vector<EventEdge>& edges, QuadScheme scheme) {
  SentenceScore score;
  score.precision_scored = gold.HasSpans() && gold.quad_class >= 0;
  // Class 0 is an event class (statements, appeals) only in the Phoenix scheme.
  score.recall_scored =
      gold.HasSpans() && gold.quad_class >= (scheme == QuadScheme::kPhoenix ? 0 : 1);
  auto named_by = [](const std::vector<SpanActors>& spans, const graph::Entity& e) {
    for (const SpanActors& s : spans)
      if (SpanNames(s, e)) return true;
    return false;
  };
  for (const EventEdge& edge : edges) {
    bool actors = named_by(sources, edge.source) && named_by(targets, edge.target);
    if (!actors && Symmetric(edge.type))
      actors = named_by(sources, edge.target) && named_by(targets, edge.source);
    const bool cls =
        QuadClassOfRoot(graph::InfoOf(edge.type).cameo, scheme) == gold.quad_class;
    EdgeVerdict v = actors && cls ? EdgeVerdict::kMatch
                    : actors      ? EdgeVerdict::kWrongClass
                    : cls         ? EdgeVerdict::kWrongActors
                                  : EdgeVerdict::kWrong;
    score.verdicts.push_back(v);
    score.found |= v == EdgeVerdict::kMatch;
  }
  return score;
}

void EventTotals::Add(const EventSentence& gold, const SentenceScore& score,
                      const std::vector<EventEdge>& edges, QuadScheme scheme) {
  ++sentences;
  if (score.recall_scored) {
    ++recall_sentences;
    ++class_sentences[gold.quad_class];
    if (score.found) {
      ++found;
      ++class_found[gold.quad_class];
    }
    if (edges.empty()) ++without_edges;
  }
  if (!score.precision_scored) return;
  for (size_t i = 0; i < edges.size(); ++i) {
    ++this->edges;
    int cls = QuadClassOfRoot(graph::InfoOf(edges[i].type).cameo, scheme);
    if (cls >= 0) ++class_edges[cls];
    switch (score.verdicts[i]) {
      case EdgeVerdict::kMatch:
        ++correct;
        if (cls >= 0) ++class_correct[cls];
        break;
      case EdgeVerdict::kWrongClass: ++wrong_class; break;
      case EdgeVerdict::kWrongActors: ++wrong_actors; break;
      case EdgeVerdict::kWrong: break;
    }
  }
}

}  // namespace geokg::tools
