// Resolution: the document-level tables that turn recognised spans into
// canonical entities. One DocResolver serves one document at a time (Reset
// per document keeps the buffers' capacity).
//
// Canonical names, and so entity ids, depend only on the text and the
// lexicon, never on the order documents arrive in:
//   - lexicon entries keep their canonical name;
//   - people found after titles/honorifics are named by the full name seen
//     in the document ("Mark Esper"), without leading titles or honorifics;
//     a later "Esper" / "Mr Esper" in the same document resolves to that
//     person; a lexicon person entry wins, and a surname alone becomes the
//     lexicon person of that surname when the document makes it
//     unambiguous (recognize.h);
//   - facilities are named by owner and host country ("United States
//     Embassy in Iraq") or by place ("Military base in Kirkuk");
//   - groups described by type by their description ("Iran-backed
//     militia", "protesters").
//
// Thread-safety: none; use one DocResolver per thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/analysis.h"
#include "ingest/lexicon.h"

namespace geokg::ingest {

class DocResolver {
 public:
  static constexpr uint32_t kNone = 0xFFFFFFFFu;

  // Starts a document: clears every table. `out` receives entities,
  // mentions and structural relations.
  void Reset(const Lexicon* lexicon, DocAnalysis* out);

  // The document entity for a lexicon entry, created on first use. Adds
  // `surface` to its aliases when non-empty and new.
  uint32_t ForEntry(const Lexicon::Entry& entry, std::string_view surface);
  // The document entity with canonical name `name`, created on first use
  // with `kind` and `country`.
  uint32_t ForName(std::string_view name, graph::EntityKind kind, std::string_view country,
                   std::string_view surface);
  void AddAlias(uint32_t entity, std::string_view surface);

  // Appends a mention; returns its index in out->mentions.
  int32_t Emit(uint32_t first, uint32_t last, uint32_t entity, MentionForm form, std::string_view role = {});

  // Appends a structural relation unless the same one is already recorded
  // for this sentence.
  void AddStructural(uint32_t source, uint32_t target, graph::RelationType type, uint32_t sentence,
                     std::string_view trigger, float confidence, std::string_view role = {});

  // People. RegisterPerson records the tokens of a full name for later
  // surname/first-name resolution and returns the entity; PersonByWord
  // returns the person one of whose names is `word`, or kNone.
  // Leading titles and honorifics are not part of a name ("General Pervez
  // Musharraf", "Mr. Esper"): RegisterPerson skips them (kNone if nothing
  // else is left).
  uint32_t RegisterPerson(uint32_t first, uint32_t last);
  // Gives document entity `entity` the identity of lexicon entry `entry`
  // (its old name becomes an alias): a surname resolved to a known person.
  void BecomeEntry(uint32_t entity, const Lexicon::Entry& entry);
  // The document entity of a lexicon entry if it already exists, or kNone.
  uint32_t FindEntry(const Lexicon::Entry& entry) const;
  uint32_t PersonByWord(std::string_view word) const;

  // Names defined by the document: acronyms ("PMF") and single-word names
  // created by patterns. Keyed by exact token text.
  void DefineName(std::string_view word, uint32_t entity);
  uint32_t DefinedName(std::string_view word) const;

  // The most recent mention (before token `before`) of an entity of kind
  // country, or kNone.
  uint32_t LastCountry(uint32_t before) const;
  // The most recent facility mentioned, or kNone; and noting one.
  uint32_t LastFacility() const { return last_facility_; }
  void NoteFacility(uint32_t entity) { last_facility_ = entity; }
  // The facility with this owner seen in the document, or kNone.
  uint32_t FacilityOwnedBy(uint32_t owner) const;
  void NoteFacilityOwner(uint32_t facility, uint32_t owner);

  const Lexicon& lexicon() const { return *lexicon_; }
  DocAnalysis& out() { return *out_; }

 private:
  struct Person {
    uint64_t first_key;
    uint64_t last_key;
    uint32_t entity;
  };
  struct Named {
    uint64_t key;
    uint32_t entity;
  };
  const Lexicon* lexicon_ = nullptr;
  DocAnalysis* out_ = nullptr;
  std::vector<graph::EntityId> ids_;  // parallel to out->entities
  std::vector<Person> persons_;
  std::vector<Named> names_;
  std::vector<std::pair<uint32_t, uint32_t>> facility_owner_;
  uint32_t last_facility_ = kNone;
  std::string scratch_;
};

}  // namespace geokg::ingest
