// Recognition: finds the actors a document names and resolves every
// mention to a canonical entity (resolve.h), in one pass over the tokens.
//
// What is recognised (see recognize.cc for the details of each pattern):
//   - lexicon names and aliases, longest match first; demonyms and country
//     names used as modifiers ("Iraqi city", "US troops": kModifier, with
//     `head` set when the modified word is itself a mention); metonyms
//     ("Washington said") when the word acts, else the place;
//   - acronyms defined in the text ("Popular Mobilisation Forces (PMF)")
//     and named bodies the lexicon lacks, typed by their head word
//     ("... Ministry" government-body, "... Forces" armed-group, or
//     military-unit with a state modifier);
//   - numbered military units ("82nd Airborne Division", "5th Fleet"), part-
//     of their possessive/compound owner ("the US Army's ...");
//   - people after titles and honorifics ("Defence Secretary Mark Esper",
//     "Mr Esper"), with member-of (and leader-of for leader titles) to the
//     country or body of the title;
//   - facilities ("the US embassy in Baghdad" -> "United States Embassy in
//     Iraq", "a military base in Kirkuk") and definite references to the
//     last one ("the compound");
//   - groups described by type ("Iran-backed militia", "Iraqi protesters")
//     and compound adjectives (X-backed/-allied/-led/-based) with the
//     relation they carry. A bare group noun ("protesters", "gunmen") is
//     never a corpus-wide node of its own: it becomes the one group of the
//     same head the document qualifies by a compound; else the group of the
//     country its sentence places it in ("protesters in Baghdad" -> "Iraqi
//     protesters", named by the country's adjective demonym, else its
//     name); else the one group of that head the document qualifies
//     otherwise; else the group of the document's dominant country (>= 3
//     and >= 60% of its country mentions); else no entity and no mention;
//   - people: names never include a leading title or honorific ("General
//     Pervez Musharraf" -> "Pervez Musharraf"); a single name ("Reagan",
//     "President Reagan", "Mr Reagan") is the lexicon person of that
//     surname when exactly one lexicon person whose country the document
//     mentions bears it (after a title or honorific: exactly one at all);
//     a bare surname that resolves to no one is dropped;
//   - a coordination is never one name ("Baldrige and State Department"):
//     "and" joins a body name only inside an "of" complement;
//   - "the country" -> the last country named;
//   - generic agents (agents.cc): a role noun or phrase of agents.tsv
//     ("police", "troops", "court", "authorities", "foreign ministry",
//     "militants") qualified by a country word before it ("Kenyan police",
//     "US troops", "Iraq's army", over adjectives such as "senior") or by
//     "of <country>" after it ("the government of Chad") is that country's
//     agent by its CAMEO code: GOV is the state itself (one kMetonym
//     mention of the country over qualifier and role, as for "the
//     government" below); LEG "<adjective demonym> legislature", JUD
//     "... judiciary", SPY "... intelligence services", COP/MIL the
//     country's police and armed forces as for the definite institutions
//     below (a listed entry when there is one: "Iraqi parliament",
//     "Israel Defense Forces"), part-of the country (0.8; 0.7 when
//     resolved). REB "rebels", UAF "militants", OPP "opposition", CVL
//     "civilians", REF "refugees" are the country's groups (as bare groups
//     are), with no part-of, and only for plural or collective heads.
//     Other codes make nothing. The country word stays a kModifier mention
//     whose head is the agent (kDescription). Not before a name when the
//     role is a title ("Foreign Minister X", also appositive), not when it
//     modifies a noun ("police station"), not inside a capitalised name
//     ("Oman Sovereign Fund"). An unqualified state role after "the" ("the
//     court") resolves as the definite institutions below do;
//   - pronouns and definite descriptions (pronouns.cc): "it"/"its" (not
//     "it is ...") -> the nearest actor of its sentence or the one before
//     when that is an organisation, country, armed group, state body or
//     media; "they"/"their"/"them" -> the nearest when it is a plural agent
//     ("Kenyan police", "Iraqi protesters"); modifiers and people are
//     passed over, any other nearest mention leaves the pronoun
//     unresolved. "the group/organisation/movement" -> the last armed
//     group or organisation, "the ministry/agency/council/party" -> the
//     last actor whose name or alias holds the word (five sentences back);
//     "the militia", "the rebels" -> an armed group named in the sentence
//     or the two before, else as bare groups. All are kPronoun mentions;
//     an unresolved one makes no mention;
//   - definite references to a state's institutions that no country word,
//     possessive or name qualifies: "the government", "the regime", "the
//     junta", "the authorities", "the military government/regime/junta"
//     (the state itself, as a metonym), "the military", "the army",
//     "security forces" (its armed forces) and "police" (its police; these
//     two also without "the"). Not when followed by "of" ("the government
//     of Iraq" names its state) or by a noun they modify ("government
//     officials", "the military presence"). They resolve to the country
//     their sentence places them in ("the authorities in Tehran" -> Iran),
//     else to the document's dominant country (as for bare groups) when it
//     is named in this sentence or the one before, else to nothing (no
//     entity, no mention). Armed forces and police are the country's
//     lexicon entry when listed ("Myanmar military" -> Tatmadaw), else
//     "<Demonym> Armed Forces" (military-unit) / "<Demonym> police"
//     (government-body), part-of the country at confidence 0.7.
//
// Structural relations found on the way go to DocAnalysis::structural:
//   part-of (unit -> owner; "US Army" -> United States), member-of/leader-of
//   (person -> country/body, role = title: the stated country or body, else
//   the person's lexicon country, else the one the document gives the same
//   person elsewhere, else, for national-government titles only (head of
//   state or government, minister), the document's dominant country at
//   confidence 0.6 and member-of only), located-in (facility -> place,
//   place -> country from "Iraqi city of Kirkuk"), backed-by / allied-with /
//   located-in (group -> X) from compounds, part-of (armed forces or police
//   -> country) from definite institutions, and leader-of (X -> group) from
//   "X-led group" (the ontology has no led-by; leader-of points from the
//   leader to what it leads).
//
// Thread-safety: reentrant; scratch buffers are thread-local, the lexicon is
// shared read-only.
#pragma once

#include <string_view>

#include "ingest/analysis.h"
#include "ingest/lexicon.h"

namespace geokg::ingest {

// Analyses `text` (AnalyzeText) and fills out->entities, out->mentions (in
// text order) and out->structural. Clears *out first, keeping capacity.
// Every entity of out->entities is the entity of at least one mention or an
// end of a structural relation (a country the lexicon places a named city
// in); every recognised actor, pronoun and definite description included,
// has its mentions, so mention counts per entity are complete.
// REQUIRES: `text` and `lexicon` outlive every use of *out (mentions and
// tokens point into them).
void Recognize(const Lexicon& lexicon, std::string_view text, DocAnalysis* out);

}  // namespace geokg::ingest
