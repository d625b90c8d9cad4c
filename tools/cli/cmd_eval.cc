// geokg eval: run the extractor on the article each gold file names and
// score its edges against the gold (eval_core.h; format and rules in
// samples/README.md). No store is involved.
//
// Exit status: 0 when every gold file was scored (whatever the scores), 1 on
// a bad gold file (each reported as "file:line: message"; the good files are
// still scored and printed) or bad arguments, 2 if the extractor could not
// be created or failed.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "graph/ontology.h"
#include "ingest/extractor.h"
#include "ingest/reader.h"
#include "tools/cli/command.h"
#include "tools/eval/eval_core.h"
#include "tools/eval/events_eval.h"
#include "graph/ids.h"
#include "ingest/analysis.h"
#include "ingest/recognize.h"
#include "ingest/relate.h"

namespace geokg::tools {
namespace {

namespace fs = std::filesystem;
constexpr std::string_view kCmd = "eval";

struct EvalFile {
  std::string gold_path;
  std::string article_path;  // as resolved ("a.jsonl#id" for JSONL items)
  GoldFile gold;
  ingest::Document document;
  std::vector<PredictedEdge> predicted;
  FileScore score;
};

bool ReadWholeFile(const fs::path& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *out = std::move(buffer).str();
  return !in.bad();
}

// Expands --gold values into gold file paths: a folder gives its *.gold
// files (recursively, in byte order), a file itself.
bool CollectGoldPaths(const std::vector<std::string>& values, std::vector<std::string>* paths,
                      std::vector<std::string>* errors) {
  bool ok = true;
  for (const std::string& value : values) {
    std::error_code ec;
    if (fs::is_directory(value, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(value, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ".gold")
          found.push_back(it->path().string());
      }
      if (ec) {
        errors->push_back(value + ": " + ec.message());
        ok = false;
      }
      std::sort(found.begin(), found.end());
      if (found.empty()) {
        errors->push_back(value + ": no .gold files in this folder");
        ok = false;
      }
      paths->insert(paths->end(), found.begin(), found.end());
    } else if (fs::is_regular_file(value, ec)) {
      paths->push_back(value);
    } else {
      errors->push_back(value + ": no such file or folder");
      ok = false;
    }
  }
  return ok;
}

// Resolves the article of `file` and reads it into file->document. On
// failure returns a "gold:line: message" error.
std::string LoadArticle(EvalFile* file) {
  const std::string where =
      file->gold_path + ":" + std::to_string(file->gold.article_line) + ": ";
  std::string reference = file->gold.article;
  std::string item_id;
  if (size_t hash = reference.rfind('#'); hash != std::string::npos) {
    std::string ext = fs::path(reference.substr(0, hash)).extension().string();
    if (ext == ".jsonl" || ext == ".ndjson") {
      item_id = reference.substr(hash + 1);
      reference.resize(hash);
      if (item_id.empty()) return where + "empty JSONL id after '#'";
    }
  }
  fs::path gold_dir = fs::path(file->gold_path).parent_path();
  std::vector<fs::path> candidates;
  if (fs::path(reference).is_absolute()) {
    candidates.push_back(reference);
  } else {
    candidates.push_back(gold_dir / reference);
    candidates.push_back(gold_dir.parent_path() / reference);
  }
  fs::path path;
  for (const fs::path& candidate : candidates) {
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec)) {
      path = candidate.lexically_normal();
      break;
    }
  }
  if (path.empty()) return where + "article '" + reference + "' not found beside the gold file";
  std::string bytes;
  if (!ReadWholeFile(path, &bytes)) return where + path.string() + ": cannot read";
  file->article_path = path.string();

  if (item_id.empty()) {
    Status s = ingest::ReadTextDocument(path.string(), std::move(bytes), &file->document);
    if (!s.ok()) return where + s.message();
    return "";
  }
  file->article_path += "#" + item_id;
  ingest::ReaderOptions options;
  std::string_view rest = bytes;
  uint64_t line_number = 0;
  while (!rest.empty()) {
    size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    ++line_number;
    ingest::Document doc;
    bool produced = false;
    Status s = ingest::ParseJsonlLine(path.string(), line_number, line, options, &doc, &produced);
    if (s.ok() && produced && doc.meta.external_id == item_id) {
      file->document = std::move(doc);
      return "";
    }
  }
  return where + "no item with id '" + item_id + "' in " + path.string();
}

std::string FormatRatio(const std::optional<double>& value) {
  if (!value) return "-";
  std::ostringstream out;
  out << std::fixed << std::setprecision(3) << *value;
  return out.str();
}

nlohmann::ordered_json RatioJson(const std::optional<double>& value) {
  return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json CountsJson(const Counts& c) {
  return {{"tp", c.tp},
          {"fp", c.fp},
          {"fn", c.fn},
          {"precision", RatioJson(c.Precision())},
          {"recall", RatioJson(c.Recall())},
          {"f1", RatioJson(c.F1())}};
}

std::string EdgeText(const PredictedEdge& e) {
  std::string text = e.source + " | " + std::string(graph::NameOf(e.type)) + " | " + e.target;
  if (e.modality != EdgeModality::kAsserted) text += " | " + std::string(NameOf(e.modality));
  return text;
}

std::string OneLine(std::string_view text) {
  std::string out;
  for (char c : text) out.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
  return out;
}

void PrintCountsRow(std::ostream& out, std::string_view label, const Counts& c) {
  out << std::left << std::setw(20) << label << std::right << std::setw(5) << c.tp
      << std::setw(5) << c.fp << std::setw(5) << c.fn << std::setw(11)
      << FormatRatio(c.Precision()) << std::setw(8) << FormatRatio(c.Recall()) << std::setw(8)
      << FormatRatio(c.F1()) << "\n";
}

void PrintOutcome(std::ostream& out, const EvalFile& f, const Outcome& o) {
  out << "  " << std::left << std::setw(10) << NameOf(o.verdict) << std::right;
  if (o.predicted_index >= 0) {
    const PredictedEdge& p = f.predicted[o.predicted_index];
    out << EdgeText(p);
    if (o.gold_index >= 0) out << "   [gold line " << f.gold.edges[o.gold_index].line << "]";
    out << "\n";
    if (!p.sentence.empty()) out << "            \"" << OneLine(p.sentence) << "\"\n";
  } else {
    const GoldEdge& g = f.gold.edges[o.gold_index];
    out << g.text << "   [gold line " << g.line << "]\n";
  }
}

void PrintTable(std::ostream& out, const std::vector<EvalFile>& files, const FileScore& total,
                bool verbose) {
  for (const EvalFile& f : files) {
    out << f.gold_path << ": P " << FormatRatio(f.score.total.Precision()) << "  R "
        << FormatRatio(f.score.total.Recall()) << "  F1 " << FormatRatio(f.score.total.F1())
        << "  (tp " << f.score.total.tp << ", fp " << f.score.total.fp << ", fn "
        << f.score.total.fn << ")";
    if (f.score.violations > 0) out << "  !! " << f.score.violations << " FORBIDDEN";
    out << "\n";
    if (!verbose) continue;
    out << "  article: " << f.article_path << "\n";
    for (Verdict v : {Verdict::kViolation, Verdict::kTruePositive, Verdict::kFalsePositive,
                      Verdict::kFalseNegative, Verdict::kAccepted, Verdict::kDuplicate,
                      Verdict::kUnscored})
      for (const Outcome& o : f.score.outcomes)
        if (o.verdict == v) PrintOutcome(out, f, o);
    out << "\n";
  }

  out << "\n" << std::left << std::setw(20) << "type" << std::right << std::setw(5) << "tp"
      << std::setw(5) << "fp" << std::setw(5) << "fn" << std::setw(11) << "precision"
      << std::setw(8) << "recall" << std::setw(8) << "f1" << "\n";
  for (const graph::RelationInfo& info : graph::AllRelationTypes()) {
    const Counts& c = total.by_type[static_cast<int>(info.type)];
    if (c.tp + c.fp + c.fn == 0) continue;
    PrintCountsRow(out, info.name, c);
  }
  PrintCountsRow(out, "overall", total.total);
  out << files.size() << " gold files; " << total.accepted << " acceptable ('~') edges, "
      << total.duplicates << " duplicates, " << total.unscored
      << " unscored non-asserted edges\n";

  if (total.violations == 0) {
    out << "forbidden edges extracted: none\n";
    return;
  }
  out << "\n!!! FORBIDDEN EDGES EXTRACTED: " << total.violations << " !!!\n";
  for (const EvalFile& f : files)
    for (const Outcome& o : f.score.outcomes) {
      if (o.verdict != Verdict::kViolation) continue;
      const GoldEdge& g = f.gold.edges[o.gold_index];
      const PredictedEdge& p = f.predicted[o.predicted_index];
      out << "  " << f.gold_path << ":" << g.line << ": " << g.text << "\n      extracted "
          << EdgeText(p) << " from \"" << OneLine(p.sentence) << "\"\n";
    }
}

void PrintJson(std::ostream& out, const std::vector<EvalFile>& files, const FileScore& total,
               bool verbose) {
  nlohmann::ordered_json root;
  root["files"] = nlohmann::ordered_json::array();
  for (const EvalFile& f : files) {
    nlohmann::ordered_json jf = CountsJson(f.score.total);
    jf["gold"] = f.gold_path;
    jf["article"] = f.article_path;
    jf["violations"] = nlohmann::ordered_json::array();
    nlohmann::ordered_json edges = nlohmann::ordered_json::array();
    for (const Outcome& o : f.score.outcomes) {
      nlohmann::ordered_json je;
      je["verdict"] = std::string(NameOf(o.verdict));
      if (o.gold_index >= 0) {
        je["gold_line"] = f.gold.edges[o.gold_index].line;
        je["gold"] = f.gold.edges[o.gold_index].text;
      }
      if (o.predicted_index >= 0) {
        const PredictedEdge& p = f.predicted[o.predicted_index];
        je["source"] = p.source;
        je["type"] = std::string(graph::NameOf(p.type));
        je["target"] = p.target;
        je["modality"] = std::string(NameOf(p.modality));
        je["sentence"] = p.sentence;
      }
      if (o.verdict == Verdict::kViolation) jf["violations"].push_back(je);
      if (verbose) edges.push_back(std::move(je));
    }
    if (verbose) jf["edges"] = std::move(edges);
    root["files"].push_back(std::move(jf));
  }
  nlohmann::ordered_json by_type = nlohmann::ordered_json::object();
  for (const graph::RelationInfo& info : graph::AllRelationTypes()) {
    const Counts& c = total.by_type[static_cast<int>(info.type)];
    if (c.tp + c.fp + c.fn > 0) by_type[std::string(info.name)] = CountsJson(c);
  }
  root["by_type"] = std::move(by_type);
  root["overall"] = CountsJson(total.total);
  root["violations"] = total.violations;
  root["accepted"] = total.accepted;
  root["duplicates"] = total.duplicates;
  root["unscored"] = total.unscored;
  out << root.dump(2) << "\n";
}

// geokg eval --events FILE: event-coded sentences (events_eval.h).
SpanActors RecognizeSpan(const ingest::Extractor& extractor, const std::string& span) {
  SpanActors out;
  out.folded = PaddedWords(span);
  thread_local ingest::DocAnalysis analysis;
  analysis.Clear();
  ingest::Recognize(extractor.lexicon(), span, &analysis);
  for (const ingest::Mention& m : analysis.mentions) {
    const graph::Entity& e = analysis.entities[m.entity];
    out.entities.push_back(ingest::EntityIdOf(e));
    out.names.push_back(e.name);
    if (!e.country.empty()) out.countries.push_back(e.country);
  }
  return out;
}

std::string Percent(uint32_t num, uint32_t den) {
  if (den == 0) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", double(num) / den);
  return buf;
}

int RunEventsEval(const ParsedArgs& args) {
  const std::string path = args.Get("--events");
  const auto scheme = ParseQuadScheme(args.Get("--quad", "phoenix"));
  if (!scheme) return Fail(kCmd, "--quad must be ranges or phoenix, not '" + args.Get("--quad") + "'", 1);
  // Event coders code what a sentence states or reports as done; what an
  // actor intends or schedules is coded as the intention (a pledge or a
  // threat, which the extractor emits as asserted), denials and conditions
  // not at all.
  using M = EdgeModality;
  struct ModalitySet {
    std::string_view name;
    std::vector<EdgeModality> modalities;
  };
  static const ModalitySet kSets[] = {
      {"asserted+reported", {M::kAsserted, M::kReported}},
      {"asserted", {M::kAsserted}},
      {"asserted+future", {M::kAsserted, M::kFuture}},
      {"events", {M::kAsserted, M::kReported, M::kFuture}},
      {"all", {M::kAsserted, M::kNegated, M::kHypothetical, M::kFuture, M::kReported}},
  };
  const std::string modality = args.Get("--modality", "asserted+reported");
  const ModalitySet* chosen = nullptr;
  for (const ModalitySet& set : kSets)
    if (set.name == modality) chosen = &set;
  if (chosen == nullptr)
    return Fail(kCmd, "--modality must be asserted+reported (default), asserted, asserted+future, events (asserted, reported, future) or all", 1);
  const std::vector<EdgeModality>& modalities = chosen->modalities;
  const bool verbose = args.Has("--verbose");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(kCmd, path + ": cannot read", 1);

  ingest::ExtractorOptions options;
  options.lexicon_dirs = args.GetAll("--lexicon");
  options.tree_events = !args.Has("--no-parse");
  std::unique_ptr<ingest::Extractor> extractor;
  if (Status s = ingest::Extractor::Create(options, &extractor); !s.ok())
    return Fail(kCmd, s.message(), s.ExitCode());

  EventTotals totals;
  std::string line;
  int line_no = 0, bad = 0;
  std::ostringstream detail;
  static constexpr std::string_view kVerdict[] = {"match", "wrong class", "wrong actors", "wrong"};
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    EventSentence gold;
    std::string error;
    if (!ParseEventSentence(line, &gold, &error)) {
      std::cerr << "geokg eval: " << path << ":" << line_no << ": " << error << "\n";
      ++bad;
      continue;
    }
    ingest::Document doc;
    doc.text = gold.text;
    doc.meta.id = graph::DocIdFor(doc.text);
    doc.meta.source = path + ":" + std::to_string(line_no);
    doc.meta.bytes = doc.text.size();
    std::vector<EventEdge> edges = EventEdgesFromRecord(extractor->Extract(doc), modalities);
    std::vector<SpanActors> sources, targets;
    for (const std::string& s : gold.sources) sources.push_back(RecognizeSpan(*extractor, s));
    for (const std::string& t : gold.targets) targets.push_back(RecognizeSpan(*extractor, t));
    SentenceScore score = ScoreSentence(gold, sources, targets, edges, *scheme);
    totals.Add(gold, score, edges, *scheme);
    if (verbose && (score.recall_scored || (score.precision_scored && !edges.empty()))) {
      detail << (score.found ? "FOUND " : score.recall_scored ? "MISSED " : "CLASS0 ") << gold.id
             << " class " << gold.quad_class << ": " << gold.text << "\n  gold:";
      for (const auto& s : gold.sources) detail << " [" << s << "]";
      detail << " ->";
      for (const auto& t : gold.targets) detail << " [" << t << "]";
      detail << "\n";
      if (!score.found) {
        // Why a sentence was missed starts with whether its spans hold actors.
        auto list = [&](const std::vector<SpanActors>& spans) {
          std::string names;
          for (const SpanActors& s : spans)
            for (const std::string& n : s.names) names += (names.empty() ? "" : ", ") + n;
          return names.empty() ? std::string("(none)") : names;
        };
        detail << "  recognised in the spans: " << list(sources) << " -> " << list(targets) << "\n";
      }
      for (size_t i = 0; i < edges.size(); ++i)
        detail << "  " << kVerdict[static_cast<int>(score.verdicts[i])] << ": " << edges[i].source.name
               << " -[" << graph::NameOf(edges[i].type) << "]-> " << edges[i].target.name << " ("
               << NameOf(edges[i].modality) << ", '" << edges[i].trigger << "')\n";
    }
  }
  if (verbose) std::cout << detail.str() << "\n";
  std::cout << "event sentences: " << totals.sentences << " read, " << totals.recall_sentences
            << " with source, target and a scored class (quad scheme: "
            << (*scheme == QuadScheme::kRanges ? "ranges" : "phoenix") << ")\n";
  std::cout << "recall    " << Percent(totals.found, totals.recall_sentences) << "  (" << totals.found
            << " of " << totals.recall_sentences << " sentences; " << totals.without_edges
            << " gave no event edge)\n";
  std::cout << "precision " << Percent(totals.correct, totals.edges) << "  (" << totals.correct << " of "
            << totals.edges << " edges; " << totals.wrong_class << " wrong class, "
            << totals.wrong_actors << " wrong actors)\n";
  std::cout << "class  recall            precision\n";
  for (int c = 0; c <= 4; ++c)
    std::cout << "  " << c << "    " << std::left << std::setw(6) << Percent(totals.class_found[c], totals.class_sentences[c])
              << " " << std::setw(10) << (std::to_string(totals.class_found[c]) + "/" + std::to_string(totals.class_sentences[c]))
              << " " << std::setw(6) << Percent(totals.class_correct[c], totals.class_edges[c]) << " "
              << totals.class_correct[c] << "/" << totals.class_edges[c] << std::right << "\n";
  return bad > 0 ? 1 : 0;
}

}  // namespace

int RunEval(const ParsedArgs& args) {
  if (args.Has("--events")) return RunEventsEval(args);
  const std::string format = args.Get("--format", "table");
  if (format != "table" && format != "json")
    return Fail(kCmd, "--format must be table or json, not '" + format + "'", 1);
  const std::vector<std::string> gold_values = args.GetAll("--gold");
  if (gold_values.empty()) return Fail(kCmd, "needs --gold PATH (a .gold file or a folder)", 1);
  const bool verbose = args.Has("--verbose");

  std::vector<std::string> errors;
  std::vector<std::string> gold_paths;
  bool bad_input = !CollectGoldPaths(gold_values, &gold_paths, &errors);

  std::vector<EvalFile> files;
  for (const std::string& path : gold_paths) {
    EvalFile file;
    file.gold_path = path;
    std::string text;
    if (!ReadWholeFile(path, &text)) {
      errors.push_back(path + ": cannot read");
      bad_input = true;
      continue;
    }
    if (!ParseGold(path, text, &file.gold, &errors)) {
      bad_input = true;
      continue;
    }
    if (std::string error = LoadArticle(&file); !error.empty()) {
      errors.push_back(error);
      bad_input = true;
      continue;
    }
    files.push_back(std::move(file));
  }
  for (const std::string& error : errors) std::cerr << "geokg eval: " << error << "\n";

  if (!files.empty()) {
    ingest::ExtractorOptions options;
    options.lexicon_dirs = args.GetAll("--lexicon");
    options.tree_events = !args.Has("--no-parse");
    std::unique_ptr<ingest::Extractor> extractor;
    if (Status s = ingest::Extractor::Create(options, &extractor); !s.ok())
      return Fail(kCmd, s.message(), s.ExitCode());
    for (EvalFile& f : files) {
      try {
        f.predicted = EdgesFromRecord(extractor->Extract(f.document));
      } catch (const std::exception& e) {
        return Fail(kCmd, f.article_path + ": extraction failed: " + e.what(), 2);
      }
      f.score = Score(f.gold, f.predicted);
    }
  }

  if (files.empty()) return 1;  // every gold file was bad, and said so
  FileScore total;
  for (const EvalFile& f : files) total += f.score;
  if (format == "json") {
    PrintJson(std::cout, files, total, verbose);
  } else {
    PrintTable(std::cout, files, total, verbose);
  }
  std::cout.flush();
  if (total.violations > 0 && format == "json")
    std::cerr << "geokg eval: " << total.violations << " forbidden edges extracted\n";
  return bad_input ? 1 : 0;
}

}  // namespace geokg::tools
