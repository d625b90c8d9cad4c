// Recognition of facilities: embassies and consulates named by owner and
// host ("the US embassy in Baghdad" -> "United States Embassy in Iraq"),
// military bases by place ("a military base in Kirkuk"), and definite
// references to the last facility ("the compound"). Part of the Recognizer
// (recognize_internal.h); see recognize.h for the contract.
#include <string>

#include "ingest/recognize_internal.h"
#include "ingest/text.h"

namespace geokg::ingest::internal {

uint32_t Recognizer::TryFacility(uint32_t i, uint32_t end) {
  std::string_view w = Tok(i);
  const bool embassy = Is(i, "embassy") || Is(i, "consulate");
  const bool base = Is(i, "base") || Is(i, "airbase") || Is(i, "bases");
  const bool definite_word = InListFolded(kDefiniteFacility, w);
  if (!embassy && !base && !definite_word) return 0;
  // "the embassy compound", "the diplomatic mission": definite reference.
  uint32_t span_end = i + 1;
  if (embassy && span_end < end && (Is(span_end, "compound") || Is(span_end, "building"))) ++span_end;
  bool definite = (i >= 1 && Is(i - 1, "the")) ||
                  (i >= 2 && Is(i - 2, "the") && Lower(i - 1) && !(Flags(i - 1) & kTokPunct) &&
                   (Is(i - 1, "diplomatic") || Is(i - 1, "military") || Is(i - 1, "air") || Is(i - 1, "besieged") ||
                    Is(i - 1, "embassy")));
  if (!embassy && !base) {
    if (!definite || res_.LastFacility() == kNone) return 0;
    res_.Emit(i, i + 1, res_.LastFacility(), MentionForm::kPronoun);
    return 1;
  }
  // Owner: "US embassy", "Iraq's embassy", "its embassy", "the country's embassy".
  uint32_t owner = kNone;
  int32_t pm = MentionEndingAt(i);
  if (pm < 0 && i >= 2 && (Flags(i - 2) & kTokPossessive)) pm = MentionEndingAt(i - 1);
  if (pm >= 0 && out_->entities[out_->mentions[pm].entity].kind == graph::EntityKind::kCountry &&
      out_->mentions[pm].last_token + 2 >= i)
    owner = out_->mentions[pm].entity;
  if (owner == kNone && i >= 1 && (Is(i - 1, "its") || Is(i - 1, "their"))) owner = res_.LastCountry(i);

  // Place: "in Baghdad", "in the northern Iraqi city of Kirkuk".
  uint32_t k = span_end;
  uint32_t place = kNone, host = kNone;
  if (k + 1 < end && (Is(k, "in") || Is(k, "near") || Is(k, "outside"))) {
    ++k;
    if (Is(k, "the")) ++k;
    while (k < end && InListFolded(kDirectionAdjectives, Tok(k))) ++k;
    uint32_t len;
    bool demonym;
    const Lexicon::Entry* e = EntityAt(k, end, &len, &demonym);
    if (e != nullptr && demonym) {
      // "Iraqi city of Kirkuk": the place follows.
      uint32_t q = k + len;
      if (q + 2 < end + 1 && InListFolded(kPlaceNouns, Tok(q)) && Is(q + 1, "of")) {
        k = q + 2;
        e = EntityAt(k, end, &len, &demonym);
        if (e == nullptr && k < end && Cap(k)) {
          uint32_t r = k;
          while (r < end && r < k + 3 && Cap(r) && IsWord(r)) ++r;
          place = LocationFromTokens(k, r);
        }
      } else {
        e = nullptr;
      }
    }
    if (e != nullptr && !demonym) {
      if (e->kind == graph::EntityKind::kCountry) {
        host = res_.ForEntry(*e, "");
      } else if (e->kind == graph::EntityKind::kLocation) {
        place = res_.ForEntry(*e, "");
        if (const Lexicon::Entry* c = CountryOf(*e)) host = res_.ForEntry(*c, "");
      }
    } else if (place == kNone && e == nullptr && k < end && Cap(k) && !Common(k) && !base) {
      // An unknown capitalised place after "embassy in" is not guessed.
    }
    if (place != kNone && host == kNone) host = CountryOfEntity(place);
  }

  if (base) {
    if (place == kNone && host == kNone) {
      if (definite && res_.LastFacility() != kNone) {
        res_.Emit(i, i + 1, res_.LastFacility(), MentionForm::kPronoun);
        return 1;
      }
      return 0;
    }
    const bool air = (i >= 1 && Is(i - 1, "air")) || Is(i, "airbase");
    uint32_t where = place != kNone ? place : host;
    std::string name = air ? "Air base in " : "Military base in ";
    name += out_->entities[where].name;
    uint32_t ent = res_.ForName(name, graph::EntityKind::kFacility, out_->entities[where].country, "");
    res_.Emit(i, i + 1, ent, MentionForm::kDescription);
    res_.AddStructural(ent, where, graph::RelationType::kLocatedIn, sentence_, "in", 0.8f);
    return 1;
  }

  // Embassy.
  if (owner == kNone && host != kNone) {
    uint32_t last = res_.LastCountry(i);
    if (last != kNone && last != host) owner = last;
  }
  if (owner == kNone) {
    if (definite && res_.LastFacility() != kNone) {
      res_.Emit(i, span_end, res_.LastFacility(), MentionForm::kPronoun);
      return span_end - i;
    }
    return 0;
  }
  const bool consulate = Is(i, "consulate");
  uint32_t ent = kNone;
  if (host == kNone) {
    // "the US embassy" with no place: the owner's embassy seen in this
    // document, if any.
    ent = res_.FacilityOwnedBy(owner);
    if (ent == kNone && definite && res_.LastFacility() != kNone) ent = res_.LastFacility();
  }
  if (ent == kNone) {
    std::string name = out_->entities[owner].name;
    name += consulate ? " Consulate" : " Embassy";
    if (host != kNone) {
      name += " in ";
      name += out_->entities[host].name;
    }
    ent = res_.ForName(name, graph::EntityKind::kFacility, out_->entities[owner].country, "");
    res_.NoteFacilityOwner(ent, owner);
  }
  res_.Emit(i, span_end, ent, MentionForm::kDescription);
  if (place != kNone) {
    res_.AddStructural(ent, place, graph::RelationType::kLocatedIn, sentence_, "in", 0.8f);
  } else if (host != kNone) {
    res_.AddStructural(ent, host, graph::RelationType::kLocatedIn, sentence_, "in", 0.8f);
  }
  return span_end - i;
}

}  // namespace geokg::ingest::internal
