// The plain-text form of a store's curation rules (geokg entity rules /
// geokg entity import), so that a team can keep them in version control and
// load them into every store it builds.
//
// One rule a line, fields separated by tabs; blank lines and lines starting
// with '#' are comments, and so is a last field starting with '#':
//
//   merge         KEEP-ID  FOLD-ID     records of FOLD land on KEEP
//   rename        ID       NAME        the canonical name
//   set-kind      ID       KIND        a kind of the ontology (country, ...)
//   set-country   ID       CODE        ISO alpha-3, or '-' for none
//   alias-add     ID       NAME
//   alias-remove  ID       NAME
//
// Ids are the 16-hex-digit entity ids geokg prints (a hash of the
// normalised canonical name, the same in every store).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "graph/curation.h"
#include "graph/status.h"

namespace geokg::tools::entity {

// The rules as a file. `name_of` gives an entity's current name for the
// comments ("" when unknown).
std::string FormatRules(const graph::CurationRules& rules,
                        const std::function<std::string(graph::EntityId)>& name_of);

// Parses a rules file into *rules (added to what is there). InvalidInput
// "FILE:LINE: ..." at the first bad line.
Status ParseRules(std::string_view text, const std::string& file, graph::CurationRules* rules);

// A country code as set-country takes it: three ASCII letters, upper-cased
// into *code, or "-" (or "") for none. False for anything else.
bool ParseCountryCode(std::string_view text, std::string* code);

}  // namespace geokg::tools::entity
