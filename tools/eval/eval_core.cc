#include "tools/eval/eval_core.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>
#include <unordered_map>

#include "graph/ids.h"
#include "graph/ontology.h"

namespace geokg::tools {
namespace {

constexpr std::array<std::string_view, 6> kEdgeModalities = {
    "asserted", "negated", "hypothetical", "future", "reported", "related-headline"};

// Base letters of U+00C0..U+00FF, lower case; '?' where there is none
// (multiplication and division signs, eth, thorn, sharp s are kept as is).
constexpr std::string_view kLatin1Base =
    "aaaaaaaceeeeiiii?nooooo?ouuuuy??"
    "aaaaaaaceeeeiiii?nooooo?ouuuuy?y";

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Splits on `separator`, trimming each piece.
std::vector<std::string_view> Split(std::string_view s, std::string_view separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t at = s.find(separator, start);
    if (at == std::string_view::npos) {
      parts.push_back(Trim(s.substr(start)));
      return parts;
    }
    parts.push_back(Trim(s.substr(start, at - start)));
    start = at + separator.size();
  }
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  return true;
}

// Parses "Name / Other name" into names and their folded keys; on an empty
// alternative returns false.
bool ParseNames(std::string_view field, std::vector<std::string>* names,
                std::vector<std::string>* keys) {
  for (std::string_view part : Split(field, " / ")) {
    // "Iraq /" or "/ Iraq": an alternative left empty.
    if (part.empty() || part.front() == '/' || part.back() == '/') return false;
    names->emplace_back(part);
    keys->push_back(FoldName(part));
  }
  return true;
}

std::string Location(std::string_view name, int line) {
  return std::string(name) + ":" + std::to_string(line) + ": ";
}

// Parses one edge line (already trimmed, non-empty, not a comment). Returns
// "" on success, else the message (without location).
std::string ParseEdgeLine(std::string_view line, GoldEdge* edge) {
  switch (line.front()) {
    case '+': edge->kind = GoldKind::kExpected; break;
    case '-': edge->kind = GoldKind::kForbidden; break;
    case '~': edge->kind = GoldKind::kAcceptable; break;
    default:
      return "a line must start with '+' (expected), '-' (forbidden), '~' (acceptable) or '#'";
  }
  std::vector<std::string_view> fields = Split(line.substr(1), "|");
  if (fields.size() < 3 || fields.size() > 4)
    return "expected 'source | type | target [| modality]', found " +
           std::to_string(fields.size()) + (fields.size() == 1 ? " field" : " fields");
  if (!ParseNames(fields[0], &edge->sources, &edge->source_keys)) return "empty source name";
  if (!ParseNames(fields[2], &edge->targets, &edge->target_keys)) return "empty target name";
  for (std::string_view type_text : Split(fields[1], "/")) {
    if (type_text.empty()) return "empty relation type";
    std::optional<graph::RelationType> type = graph::ParseRelationType(type_text);
    if (!type) {
      std::string message = "unknown relation type '" + std::string(type_text) + "'";
      std::string suggestion = graph::SuggestRelationType(type_text);
      if (!suggestion.empty()) message += " (did you mean '" + suggestion + "'?)";
      return message;
    }
    edge->types.push_back(*type);
  }
  if (fields.size() == 4) {
    edge->modalities.clear();
    for (std::string_view modality_text : Split(fields[3], "/")) {
      std::optional<EdgeModality> modality = ParseEdgeModality(modality_text);
      if (!modality)
        return "unknown modality '" + std::string(modality_text) +
               "' (expected asserted, negated, hypothetical, future, reported or related-headline)";
      edge->modalities.push_back(*modality);
    }
  }
  edge->text = std::string(line);
  return "";
}

bool Contains(const std::vector<std::string>& keys, const std::string& key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

std::optional<double> Ratio(uint32_t num, uint32_t den) {
  if (den == 0) return std::nullopt;
  return static_cast<double>(num) / den;
}

}  // namespace

std::string_view NameOf(EdgeModality modality) {
  return kEdgeModalities[static_cast<int>(modality)];
}

std::optional<EdgeModality> ParseEdgeModality(std::string_view text) {
  std::string folded = graph::FoldSeparators(text);
  for (size_t i = 0; i < kEdgeModalities.size(); ++i)
    if (graph::FoldSeparators(kEdgeModalities[i]) == folded) return static_cast<EdgeModality>(i);
  return std::nullopt;
}

std::string FoldName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool pending_space = false;
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (std::isspace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    // Latin-1 letters with diacritics (U+00C0..U+00FF, C3 80..C3 BF) read as
    // their base letter: "Inácio" and "Inacio" name the same person.
    if (c == 0xC3 && i + 1 < name.size()) {
      unsigned char next = static_cast<unsigned char>(name[i + 1]);
      if (next >= 0x80 && next <= 0xBF) {
        char base = kLatin1Base[next - 0x80];
        if (base != '?') {
          out.push_back(base);
          ++i;
          continue;
        }
      }
    }
    // U+2018 and U+2019 (E2 80 98 / E2 80 99) read as an apostrophe.
    if (c == 0xE2 && i + 2 < name.size() && static_cast<unsigned char>(name[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(name[i + 2]) == 0x98 ||
         static_cast<unsigned char>(name[i + 2]) == 0x99)) {
      out.push_back('\'');
      i += 2;
      continue;
    }
    out.push_back(static_cast<char>(std::tolower(c)));
  }
  return out;
}

bool ParseGold(std::string_view name, std::string_view text, GoldFile* gold,
               std::vector<std::string>* errors) {
  gold->name = std::string(name);
  size_t errors_before = errors->size();
  int line_number = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = Trim(text.substr(start, end - start));
    start = end + 1;
    ++line_number;
    if (line.empty()) continue;
    if (line.front() == '#') {
      std::string_view comment = Trim(line.substr(1));
      if (!StartsWithNoCase(comment, "article:")) continue;
      std::string_view path = Trim(comment.substr(8));
      if (path.empty()) {
        errors->push_back(Location(name, line_number) + "'# article:' needs a path");
      } else if (gold->article_line != 0) {
        errors->push_back(Location(name, line_number) + "second '# article:' line (first on line " +
                          std::to_string(gold->article_line) + ")");
      } else {
        gold->article = std::string(path);
        gold->article_line = line_number;
      }
      continue;
    }
    GoldEdge edge;
    edge.line = line_number;
    std::string message = ParseEdgeLine(line, &edge);
    if (!message.empty()) {
      errors->push_back(Location(name, line_number) + message);
      continue;
    }
    gold->edges.push_back(std::move(edge));
  }
  if (gold->article_line == 0)
    errors->push_back(Location(name, 1) + "missing '# article: PATH' line");
  return errors->size() == errors_before;
}

std::vector<PredictedEdge> EdgesFromRecord(const graph::DocRecord& record) {
  std::unordered_map<graph::EntityId, const graph::Entity*> entities;
  for (const graph::Entity& e : record.entities) entities.emplace(e.id, &e);
  auto name_of = [&](graph::EntityId id) {
    auto it = entities.find(id);
    return it != entities.end() ? it->second->name : graph::IdToHex(id);
  };
  auto aliases_of = [&](graph::EntityId id) {
    auto it = entities.find(id);
    return it != entities.end() ? it->second->aliases : std::vector<std::string>{};
  };
  std::vector<PredictedEdge> edges;
  std::unordered_map<std::string, size_t> seen;
  for (const graph::ExtractedRelation& r : record.relations) {
    PredictedEdge edge;
    edge.source = name_of(r.key.source);
    edge.type = r.key.type;
    edge.target = name_of(r.key.target);
    edge.modality = r.evidence.section == graph::Section::kRelatedHeadline
                        ? EdgeModality::kRelatedHeadline
                        : static_cast<EdgeModality>(r.evidence.modality);
    std::string key = std::to_string(r.key.source) + ":" +
                      std::to_string(static_cast<int>(edge.type)) + ":" +
                      std::to_string(r.key.target) + ":" +
                      std::to_string(static_cast<int>(edge.modality));
    if (!seen.emplace(std::move(key), edges.size()).second) continue;
    edge.sentence = r.evidence.text;
    edge.trigger = r.evidence.trigger;
    edge.source_aliases = aliases_of(r.key.source);
    edge.target_aliases = aliases_of(r.key.target);
    edges.push_back(std::move(edge));
  }
  return edges;
}

bool EdgeMatches(const GoldEdge& gold, const PredictedEdge& predicted) {
  if (std::find(gold.modalities.begin(), gold.modalities.end(), predicted.modality) ==
      gold.modalities.end())
    return false;
  if (std::find(gold.types.begin(), gold.types.end(), predicted.type) == gold.types.end())
    return false;
  auto named = [](const std::vector<std::string>& keys, const std::string& name,
                  const std::vector<std::string>& aliases) {
    if (Contains(keys, FoldName(name))) return true;
    for (const std::string& a : aliases)
      if (Contains(keys, FoldName(a))) return true;
    return false;
  };
  const std::string& s = predicted.source;
  const std::string& t = predicted.target;
  if (named(gold.source_keys, s, predicted.source_aliases) && named(gold.target_keys, t, predicted.target_aliases))
    return true;
  return graph::InfoOf(predicted.type).symmetric && named(gold.source_keys, t, predicted.target_aliases) &&
         named(gold.target_keys, s, predicted.source_aliases);
}

std::optional<double> Counts::Precision() const { return Ratio(tp, tp + fp); }
std::optional<double> Counts::Recall() const { return Ratio(tp, tp + fn); }
std::optional<double> Counts::F1() const { return Ratio(2 * tp, 2 * tp + fp + fn); }

Counts& Counts::operator+=(const Counts& other) {
  tp += other.tp;
  fp += other.fp;
  fn += other.fn;
  return *this;
}

std::string_view NameOf(Verdict verdict) {
  switch (verdict) {
    case Verdict::kTruePositive: return "TP";
    case Verdict::kFalseNegative: return "MISS";
    case Verdict::kFalsePositive: return "FP";
    case Verdict::kViolation: return "FORBIDDEN";
    case Verdict::kAccepted: return "ok~";
    case Verdict::kDuplicate: return "dup";
    case Verdict::kUnscored: return "unscored";
  }
  return "?";
}

FileScore& FileScore::operator+=(const FileScore& other) {
  for (size_t i = 0; i < by_type.size(); ++i) by_type[i] += other.by_type[i];
  total += other.total;
  violations += other.violations;
  accepted += other.accepted;
  duplicates += other.duplicates;
  unscored += other.unscored;
  return *this;
}

FileScore Score(const GoldFile& gold, const std::vector<PredictedEdge>& predicted) {
  const size_t n = predicted.size();
  std::vector<int> repeat_of(n, -1);
  {
    std::unordered_map<std::string, int> first;
    for (size_t i = 0; i < n; ++i) {
      const PredictedEdge& p = predicted[i];
      std::string key = FoldName(p.source) + '\x1f' + std::to_string(static_cast<int>(p.type)) +
                        '\x1f' + FoldName(p.target) + '\x1f' +
                        std::to_string(static_cast<int>(p.modality));
      auto [it, inserted] = first.emplace(std::move(key), static_cast<int>(i));
      if (!inserted) repeat_of[i] = it->second;
    }
  }
  // The first line of `kind` that predicted edge i matches, or -1.
  auto first_line = [&](size_t i, GoldKind kind) {
    for (size_t g = 0; g < gold.edges.size(); ++g)
      if (gold.edges[g].kind == kind && EdgeMatches(gold.edges[g], predicted[i]))
        return static_cast<int>(g);
    return -1;
  };
  std::vector<int> forbidden_by(n, -1);
  for (size_t i = 0; i < n; ++i)
    if (repeat_of[i] < 0) forbidden_by[i] = first_line(i, GoldKind::kForbidden);

  // Maximum bipartite matching ('+' lines × eligible predicted edges) by
  // augmenting paths; gold files are small, so the simple O(V·E) form does.
  std::vector<std::vector<int>> candidates(gold.edges.size());
  for (size_t g = 0; g < gold.edges.size(); ++g) {
    if (gold.edges[g].kind != GoldKind::kExpected) continue;
    for (size_t i = 0; i < n; ++i)
      if (repeat_of[i] < 0 && forbidden_by[i] < 0 && EdgeMatches(gold.edges[g], predicted[i]))
        candidates[g].push_back(static_cast<int>(i));
  }
  std::vector<int> line_of_edge(n, -1);
  std::vector<int> edge_of_line(gold.edges.size(), -1);
  std::vector<char> visited;
  std::function<bool(int)> augment = [&](int g) {
    for (int i : candidates[g]) {
      if (visited[i]) continue;
      visited[i] = 1;
      if (line_of_edge[i] < 0 || augment(line_of_edge[i])) {
        line_of_edge[i] = g;
        edge_of_line[g] = i;
        return true;
      }
    }
    return false;
  };
  for (size_t g = 0; g < gold.edges.size(); ++g) {
    if (candidates[g].empty()) continue;
    visited.assign(n, 0);
    augment(static_cast<int>(g));
  }

  FileScore score;
  for (size_t i = 0; i < n; ++i) {
    Outcome outcome;
    outcome.predicted_index = static_cast<int>(i);
    Counts& counts = score.by_type[static_cast<int>(predicted[i].type)];
    if (repeat_of[i] >= 0) {
      outcome.verdict = Verdict::kDuplicate;
      ++score.duplicates;
    } else if (forbidden_by[i] >= 0) {
      outcome.verdict = Verdict::kViolation;
      outcome.gold_index = forbidden_by[i];
      ++counts.fp;
      ++score.violations;
    } else if (line_of_edge[i] >= 0) {
      outcome.verdict = Verdict::kTruePositive;
      outcome.gold_index = line_of_edge[i];
      ++counts.tp;
    } else if (int g = first_line(i, GoldKind::kExpected); g >= 0) {
      outcome.verdict = Verdict::kDuplicate;
      outcome.gold_index = g;
      ++score.duplicates;
    } else if (int g = first_line(i, GoldKind::kAcceptable); g >= 0) {
      outcome.verdict = Verdict::kAccepted;
      outcome.gold_index = g;
      ++score.accepted;
    } else if (predicted[i].modality == EdgeModality::kAsserted) {
      outcome.verdict = Verdict::kFalsePositive;
      ++counts.fp;
    } else {
      outcome.verdict = Verdict::kUnscored;
      ++score.unscored;
    }
    score.outcomes.push_back(outcome);
  }
  for (size_t g = 0; g < gold.edges.size(); ++g) {
    if (gold.edges[g].kind != GoldKind::kExpected || edge_of_line[g] >= 0) continue;
    Outcome outcome;
    outcome.verdict = Verdict::kFalseNegative;
    outcome.gold_index = static_cast<int>(g);
    ++score.by_type[static_cast<int>(gold.edges[g].types.front())].fn;
    score.outcomes.push_back(outcome);
  }
  for (const Counts& c : score.by_type) score.total += c;
  return score;
}

}  // namespace geokg::tools
