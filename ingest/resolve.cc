// Document-level resolution tables; see resolve.h.
#include "ingest/resolve.h"

#include "graph/ids.h"
#include "ingest/text.h"

namespace geokg::ingest {

void DocResolver::Reset(const Lexicon* lexicon, DocAnalysis* out) {
  lexicon_ = lexicon;
  out_ = out;
  ids_.clear();
  persons_.clear();
  names_.clear();
  facility_owner_.clear();
  last_facility_ = kNone;
}

void DocResolver::AddAlias(uint32_t entity, std::string_view surface) {
  if (surface.empty()) return;
  graph::Entity& e = out_->entities[entity];
  if (surface == e.name) return;
  for (const std::string& a : e.aliases)
    if (a == surface) return;
  e.aliases.emplace_back(surface);
}

uint32_t DocResolver::ForEntry(const Lexicon::Entry& entry, std::string_view surface) {
  for (uint32_t i = 0; i < ids_.size(); ++i) {
    if (ids_[i] == entry.id) {
      AddAlias(i, surface);
      return i;
    }
  }
  uint32_t index = static_cast<uint32_t>(out_->entities.size());
  graph::Entity& e = out_->entities.emplace_back();
  e.id = entry.id;
  e.name = entry.name;
  e.kind = entry.kind;
  e.country = entry.country;
  ids_.push_back(entry.id);
  AddAlias(index, surface);
  return index;
}

uint32_t DocResolver::ForName(std::string_view name, graph::EntityKind kind, std::string_view country,
                              std::string_view surface) {
  // A created name that the lexicon knows is the lexicon's entity.
  if (const Lexicon::Entry* entry = lexicon_->FindCanonical(name)) return ForEntry(*entry, surface);
  graph::EntityId id = graph::EntityIdFor(name);
  for (uint32_t i = 0; i < ids_.size(); ++i) {
    if (ids_[i] == id) {
      AddAlias(i, surface);
      return i;
    }
  }
  // The arguments may point into out->entities (another entity's country),
  // which emplace_back can move: copy them first.
  std::string name_copy(name), country_copy(country), surface_copy(surface);
  uint32_t index = static_cast<uint32_t>(out_->entities.size());
  graph::Entity& e = out_->entities.emplace_back();
  e.id = id;
  e.name = std::move(name_copy);
  e.kind = kind;
  e.country = std::move(country_copy);
  ids_.push_back(id);
  AddAlias(index, surface_copy);
  return index;
}

int32_t DocResolver::Emit(uint32_t first, uint32_t last, uint32_t entity, MentionForm form, std::string_view role) {
  Mention m;
  m.first_token = first;
  m.last_token = last;
  m.sentence = out_->tokens[first].sentence;
  m.entity = entity;
  m.form = form;
  m.role = role;
  out_->mentions.push_back(m);
  if (form == MentionForm::kName || form == MentionForm::kModifier) {
    std::string_view surface =
        out_->text.substr(out_->tokens[first].begin, out_->tokens[last - 1].end - out_->tokens[first].begin);
    // Surface forms across a line break are not aliases worth keeping.
    if (surface.find('\n') == std::string_view::npos) AddAlias(entity, surface);
  }
  if (out_->entities[entity].kind == graph::EntityKind::kFacility) last_facility_ = entity;
  return static_cast<int32_t>(out_->mentions.size() - 1);
}

void DocResolver::AddStructural(uint32_t source, uint32_t target, graph::RelationType type, uint32_t sentence,
                                std::string_view trigger, float confidence, std::string_view role) {
  if (source == target) return;
  for (const DocAnalysis::Structural& s : out_->structural)
    if (s.source == source && s.target == target && s.type == type && s.sentence == sentence) return;
  DocAnalysis::Structural s;
  s.source = source;
  s.target = target;
  s.type = type;
  s.sentence = sentence;
  s.trigger = std::string(trigger);
  s.role = std::string(role);
  s.confidence = confidence;
  out_->structural.push_back(std::move(s));
}

namespace {

// Honorifics and abbreviated ranks written before a name (titles.tsv holds
// the spelled-out titles).
constexpr std::string_view kNamePrefixes[] = {
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "mme", "mme.", "messrs", "messrs.",
    "gen.", "gen", "sen.", "sen", "rep.", "gov.", "lt.", "col.", "capt.", "adm.", "sgt.", "maj.", "prof.",
    "rev.", "cmdr.", "brig.", "lt", "col", "capt", "adm", "sgt", "maj", "prof", "rev"};

bool IsNamePrefix(std::string_view w) {
  for (std::string_view p : kNamePrefixes) {
    if (p.size() != w.size()) continue;
    bool eq = true;
    for (size_t i = 0; i < w.size() && eq; ++i) {
      char c = w[i];
      if (c >= 'A' && c <= 'Z') c += 32;
      eq = c == p[i];
    }
    if (eq) return true;
  }
  return false;
}

}  // namespace

uint32_t DocResolver::RegisterPerson(uint32_t first, uint32_t last) {
  // Name tokens: skip punctuation (initials keep their periods).
  uint32_t a = first, b = last;
  while (b > a && (out_->tokens[b - 1].flags & kTokPunct)) --b;
  // Skip leading titles and honorifics ("General", "Gen.", "Mr").
  while (a < b) {
    if (IsNamePrefix(out_->TokenText(a))) {
      ++a;
      continue;
    }
    Lexicon::Match m = lexicon_->LongestMatch(*out_, a, b);
    uint32_t title_len = 0;
    for (uint32_t k = 0; k < m.count; ++k)
      if (m.values[k].kind == LexKind::kTitle) title_len = m.length;
    if (title_len == 0 || a + title_len >= b) break;
    a += title_len;
  }
  if (a >= b) return kNone;
  std::string_view first_word = out_->TokenText(a);
  std::string_view last_word = out_->TokenText(b - 1);
  uint64_t fk = TokenKey(first_word), lk = TokenKey(last_word);
  const bool single = b - a == 1;
  uint32_t upgrade = kNone;  // a person known so far by one name only
  for (Person& p : persons_) {
    if (single && (p.last_key == lk || p.first_key == lk)) return p.entity;
    if (!single && p.last_key == lk) {
      if (p.first_key == fk) return p.entity;
      if (p.first_key == p.last_key) upgrade = static_cast<uint32_t>(&p - persons_.data());
    }
  }
  std::string_view full = out_->text.substr(out_->tokens[a].begin, out_->tokens[b - 1].end - out_->tokens[a].begin);
  scratch_.clear();
  // Collapse internal white space (a name broken across a wrapped line).
  for (char c : full) {
    bool sp = c == '\n' || c == '\r' || c == '\t' || c == ' ';
    if (sp) {
      if (!scratch_.empty() && scratch_.back() != ' ') scratch_.push_back(' ');
    } else {
      scratch_.push_back(c);
    }
  }
  uint32_t entity;
  const Lexicon::Entry* entry = lexicon_->FindAlias(scratch_);
  if (entry != nullptr && entry->kind == graph::EntityKind::kPerson) {
    entity = ForEntry(*entry, scratch_);
  } else if (upgrade != kNone && lexicon_->FindCanonical(out_->entities[persons_[upgrade].entity].name) == nullptr) {
    // "Mr Trump" then "Donald Trump": the person takes the full name (the
    // canonical name, hence the id, is the fullest name in the document).
    entity = persons_[upgrade].entity;
    graph::Entity& e = out_->entities[entity];
    e.aliases.push_back(e.name);
    e.name = scratch_;
    e.id = graph::EntityIdFor(scratch_);
    ids_[entity] = e.id;
    persons_[upgrade].first_key = fk;
    return entity;
  } else {
    entity = ForName(scratch_, graph::EntityKind::kPerson, "", scratch_);
  }
  persons_.push_back(Person{fk, lk, entity});
  return entity;
}

void DocResolver::BecomeEntry(uint32_t entity, const Lexicon::Entry& entry) {
  graph::Entity& e = out_->entities[entity];
  std::string old = std::move(e.name);
  e.name = entry.name;
  e.id = entry.id;
  e.kind = entry.kind;
  e.country = entry.country;
  ids_[entity] = entry.id;
  AddAlias(entity, old);
}

uint32_t DocResolver::FindEntry(const Lexicon::Entry& entry) const {
  for (uint32_t i = 0; i < ids_.size(); ++i)
    if (ids_[i] == entry.id) return i;
  return kNone;
}

uint32_t DocResolver::PersonByWord(std::string_view word) const {
  uint64_t k = TokenKey(word);
  for (size_t i = persons_.size(); i-- > 0;)
    if (persons_[i].last_key == k) return persons_[i].entity;
  for (size_t i = persons_.size(); i-- > 0;)
    if (persons_[i].first_key == k) return persons_[i].entity;
  return kNone;
}

void DocResolver::DefineName(std::string_view word, uint32_t entity) {
  uint64_t k = graph::Hash64(word);
  for (Named& n : names_) {
    if (n.key == k) {
      n.entity = entity;
      return;
    }
  }
  names_.push_back(Named{k, entity});
}

uint32_t DocResolver::DefinedName(std::string_view word) const {
  if (names_.empty()) return kNone;
  uint64_t k = graph::Hash64(word);
  for (const Named& n : names_)
    if (n.key == k) return n.entity;
  return kNone;
}

uint32_t DocResolver::LastCountry(uint32_t before) const {
  const std::vector<Mention>& ms = out_->mentions;
  uint32_t best = kNone, best_token = 0;
  // Mentions may be appended out of text order by look-ahead patterns.
  for (const Mention& m : ms) {
    if (m.first_token >= before || m.entity >= out_->entities.size()) continue;
    if (out_->entities[m.entity].kind != graph::EntityKind::kCountry) continue;
    if (best == kNone || m.first_token >= best_token) {
      best = m.entity;
      best_token = m.first_token;
    }
  }
  return best;
}

uint32_t DocResolver::FacilityOwnedBy(uint32_t owner) const {
  for (size_t i = facility_owner_.size(); i-- > 0;)
    if (facility_owner_[i].second == owner) return facility_owner_[i].first;
  return kNone;
}

void DocResolver::NoteFacilityOwner(uint32_t facility, uint32_t owner) {
  facility_owner_.emplace_back(facility, owner);
}

}  // namespace geokg::ingest
