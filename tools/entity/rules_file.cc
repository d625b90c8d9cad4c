#include "tools/entity/rules_file.h"

#include <cctype>
#include <vector>

#include "graph/ids.h"
#include "graph/ontology.h"

namespace geokg::tools::entity {
namespace {

std::string Line(std::string_view op, graph::EntityId id, std::string_view value, const std::string& comment) {
  std::string line = std::string(op) + "\t" + graph::IdToHex(id) + "\t" + std::string(value);
  if (!comment.empty()) line += "\t# " + comment;
  return line + "\n";
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  if (fields.size() > 1 && fields.back().starts_with("#")) fields.pop_back();
  return fields;
}

bool ValidName(std::string_view name) {
  if (name.empty() || name.size() > 300) return false;
  for (char c : name)
    if (static_cast<unsigned char>(c) < 0x20) return false;
  return name.find_first_not_of(' ') != std::string_view::npos;
}

}  // namespace

bool ParseCountryCode(std::string_view text, std::string* code) {
  if (text.empty() || text == "-") {
    code->clear();
    return true;
  }
  if (text.size() != 3) return false;
  code->clear();
  for (char c : text) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
    code->push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return true;
}

std::string FormatRules(const graph::CurationRules& rules,
                        const std::function<std::string(graph::EntityId)>& name_of) {
  std::string out =
      "# geokg curation rules: " + std::to_string(rules.merges.size()) + " merges, " +
      std::to_string(rules.edits.size()) +
      " edited entities.\n# Load them into another store with: geokg entity import --db DIR FILE\n";
  for (const auto& [fold, keep] : rules.merges) {
    const std::string keep_name = name_of(keep);
    out += Line("merge", keep, graph::IdToHex(fold), keep_name.empty() ? "" : "into " + keep_name);
  }
  for (const auto& [id, edit] : rules.edits) {
    const std::string name = name_of(id);
    if (edit.name) out += Line("rename", id, *edit.name, name);
    if (edit.kind) out += Line("set-kind", id, graph::NameOf(*edit.kind), name);
    if (edit.country) out += Line("set-country", id, edit.country->empty() ? "-" : *edit.country, name);
    for (const std::string& alias : edit.add_aliases) out += Line("alias-add", id, alias, name);
    for (const std::string& alias : edit.remove_aliases) out += Line("alias-remove", id, alias, name);
  }
  return out;
}

Status ParseRules(std::string_view text, const std::string& file, graph::CurationRules* rules) {
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const auto fail = [&](const std::string& what) {
      return Status::InvalidInput(file + ":" + std::to_string(line_no) + ": " + what);
    };
    if (line.find_first_not_of(" \t") == std::string_view::npos || line.starts_with("#")) continue;
    const std::vector<std::string_view> f = SplitTabs(line);
    const std::string_view op = f[0];
    if (f.size() != 3)
      return fail("expected three tab-separated fields (rule, id, value), found " + std::to_string(f.size()));
    graph::EntityId id;
    if (f[1].size() != 16 || !graph::HexToId(f[1], &id))
      return fail("'" + std::string(f[1]) + "' is not an entity id (16 hex digits)");
    const std::string value(f[2]);
    if (op == "merge") {
      graph::EntityId fold;
      if (f[2].size() != 16 || !graph::HexToId(f[2], &fold))
        return fail("'" + value + "' is not an entity id (16 hex digits)");
      if (fold == id) return fail("an entity cannot be merged into itself");
      rules->merges[fold] = id;
      continue;
    }
    graph::EntityEdit edit;
    if (op == "rename") {
      if (!ValidName(value)) return fail("'" + value + "' is not a name");
      edit.name = value;
    } else if (op == "set-kind") {
      edit.kind = graph::ParseKind(value);
      if (!edit.kind) {
        const std::string hint = graph::SuggestKind(value);
        return fail("unknown kind '" + value + "'" + (hint.empty() ? "" : " (did you mean '" + hint + "'?)"));
      }
    } else if (op == "set-country") {
      std::string code;
      if (!ParseCountryCode(value, &code)) return fail("'" + value + "' is not a country code (three letters, or -)");
      edit.country = code;
    } else if (op == "alias-add" || op == "alias-remove") {
      if (!ValidName(value)) return fail("'" + value + "' is not a name");
      (op == "alias-add" ? edit.add_aliases : edit.remove_aliases).push_back(value);
    } else {
      return fail("unknown rule '" + std::string(op) +
                  "' (merge, rename, set-kind, set-country, alias-add, alias-remove)");
    }
    graph::CombineEdits(edit, &rules->edits[id]);
  }
  return Status::Ok();
}

}  // namespace geokg::tools::entity
