// The command table: the one place that lists geokg's subcommands, their
// flags and their help. Dispatch, `geokg --help` and `geokg CMD --help` are
// all generated from it.
#include <cstdint>
#include <string>

#include "tools/cli/command.h"

namespace geokg::tools {

namespace {
const FlagSpec kDb{"--db", "DIR", "the graph store (an LMDB environment directory)"};
const FlagSpec kNoParse{"--no-parse", "", "skip the parser: events from the trigger rules only (faster, finds fewer)"};
const FlagSpec kLexicon{"--lexicon", "DIR", "extra lexicon files (same formats as ingest/data) added to the built-in ones", true};
const FlagSpec kAllModalities{"--all-modalities", "", "include negated, hypothetical, future and reported edges (default: asserted only)"};
const FlagSpec kFrom{"--from", "DATE", "count only evidence dated on or after DATE (YYYY-MM-DD): counts, dates and confidence are the window's"};
const FlagSpec kTo{"--to", "DATE", "count only evidence dated on or before DATE (YYYY-MM-DD)"};
const FlagSpec kParam{"--param", "NAME=VALUE", "set the query parameter $NAME ('text', 42, 1.5, true, null; bare text is a string)", true};
const FlagSpec kMaxMemory{"--max-memory", "MB", "memory budget of one query: rows, groups, collected lists and paths (default: 1024)"};
const FlagSpec kContinue{"--continue", "", "in a script, go on after a failing statement (the exit status is still 1)"};
// Kept for the life of the program: CommandSpec::details is a view.
std::string_view EntityHelp() {
  static const std::string kHelp = EntitySubcommandHelp();
  return kHelp;
}
}  // namespace

const std::vector<CommandSpec>& Commands() {
  static const std::vector<CommandSpec> kCommands = {
      {"ingest", "--db DIR [--lexicon DIR] PATH...",
       "extract actors and relations from files, folders, JSONL or '-' (stdin) into the store",
       {kDb, kLexicon, kNoParse,
        {"--include", "GLOB", "in folders, read only files matching GLOB (e.g. '*.txt', '**/*.md')", true},
        {"--exclude", "GLOB", "in folders, skip files matching GLOB", true},
        {"--text-field", "NAME", "JSONL field holding the article text (default: text)"},
        {"--title-field", "NAME", "JSONL field holding the title (default: title)"},
        {"--date-field", "NAME", "JSONL field holding the date (default: date)"},
        {"--id-field", "NAME", "JSONL field holding the document id (default: id)"},
        {"--url-field", "NAME", "JSONL field holding the URL (default: url)"},
        {"--threads", "N", "extraction threads (default: all cores)"},
        {"--batch", "N", "documents per write transaction (default: 2048)"},
        {"--shard", "K/N", "only this worker's share of the documents, 0 <= K < N, by document id (merge the shards with geokg merge)"},
        {"--max-doc-mb", "N", "skip (and report) documents or JSONL lines over N MB (default: 16)"},
        {"--quiet", "", "no progress line and no summary"}},
       1, SIZE_MAX, RunIngest,
       "Plain text (.txt, .md, no extension) is one document a file; .jsonl/.ndjson is one\n"
       "document a line. Folders are read recursively in sorted order. Documents already\n"
       "in the store (same content hash) are skipped. A bad file or line is reported on\n"
       "stderr as 'file:line: reason', skipped, and counted; the exit status is then 1."},
      {"query", "--db DIR [--format table|json|csv] [--param NAME=VALUE] ('QUERY' | -f FILE)",
       "run a path query (openCypher subset) and print the rows",
       {kDb, {"--format", "FMT", "table (default), json or csv"}, kAllModalities, kFrom, kTo,
        {"--limit", "N", "stop after N rows (default: 100000)"},
        {"--timeout", "SECONDS", "give up after SECONDS (default: 30)"}, kMaxMemory, kParam,
        {"-f", "FILE", "run the ';'-separated statements (and :commands) of FILE ('-': stdin)"}, kContinue},
       0, 1, RunQuery,
       "With -f, results go to stdout and each error to stderr as FILE:LINE:COLUMN: message;\n"
       "the first failing statement ends the run (exit 1) unless --continue."},
      {"repl", "--db DIR [--param NAME=VALUE]", "interactive queries with history, completion and :commands",
       {kDb, kAllModalities, kMaxMemory, kParam, kContinue}, 0, 0, RunRepl,
       "On a terminal: line editing, history of whole queries, Tab completion; Ctrl-C clears\n"
       "the line or cancels the running query, Ctrl-D leaves. With stdin from a file or a pipe\n"
       "it runs as a script: errors on stderr as <stdin>:LINE:COLUMN: message, exit 1 at the\n"
       "first failing statement (unless --continue), and input ending inside a query is an error."},
      {"dot", "--db DIR [--around NAME [--depth N] | --query Q] [--types T,...] [-o FILE.dot|.svg|.png|.pdf]",
       "draw part of the graph with GraphViz",
       {kDb, {"--around", "NAME", "the neighbourhood of this actor"},
        {"--depth", "N", "hops around --around (default: 1)"},
        {"--query", "QUERY", "draw the nodes and edges of a query's result"},
        {"--types", "T,...", "only these relation types"},
        {"--kinds", "K,...", "only these entity kinds"},
        {"--min-count", "N", "only edges with at least N pieces of evidence"},
        {"--max-nodes", "N", "keep the N most connected nodes (default: 300)"},
        kAllModalities, kFrom, kTo,
        {"--layout", "ENGINE", "dot, neato, fdp, sfdp, circo or twopi (default: dot, sfdp above 1,500 nodes)"},
        {"--rankdir", "DIR", "direction of a dot layout: LR (default), RL, TB or BT"},
        {"--layout-timeout", "SECONDS", "a layout running longer is redone with sfdp (default: 30; 0: no limit)"},
        {"--title", "TEXT", "the title (default: the focus, the query or 'All relations'; '' for none)"},
        {"--caption", "TEXT", "a line under the title (a source, a date of issue)"},
        {"--no-legend", "", "leave the legend out"},
        {"-o", "FILE", "output file; the extension picks dot, svg, png or pdf (default: DOT on stdout)"}},
       0, 0, RunDot,
       "Edges are coloured by family (material conflict, verbal conflict, cooperation, aid;\n"
       "structural ties such as member-of and located-in thin and grey, and left out unless\n"
       "--types names them or a --query returns them). One edge per pair and family, labelled\n"
       "with its types and counts in its own colour; symmetric relations have no arrowhead.\n"
       "The title block gives the title, the date window, the documents and relations behind\n"
       "the drawing, and a legend of what is present. With --from/--to, counts and widths are\n"
       "the window's."},
      {"export", "--db DIR --format jsonl|csv|graphml [-o PATH]",
       "write the whole graph for other tools",
       {kDb, {"--format", "FMT", "jsonl (one relation a line), csv (nodes + relations files) or graphml"},
        {"-o", "PATH", "output file (jsonl, graphml) or folder (csv); default stdout (csv: ./export)"},
        kAllModalities,
        {"--max-evidence", "N", "evidence items per relation in jsonl (default: all)"}},
       0, 0, RunExport,
       "As queries do, exports hold the relations with asserted evidence, their counts and\n"
       "dates computed over it; --all-modalities adds the others with per-modality counts.\n"
       "csv writes nodes.csv, relations/TYPE.csv (one file a relation type), kuzu.cypher (the\n"
       "CREATE and COPY statements for Kuzu) and neo4j-import.sh (the neo4j-admin command)."},
      {"reextract", "--db DIR [--lexicon DIR] [--all] [--batch DOCS]",
       "run the current extractor again over the stored texts and replace the documents' records",
       {kDb, kLexicon, {"--all", "", "every document, not only those extracted by another version or lexicon"},
        {"--batch", "DOCS", "documents a transaction (default 200)"}},
       0, 0, RunReextract,
       "Documents extracted by another geokg version or lexicon (or all, with --all) are read again\n"
       "from the text the store keeps and their records replaced, one transaction a batch: killed at\n"
       "any point, the store is consistent, and running it again finishes the job."},
      {"retract", "--db DIR DOC...", "remove documents and their evidence; relations and entities left with nothing go",
       {kDb}, 1, SIZE_MAX, RunRetract,
       "DOC: a stored document's id (16 hex digits, as geokg docs and :why show it), the id the\n"
       "input gave it (JSONL \"id\"), or a source file (every document read from it). Relations keep\n"
       "their other evidence, with counts, dates and confidence recomputed. All in one transaction:\n"
       "killed at any point, the store is as before or as after. A DOC that matches nothing is an\n"
       "error and nothing is removed."},
      {"merge", "--db OUT STORE...", "unite stores (shards of a corpus, stores built apart) into OUT",
       {{"--db", "OUT", "the store to merge into (created if missing)"},
        {"--batch", "N", "documents per write transaction (default: 2048)"},
        {"--quiet", "", "no summary lines"}},
       1, SIZE_MAX, RunMergeStores,
       "Documents, their texts, entities, aliases, mention counts, relations with all their evidence,\n"
       "and curation rules. OUT's documents are kept as they are, so merging a store twice changes\n"
       "nothing, and the order of the STOREs does not matter: the result exports byte for byte as one\n"
       "ingest of all their documents would. A batch per write transaction: killed at any point, OUT\n"
       "is consistent and running the same command again completes it."},
      {"stats", "--db DIR [--format json]", "counts of documents, entities, relations and evidence",
       {kDb, {"--format", "FMT", "text (default) or json"}}, 0, 0, RunStats},
      {"docs", "--db DIR [--limit N] [--format table|json|csv] NAME",
       "the documents that mention an actor, newest first (id, date, title, url, mentions)",
       {kDb, {"--limit", "N", "documents per entity (default: 20; 0: all)"},
        {"--format", "FMT", "table (default), json or csv"}},
       1, 1, RunDocs,
       "NAME is a canonical name or an alias, matched as in queries ({name: 'NAME'}); a name\n"
       "shared by several entities lists each one's documents."},
      {"eval", "--gold PATH... | --events FILE [--lexicon DIR]",
       "score the extractor against gold files of expected and forbidden edges, or event-coded sentences",
       {{"--gold", "PATH", "a .gold file or a folder of them", true},
        {"--events", "FILE", "JSONL of sentences with annotated source, target and quad class (docs/eval.md)"},
        {"--quad", "SCHEME", "with --events: phoenix (default; 0: CAMEO 01-02, 1: 03-05, 2: 06-08, 3: 09-13 and 16, 4: the rest) or ranges (1: 01-05 ... 4: 15-20)"},
        {"--modality", "M", "with --events: asserted+reported (default), asserted, asserted+future, events (the three) or all"},
        kLexicon, kNoParse,
        {"--format", "FMT", "table (default) or json"},
        {"--verbose", "", "list every true positive, false positive and miss with its sentence"}},
       0, 0, RunEval},
      {"parse", "[--model DIR] [-f FILE] [TEXT | FILE | -]...",
       "tag, lemmatise and dependency-parse text, printing CoNLL-U",
       {{"-f", "FILE", "read the text of FILE", true},
        {"--model", "DIR", "the parser models (default: $GEOKG_PARSER_DIR, else the folder the build trained them into)"},
        {"--eval", "FILE", "instead, parse the sentences of a gold CoNLL-U file (.conllu or .conllu.xz) and print UPOS/XPOS/lemma/UAS/LAS"}},
       0, SIZE_MAX, RunParse,
       "Arguments that name a file are read; '-' reads standard input, as does no argument at\n"
       "all; other arguments are the text itself. Text is split into sentences and tokens as\n"
       "'geokg ingest' splits it. Output columns: ID FORM LEMMA UPOS XPOS _ HEAD DEPREL _ _.\n"
       "A missing or corrupt model file is one line on stderr naming the file, exit status 2."},
      {"entity", "SUBCOMMAND --db DIR [OPTIONS]",
       "curate the store's entities: suggest, merge, rename, re-kind, alias; rules kept for later ingests, exported and imported",
       {kDb, {"--limit", "N", "suggest-merges: print the N best candidates (default: 50; 0: all)"},
        {"--kind", "KIND", "suggest-merges: only pairs with an entity of this kind (person, organization, ...)"}},
       1, SIZE_MAX, RunEntity, EntityHelp()},
  };
  return kCommands;
}

}  // namespace geokg::tools
