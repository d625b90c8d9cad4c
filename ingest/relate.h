// Relation finding: turns a recognised document (analysis.h) into typed,
// evidenced relations (graph::ExtractedRelation).
//
// Per sentence (noise sentences are skipped), trigger words (triggers.h) are
// matched and each one's arguments are found from the clause structure:
// clauses are cut at relative pronouns, subordinators, semicolons, colons
// and quotation marks; the subject is the actor heading the clause before
// the verb (actors inside a prepositional phrase are skipped, except the
// complement of a force noun: "forces from the 82nd Airborne"); passives
// take their agent from "by"; coordinated subjects and objects give one edge
// each; a verb after "and" or a comma shares the previous verb's subject;
// relative clauses take their antecedent as subject; nominal triggers take
// their agent from a possessive, a modifier, "by X", a governing light verb
// or an EVENT frame ("condemned X for the strikes": X struck).
//
// Modality (DESIGN.md): negators make an edge negated; questions,
// conditionals and modals hypothetical; "will", readiness and infinitives
// future; content of speech or quotation reported (and a reported hostile act
// makes the speaker blame its agent); the complement of a denial negated
// (the denier gets a `rejected` edge to the accuser named in the sentence,
// else to whoever last blamed it in the document). Related-headline
// sentences give confidence <= 0.4 and keep their section.
//
// Also emitted: DocAnalysis::structural, compound adjectives ("Iran-backed
// militia"), and gazetteer located-in (a location whose lexicon links, or
// else whose country code, name a country mentioned in the document).
//
// Never emitted: self-edges, edges between a modifier and its own head, event
// edges between two places.
//
// Thread-safety: Relate is reentrant (its scratch space is thread-local).
#pragma once

#include <vector>

#include "graph/model.h"
#include "ingest/analysis.h"
#include "ingest/triggers.h"

namespace geokg::ingest {

class Lexicon;
class EventLexicon;
namespace parse {
class Model;
}

// What event finding from the dependency tree needs (events/tree_events.h).
// Sentences with two actors and a verb or noun the event lexicon knows are
// tagged and parsed, and their events come from the tree; the trigger rules
// above still run on every sentence for what the tree pass does not cover.
struct EventModels {
  const parse::Model* parser = nullptr;
  const EventLexicon* lexicon = nullptr;
};

// Appends the relations of `doc` to *out (which is not cleared). `lexicon`
// may be null (no gazetteer links then, only country codes). Evidence.doc
// and date come from `meta`. `events` null, or with a null member, turns
// the tree pass off.
void Relate(const Triggers& triggers, const Lexicon* lexicon, const DocAnalysis& doc,
            const graph::DocMeta& meta, std::vector<graph::ExtractedRelation>* out,
            const EventModels* events = nullptr);

// The entity id a relation uses for doc.entities[i]: its id, or
// graph::EntityIdFor(name) when the id is unset.
graph::EntityId EntityIdOf(const graph::Entity& e);

}  // namespace geokg::ingest
