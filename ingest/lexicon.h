// Lexicon: the actors, demonyms, metonyms, titles and common words that
// recognition matches against, loaded from plain-text data files, and a
// multi-pattern matcher over token sequences.
//
// Files (in a directory; '#' starts a comment line, fields are TAB-separated):
//   *.actors.tsv      name, kind, country (ISO-3 or empty), aliases ('|'),
//                     links (';'-separated "relation-type>Canonical Target")
//   demonyms.tsv      word, canonical entity   ("Iranian" -> Iran)
//   metonyms.tsv      word, canonical entity   ("Kremlin" -> Russia)
//   titles.tsv        title, class, leader (yes|no)
//   agents.tsv        role noun or phrase, CAMEO agent code ("police" COP)
//   common-words.txt  one lower-case English word a line
// The built-in directory loads first, then each extra directory adds to it:
// an actor whose canonical name is already known gains the new aliases and
// links (and the new kind/country when given); a later alias for the same
// words is tried before an earlier one.
//
// Matching: every alias, demonym, metonym and title is tokenized like the
// text (text.h) and keyed by a chain of TokenKey hashes, with every prefix
// in the table, so the longest match at a token is a walk of hash lookups
// with no allocation. Case rules: an alias written all in capitals ("US",
// "PMF") matches only upper-case text; any other alias matches case-
// insensitively but each of its capitalised words must be capitalised in
// the text. Titles match in any case. Agents (generic role nouns) have a
// table of their own (LongestAgent), so that a role phrase never hides a
// name or a title from LongestMatch; they match in any case, and a later
// entry for the same phrase replaces the earlier one's code.
//
// Thread-safety: a loaded Lexicon is immutable and may be shared by any
// number of threads (it is handed out as shared_ptr<const Lexicon>).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/model.h"
#include "graph/status.h"
#include "ingest/analysis.h"

namespace geokg::ingest {

// What a lexicon pattern stands for.
enum class LexKind : uint8_t {
  kEntity,   // an actor's name or alias; index into entries
  kDemonym,  // index = the entry the demonym refers to
  kMetonym,  // index = the entry the metonym stands for
  kTitle,    // index into titles
};

struct LexValue {
  LexKind kind = LexKind::kEntity;
  bool upper_only = false;  // an all-capitals alias: text must be upper-case
  uint32_t index = 0;
  uint32_t capital_mask = 0;  // bit j: pattern token j is capitalised
  // An all-capitals one-word actor alias of four letters or more that is no
  // common word: written in title case too, as some papers write acronyms
  // ("Nato", "Farc", "Isis").
  bool title_acronym = false;
};

class Lexicon {
 public:
  struct Link {
    graph::RelationType type;
    std::string target;  // canonical name of the target (may be unknown to the lexicon)
  };
  struct Entry {
    std::string name;  // canonical name
    graph::EntityId id = 0;  // graph::EntityIdFor(name)
    graph::EntityKind kind = graph::EntityKind::kOrganization;
    std::string country;  // ISO-3 or empty
    std::vector<std::string> aliases;  // not including name
    std::vector<Link> links;
  };
  struct Title {
    std::string title;
    std::string title_class;
    bool leader = false;
  };
  // A node of the pattern table: the values of the pattern ending here
  // ([first, first + count) in values()), and whether longer patterns
  // continue from it.
  struct Node {
    uint32_t first = 0;
    uint16_t count = 0;
    bool has_children = false;
    bool common = false;  // a single-token node that is a common word
    bool agent = false;   // a single-token node that starts an agent phrase
  };
  // A generic agent role ("police", "foreign ministry") and its CAMEO code.
  struct Agent {
    std::string phrase;  // lower case
    std::string code;    // "COP", "GOVMIL": the first three letters are the primary agent
  };
  // The longest pattern found at a token.
  struct Match {
    uint32_t length = 0;  // tokens; 0 = no match
    const LexValue* values = nullptr;
    uint32_t count = 0;
  };

  Lexicon();
  ~Lexicon();
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  // Adds the entries of one data file. `file_name` decides the format (by
  // its base name, see above) and names errors: "dir/x.actors.tsv:12:
  // unknown kind 'armed group'". Files of other names are ignored. REQUIRES:
  // Finish() not called yet.
  Status AddFile(std::string_view file_name, std::string_view contents);
  // Resolves demonym/metonym targets and builds the pattern table. Returns
  // InvalidInput naming file:line for a demonym or metonym whose target is
  // not a known canonical name or alias.
  Status Finish();

  // The longest pattern at doc.tokens[first, end) whose values include at
  // least one that passes the case rules (the returned values are all the
  // values of that pattern; use CaseOk to filter). Stops at `end`.
  // `keys`, when given, holds TokenKey of every token of doc (saves
  // rehashing); `first_nodes`, when given, a copy of the node of FirstNode
  // of every token, or an empty Node where it has none (saves the first
  // probe and a load from the lexicon's large node table).
  Match LongestMatch(const DocAnalysis& doc, uint32_t first, uint32_t end, const uint64_t* keys = nullptr,
                     const Node* first_nodes = nullptr) const;
  // The node index of the one-token pattern with this TokenKey (it may be
  // only a prefix or a common word), or -1. Pass to LongestMatch.
  int32_t FirstNode(uint64_t token_key) const;
  // The node of FirstNode's index.
  const Node& node(int32_t index) const { return node_recs_[index]; }
  // The values of a single-token pattern equal to `word` (a piece of a
  // token, e.g. "Iran" of "Iran-backed"), or an empty match.
  Match MatchWord(std::string_view word) const;
  // True if value `v` may match the `length` text tokens at `first`.
  bool CaseOk(const LexValue& v, const DocAnalysis& doc, uint32_t first, uint32_t length) const;
  // Case rules for a single word (see MatchWord).
  static bool CaseOkWord(const LexValue& v, std::string_view word);

  // The longest agent phrase at doc.tokens[first, end): its length in
  // tokens (0 = none) and *agent, an index into agents(). `keys` as for
  // LongestMatch.
  uint32_t LongestAgent(const DocAnalysis& doc, uint32_t first, uint32_t end, const uint64_t* keys,
                        uint32_t* agent) const;
  const std::vector<Agent>& agents() const { return agents_; }

  bool IsCommonWord(std::string_view word) const;
  bool IsCommonKey(uint64_t token_key) const;

  // Entry by canonical name (NormalizeName-insensitive); nullptr if none.
  const Entry* FindCanonical(std::string_view name) const;
  // Entry by canonical name or any alias; nullptr if none.
  const Entry* FindAlias(std::string_view name) const;
  // The country entry whose ISO-3 code is `iso3` (kind country), or nullptr.
  const Entry* CountryByCode(std::string_view iso3) const;
  // The person entries (indices into entries) whose canonical name ends with
  // the word of TokenKey `surname_key` ("Reagan" -> Ronald Reagan), or
  // nullptr. Words that are common English words are not indexed.
  const std::vector<uint32_t>* PeopleWithSurname(uint64_t surname_key) const;
  // The adjective demonym of an entry ("Iraqi" for Iraq): the first
  // demonym of demonyms.tsv naming it that is not the plural of another
  // ("Iraqis"); empty if it has none.
  std::string_view AdjectiveDemonym(const Entry& e) const;

  const std::vector<Entry>& entries() const { return entries_; }
  const std::vector<Title>& titles() const { return titles_; }
  const std::vector<LexValue>& values() const { return values_; }

  // A number unique to this lexicon object in the process, for caches
  // keyed by lexicon.
  uint64_t serial() const { return serial_; }

  // Index of an entry pointer returned by this lexicon.
  uint32_t IndexOf(const Entry* e) const { return static_cast<uint32_t>(e - entries_.data()); }

 private:
  struct PendingRef {
    LexKind kind;
    std::string word;
    std::string target;
    std::string where;  // "file:line"
  };
  class KeyTable;

  Status AddActors(std::string_view file_name, std::string_view contents);
  Status AddPairs(std::string_view file_name, std::string_view contents, LexKind kind);
  Status AddTitles(std::string_view file_name, std::string_view contents);
  Status AddCommonWords(std::string_view contents);
  Status AddAgents(std::string_view file_name, std::string_view contents);
  // Adds one pattern (tokenized text) with its value.
  void AddPattern(std::string_view text, LexValue value);

  std::vector<Entry> entries_;
  std::vector<Title> titles_;
  std::vector<Agent> agents_;
  // Agent phrases by chain key (as the pattern table): the agent index, or
  // -1 for a prefix only; and whether longer phrases continue.
  struct AgentNode {
    int32_t agent = -1;
    bool has_children = false;
  };
  std::unordered_map<uint64_t, AgentNode> agent_nodes_;  // as loaded; Finish indexes it
  // The same, read by LongestAgent: chain key -> index into agent_recs_
  // (a std::unordered_map lookup chased a bucket list and divided by a
  // prime at every word of an agent phrase).
  std::unique_ptr<KeyTable> agent_table_;
  std::vector<AgentNode> agent_recs_;
  std::vector<PendingRef> pending_;
  std::unordered_map<std::string, uint32_t> by_name_;   // NormalizeName(canonical) -> entry
  std::unordered_map<std::string, uint32_t> by_alias_;  // NormalizeName(alias) -> entry
  std::unordered_map<std::string, uint32_t> by_code_;   // ISO-3 -> country entry
  std::unordered_map<uint64_t, std::vector<uint32_t>> by_surname_;  // TokenKey(last word) -> people
  std::vector<std::string> adjective_demonym_;  // parallel to entries_
  std::unordered_map<uint64_t, std::vector<LexValue>> building_;  // key -> values, until Finish
  std::vector<uint64_t> prefix_keys_;
  std::vector<uint64_t> building_common_;
  std::vector<uint64_t> building_agent_starts_;  // TokenKey of agent phrases' first words, until Finish
  std::vector<Node> node_recs_;
  std::vector<LexValue> values_;
  std::unique_ptr<KeyTable> nodes_;
  bool finished_ = false;
  uint64_t serial_ = 0;
};

// Loads the built-in lexicon (the compile-time GEOKG_DATA_DIR, or the
// GEOKG_DATA_DIR environment variable when set), then each directory of
// `extra_dirs` in order. Errors: InvalidInput naming file:line for a
// malformed line, NotFound for a missing directory, Storage for an
// unreadable file. A missing built-in directory is an error only if no
// extra directory is given.
Status LoadLexicon(const std::vector<std::string>& extra_dirs, std::shared_ptr<const Lexicon>* out);

// Loads exactly the given directories (no built-in data), for tests and
// tools.
Status LoadLexiconDirs(const std::vector<std::string>& dirs, std::shared_ptr<const Lexicon>* out);

}  // namespace geokg::ingest
