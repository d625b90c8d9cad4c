// Relation finding over one document: per sentence, trigger matches become
// Records whose arguments are found by clause-aware search (see relate.h for
// the rules); document-level passes add structural, compound and gazetteer
// relations and deduplicate.
#include "ingest/relate.h"

#include <algorithm>

#include "graph/ids.h"
#include "graph/ontology.h"
#include "ingest/lexicon.h"
#include "ingest/relate_words.h"
#include "ingest/relater.h"
#include "ingest/text.h"

namespace geokg::ingest::relate_internal {

namespace {
bool Gerund(std::string_view w) { return w.size() > 4 && w.substr(w.size() - 3) == "ing"; }
}  // namespace

void Relater::Run() {
  size_t first = out_->size();
  uint32_t m = 0;
  const uint32_t nm = static_cast<uint32_t>(doc_.mentions.size());
  for (uint32_t si = 0; si < doc_.sentences.size(); ++si) {
    while (m < nm && doc_.mentions[m].sentence < si) ++m;
    uint32_t e = m;
    while (e < nm && doc_.mentions[e].sentence == si) ++e;
    const Sentence& s = doc_.sentences[si];
    if (!s.noise && e > m && s.token_count > 1) DoSentence(si, m, e);
    m = e;
  }
  Structural();
  Gazetteer();
  Dedupe(first);
}

void Relater::DoSentence(uint32_t si, uint32_t first_mention, uint32_t end_mention) {
  si_ = si;
  v_.Build(doc_, si, first_mention, end_mention);
  const uint32_t n = v_.size();
  s_.records.clear();
  s_.match_at.assign(n, -1);
  s_.container.assign(n, 0);
  s_.speaker.assign(n, -1);
  event_pos_ = -1;
  // A line in capitals (wire headlines) reads poorly: lower confidence.
  const CaseCounts cc = CountCase(doc_, v_.first_token(), v_.first_token() + n);
  caps_factor_ = cc.words >= 3 && cc.all_caps * 10 >= cc.words * 7 ? 0.7f : 1.f;
  if (events_ != nullptr) TreeEvents(first_mention, end_mention);
  RememberLaunches(DatelineEnd());
  MatchTriggers();
  if (s_.records.empty()) return;
  // "according to X": the whole sentence is X's claim.
  for (uint32_t i = 0; i + 2 < n; ++i) {
    if (v_.W(i) == "according" && v_.W(i + 1) == "to" && v_.MentionAt(i + 2) >= 0) {
      Record r;
      r.begin = i;
      r.end = i + 2;
      r.subjects.Add(v_.Top(v_.MentionAt(i + 2)));
      s_.records.push_back(r);
      MarkContainer(0, n, Container::kReported, static_cast<int>(s_.records.size()) - 1);
      break;
    }
  }
  for (size_t ri = 0; ri < s_.records.size(); ++ri)
    if (s_.records[ri].entry != nullptr) Process(static_cast<int>(ri));
}

// Before a bare verb form: "to", a modal, do/does/did, a plural pronoun, a
// group described by type ("Protesters storm"), or coordinated subjects.
bool Relater::BareVerbContext(uint32_t i) const {
  int p = static_cast<int>(i) - 1;
  while (p >= 0 && (v_.Is(p, words::kAdverb) || v_.Is(p, words::kNegator))) --p;
  if (p < 0) return i == 0 ? false : true;
  std::string_view w = v_.W(p);
  if (w == "to" || v_.Is(p, words::kHypotheticalModal) || v_.Is(p, words::kFutureModal) || w == "do" ||
      w == "does" || w == "did" || w == "they" || w == "we" || w == "i" || w == "you" || w == "that" ||
      w == "who" || w == "which")
    return true;
  int m = v_.MentionAt(p);
  // A plural head: "US forces bomb", "Palestinians kill".
  bool plural = w.size() > 3 && w.back() == 's' && !v_.IsPunct(p);
  if (m < 0) return plural && v_.Is(p, words::kForceNoun);
  if (plural) return true;
  MentionForm f = doc_.mentions[m].form;
  if (f == MentionForm::kDescription || f == MentionForm::kPronoun) return true;
  int b = static_cast<int>(v_.NpBegin(v_.Top(m))) - 1;
  if (b >= 0 && v_.W(b) == "the") --b;
  // "Will Iran attack ...?": an inverted auxiliary before the subject.
  if (b >= 0 && (v_.Is(b, words::kHypotheticalModal) || v_.Is(b, words::kFutureModal) ||
                 v_.W(b) == "do" || v_.W(b) == "does" || v_.W(b) == "did"))
    return true;
  return b >= 1 && (v_.W(b) == "and" || v_.W(b) == "or") && v_.MentionAt(b - 1) >= 0;
}

bool Relater::IsVerbToken(uint32_t i) const {
  int r = s_.match_at[i];
  return r >= 0 && !s_.records[r].nominal;
}

// Finds trigger matches and decides verb or noun readings (see relate.h).
void Relater::MatchTriggers() {
  const uint32_t n = v_.size();
  auto article_before = [&](uint32_t i) {
    if (i == 0) return false;
    std::string_view p = v_.W(i - 1);
    return p == "the" || p == "a" || p == "an" || p == "its" || p == "their" || p == "his" ||
           p == "her" || p == "our" || p == "these" || p == "those" ||
           v_.Is(i - 1, words::kPossessiveMark) || v_.IsNumber(i - 1);
  };
  for (uint32_t i = 0; i < n;) {
    if (v_.MentionAt(i) >= 0 || v_.IsPunct(i)) {
      ++i;
      continue;
    }
    s_.forms.clear();
    size_t best = 0;
    triggers_.ForEachMatch(v_.words(), i, [&](const TriggerForm& f) {
      // Triggers never run into a mention.
      for (size_t k = 1; k < f.words.size(); ++k)
        if (v_.MentionAt(i + static_cast<uint32_t>(k)) >= 0) return;
      if (f.words.size() < best) return;
      best = f.words.size();
      s_.forms.push_back(&f);
    });
    // Keep only the longest forms.
    const TriggerForm* verbal = nullptr;
    const TriggerForm* nominal = nullptr;
    bool verbal_split = false;
    for (const TriggerForm* f : s_.forms) {
      if (f->words.size() != best) continue;
      const TriggerEntry& e = triggers_.entry(f->entry);
      if (!e.after.empty()) {
        // A split verb ("held X responsible") needs its second word later
        // in the clause, and then wins over the other readings.
        uint32_t stop = std::min(n, v_.ClauseEnd(i));
        bool seen = false;
        for (uint32_t k = i + static_cast<uint32_t>(best); k < stop && !seen; ++k)
          seen = std::find(e.after.begin(), e.after.end(), v_.W(k)) != e.after.end();
        if (seen && !verbal_split) {
          verbal = f;
          verbal_split = true;
        }
        continue;
      }
      if (e.cls == TriggerClass::kNominal) {
        if (!nominal) nominal = f;
      } else if (!verbal) {
        verbal = f;
      }
    }
    if (!verbal && !nominal) {
      ++i;
      continue;
    }
    uint32_t end = i + static_cast<uint32_t>(best);
    bool use_nominal = false;
    bool prev_modifier = i > 0 && v_.MentionAt(i - 1) >= 0 &&
                         doc_.mentions[v_.MentionAt(i - 1)].form != MentionForm::kName &&
                         doc_.mentions[v_.MentionAt(i - 1)].form != MentionForm::kPronoun;
    if (nominal && !verbal) {
      use_nominal = true;
    } else if (nominal && verbal) {
      const TriggerEntry& ne = triggers_.entry(nominal->entry);
      bool prep_next = std::find(ne.preps.begin(), ne.preps.end(), v_.W(end)) != ne.preps.end();
      bool verb_only_form = verbal->participle && verbal->words != nominal->words;
      if (article_before(i) || prev_modifier ||
          (i > 0 && v_.Is(i - 1, words::kPreposition) && v_.W(i - 1) != "to"))
        use_nominal = true;
      else if (prep_next && !verb_only_form)
        use_nominal = true;
    } else if (verbal && article_before(i)) {
      // "the deployed troops", "a target": not a verb.
      i = end;
      continue;
    }
    // Two finite verbs do not follow each other ("shrugged off demands",
    // "mounted attacks"), and a finite -s form before "by" is a plural
    // noun with its agent ("demands by X").
    if (!use_nominal && !verbal->participle &&
        ((i > 0 && IsVerbToken(i - 1) && !Gerund(v_.W(i))) ||
         (verbal->past_or_present && v_.W(end) == "by"))) {
      if (!nominal) {
        i = end;
        continue;
      }
      use_nominal = true;
    }
    if (!use_nominal && !verbal->past_or_present && !BareVerbContext(i)) {
      // A bare form ("fund", "press", "station") is a noun unless a verb
      // group or a plural subject precedes it.
      if (!nominal) {
        i = end;
        continue;
      }
      use_nominal = true;
    }
    Record r;
    r.begin = i;
    r.end = end;
    r.form = use_nominal ? nominal : verbal;
    r.entry = &triggers_.entry(r.form->entry);
    r.nominal = use_nominal;
    // A capitalised trigger inside a name or title ("Finance Secretary
    // Jaime Ongpin", "Strike Force Command"): not a verb or event noun.
    if (i > 0 && v_.IsCapitalized(i) && !(v_.Tok(i).flags & kTokSentenceStart) &&
        doc_.sentences[si_].section != graph::Section::kTitle && v_.IsCapitalized(end) &&
        v_.MentionAt(end) < 0 && !(v_.Tok(i).flags & kTokAllCaps)) {
      i = end;
      continue;
    }
    int ri = static_cast<int>(s_.records.size());
    s_.records.push_back(r);
    for (uint32_t k = i; k < end; ++k) s_.match_at[k] = ri;
    i = end;
  }
}

void Relater::Process(int ri) {
  Record& r = s_.records[ri];
  if (r.nominal) ProcessNominal(r);
  else ProcessVerbal(r);
}


// ---------------------------------------------------------------------------
// Triggers.

void Relater::ProcessVerbal(Record& r) {
  const TriggerEntry& e = *r.entry;
  const uint32_t n = v_.size();
  uint32_t limit = v_.ClauseEnd(r.begin);
  Args subj;
  int from_record = -1;
  uint32_t subj_end = r.begin;
  float conf = e.weak ? 0.65f : 0.8f;
  SubjectHow how = FindSubject(r.begin, &subj, &from_record, &subj_end);
  bool weak_subject = how == SubjectHow::kFound && modifier_subject_weak_;
  Modality inherited = Modality::kAsserted;
  int antecedent_nominal = -1;
  if (how == SubjectHow::kInherit && from_record >= 0) {
    const Record& prev = s_.records[from_record];
    subj = prev.subjects;
    subj_end = prev.end;
    conf *= 0.92f;
    // The earlier verb's clause ("said there was no target ... and called
    // on X") lends no negation: local modality starts at the link. A bare
    // form after the link shares the earlier verb group ("did not attack
    // and kill"): its modality carries over.
    for (int k = static_cast<int>(r.begin) - 1; k >= static_cast<int>(subj_end); --k) {
      if (v_.Is(k, words::kCoordinator) || v_.W(k) == ",") {
        subj_end = static_cast<uint32_t>(k);
        if (!r.form->past_or_present && prev.entry && prev.entry->cls != TriggerClass::kSpeech &&
            prev.entry->cls != TriggerClass::kLight)
          inherited = prev.modality;
        break;
      }
    }
  } else if (how == SubjectHow::kRelative) {
    uint32_t cb = v_.ClauseBegin(r.begin);
    int a = static_cast<int>(cb) - 1;
    if (a >= 0 && v_.W(a) == ",") --a;
    if (a >= 0 && v_.W(a) == ")") --a;  // "the PMF (PMF) who"
    // "told X that ...": "that" after a speech verb's addressee opens the
    // content, it does not relativise the addressee.
    bool addressee = false;
    if (a >= 0 && v_.MentionAt(a) >= 0 && v_.W(cb) == "that") {
      int b = static_cast<int>(v_.NpBegin(v_.Top(v_.MentionAt(a)))) - 1;
      while (b >= 0 && !v_.IsPunct(b) && s_.match_at[b] < 0 && v_.MentionAt(b) < 0 &&
             v_.IsCapitalized(b))
        --b;  // a title outside the mention: "Agriculture Minister"
      addressee = b >= 0 && s_.match_at[b] >= 0 && s_.records[s_.match_at[b]].entry &&
                  s_.records[s_.match_at[b]].entry->cls == TriggerClass::kSpeech;
    }
    if (a >= 0 && v_.MentionAt(a) >= 0 && !addressee) {
      subj.Add(v_.Top(v_.MentionAt(a)));
      conf *= 0.9f;
    } else if (a >= 0 && s_.match_at[a] >= 0 && s_.records[s_.match_at[a]].nominal) {
      antecedent_nominal = s_.match_at[a];
      const Record& nr = s_.records[antecedent_nominal];
      subj = nr.subjects;
      inherited = nr.modality;
      conf = std::min(conf, nr.confidence) * 0.95f;
    }
    subj_end = cb + 1;
  }
  r.subjects = subj;
  r.confidence = conf;

  if (e.cls == TriggerClass::kLight) {
    if (weak_subject) r.subjects.Clear();
    r.modality = LocalModality(subj_end, r.begin);
    return;
  }
  if (e.cls == TriggerClass::kSpeech) {
    if (weak_subject) subj.Clear();
    // Content is reported whether or not the speaker is an actor ("a panel
    // of experts said ..."); only a known speaker blames.
    if (!subj.empty()) {
      last_speaker_ = subj;
      last_speaker_sentence_ = static_cast<int>(si_);
    }
    int ri = static_cast<int>(&r - s_.records.data());
    // Content after the verb (skipping "that", ":" and an addressee).
    uint32_t from = r.end;
    uint32_t to = n;
    for (uint32_t i = from; i < n; ++i)
      if (v_.W(i) == ";") {
        to = i;
        break;
      }
    bool content_after = false;
    for (uint32_t i = from; i < to; ++i)
      if (!v_.IsPunct(i) || v_.IsQuoteTok(i)) {
        content_after = !v_.Is(i, words::kTerminal);
        break;
      }
    if (content_after && to - from > 2) {
      MarkContainer(from, to, Container::kReported, ri);
    } else if (!subj.empty()) {
      // Post-posed: "X attacked Y, officials said."
      uint32_t nb = v_.NpBegin(subj.m[0]);
      if (nb > 0 && (v_.W(nb - 1) == "," || v_.IsQuoteTok(nb - 1)))
        MarkContainer(0, nb, Container::kReported, ri);
    }
    // Quoted tokens anywhere in the sentence are this speaker's (an
    // unknown speaker leaves them to the last one seen).
    for (uint32_t i = 0; i < n && !subj.empty(); ++i)
      if (v_.Quoted(i) && s_.speaker[i] < 0) {
        s_.container[i] = static_cast<uint8_t>(Container::kReported);
        s_.speaker[i] = ri;
      }
    return;
  }

  // "asked whether ...", "asked about ...": a question, not an appeal.
  if (e.type == RelationType::kCalledOn || e.type == RelationType::kAppealedTo) {
    std::string_view w = v_.W(r.end);
    if (w == "whether" || w == "if" || w == "about" || w == "what" || w == "how" ||
        w == "why" || w == "when" || w == "who")
      return;
  }
  Modality local = Weaker(LocalModality(subj_end, r.begin), inherited);
  // Passive: "were deployed to Iraq by the US", "was attacked by".
  bool passive = false;
  if (r.form->participle) {
    int p = static_cast<int>(r.begin) - 1;
    while (p >= 0 && (v_.Is(p, words::kAdverb) || v_.Is(p, words::kNegator))) --p;
    if (p >= 0 && v_.Is(p, words::kBeForm)) passive = true;
    if (!passive && v_.W(r.end) == "by" && (p < 0 || !v_.Is(p, words::kAuxiliary))) {
      // A reduced relative ("a channel backed by X"): the patient is the
      // noun phrase right before the participle, if it names an actor.
      passive = true;
      subj.Clear();
      int q = static_cast<int>(r.begin) - 1;
      if (q >= 0 && v_.W(q) == ",") --q;
      if (q >= 0 && v_.MentionAt(q) >= 0) {
        subj.Add(v_.Top(v_.MentionAt(q)));
      } else if (q >= 1 && !v_.IsPunct(q) && v_.MentionAt(q - 1) >= 0 &&
                 doc_.mentions[v_.MentionAt(q - 1)].form == MentionForm::kModifier) {
        subj.Add(v_.MentionAt(q - 1));  // "US hostage killed by", "Egyptian policemen killed by"
      }
    }
  }
  if (!passive && weak_subject) {
    subj.Clear();
    r.subjects.Clear();
  }
  // "sent 3,000 troops to X": a force noun must stand between the verb and
  // its preposition.
  if (e.force) {
    bool has_force = false;
    for (uint32_t i = r.end; i < limit && i < r.end + 7; ++i) {
      if (std::find(e.preps.begin(), e.preps.end(), v_.W(i)) != e.preps.end()) break;
      has_force |= v_.Is(i, words::kForceNoun) || (v_.MentionAt(i) >= 0 &&
                   doc_.entities[doc_.mentions[v_.MentionAt(i)].entity].kind ==
                       EntityKind::kMilitaryUnit);
    }
    if (!has_force) return;
  }
  Args agent, target;
  uint32_t obj_end = r.end;
  bool deploy = e.type == RelationType::kDeployedTo;
  if (passive) {
    FindByAgent(r.end, limit, &agent);
    // "N soldiers were killed in a Russian strike": the agent is the
    // strike's.
    if (agent.empty() && !deploy) InstrumentAgent(r.end, limit, &agent);
    if (deploy) {
      if (agent.empty()) agent = subj;  // "US troops were deployed to Iraq"
      if (!e.preps.empty()) FindPrepObject(e.preps, r.end, limit, &target, &obj_end);
    } else {
      target = subj;
    }
    conf *= 0.95f;
  } else {
    agent = subj;
    bool found = false;
    bool has_real_prep = false;
    for (const std::string& p : e.preps) has_real_prep |= p != "-";
    if (has_real_prep) found = FindPrepObject(e.preps, r.end, limit, &target, &obj_end);
    if (!found && e.DirectObject()) found = FindObjectAfter(r.end, limit, &target, &obj_end);
  }
  // "condemned the beheading of an American hostage": the victim of the
  // act condemned is not the one condemned.
  if (!passive && !target.empty() &&
      (e.type == RelationType::kCondemned || e.type == RelationType::kProtestedAgainst)) {
    const uint32_t first = doc_.mentions[target.m[0]].first_token - v_.first_token();
    bool victim = false;
    for (uint32_t k = r.end; k + 1 < first && k < r.end + 5 && !victim; ++k)
      victim = v_.W(k + 1) == "of" && (VictimActNoun(v_.W(k)));
    if (victim) target.Clear();
  }
  // A destination-less deployment takes a country or place named later in
  // the clause, with lower confidence.
  if (deploy && target.empty() && !agent.empty()) {
    for (uint32_t i = r.end; i < limit; ++i) {
      int m = v_.MentionAt(i);
      if (m < 0) continue;
      EntityKind k = doc_.entities[doc_.mentions[m].entity].kind;
      int pick = -1;
      if (k == EntityKind::kCountry || k == EntityKind::kLocation) pick = m;
      // A facility "embassy in Iraq": look for a country mention inside it.
      if (pick < 0) {
        for (uint32_t x = 0; x < doc_.mentions.size(); ++x) {
          const Mention& mx = doc_.mentions[x];
          if (mx.sentence != si_ || mx.first_token - v_.first_token() < i ||
              mx.last_token - v_.first_token() > v_.MEnd(m))
            continue;
          EntityKind kx = doc_.entities[mx.entity].kind;
          if (kx == EntityKind::kCountry || kx == EntityKind::kLocation) {
            pick = static_cast<int>(x);
            break;
          }
        }
      }
      if (pick >= 0) {
        bool is_agent = false;
        for (int a = 0; a < agent.n; ++a)
          is_agent |= doc_.mentions[agent.m[a]].entity == doc_.mentions[pick].entity;
        if (!is_agent) {
          target.Add(pick);
          conf *= 0.65f;
          break;
        }
      }
      i = std::max(i, v_.MEnd(m) - 1);
    }
  }
  // A split verb: its second word follows the object ("held X responsible
  // for"), or the participle in a passive ("was held responsible").
  if (!e.after.empty()) {
    uint32_t at = passive ? r.end : obj_end;
    if (at >= n || std::find(e.after.begin(), e.after.end(), v_.W(at)) == e.after.end()) {
      r.subjects.Clear();
      return;
    }
    obj_end = at + 1;
  }
  r.objects = target;
  r.modality = local;
  r.confidence = conf;

  // EVENT: "condemned X for the strikes", "accused X of attacking".
  if (!e.event_preps.empty() && !target.empty() && obj_end < n &&
      std::find(e.event_preps.begin(), e.event_preps.end(), v_.W(obj_end)) !=
          e.event_preps.end()) {
    event_pos_ = static_cast<int>(obj_end) + 1;
    event_agents_ = target;
    event_modality_ = e.type == RelationType::kBlamed ? Modality::kReported : local;
  }

  // A denial: "Iran has rejected accusations it was behind ...", "Turkey
  // denied it had shelled ...".
  if (e.type == RelationType::kRejected) {
    bool denial = e.denial;
    uint32_t acc = r.end;
    for (uint32_t i = r.end; i < limit && i < r.end + 4; ++i)
      if (v_.Is(i, words::kAccusationNoun)) {
        denial = true;
        acc = i;
        break;
      }
    if (denial) {
      Args accuser;
      // The accuser as a modifier/possessor of the claim or after "by/from".
      for (uint32_t i = r.end; i < acc; ++i) {
        int m = v_.MentionAt(i);
        if (m >= 0) accuser.Add(m);
      }
      if (accuser.empty() && acc > r.end &&
          (v_.W(acc + 1) == "by" || v_.W(acc + 1) == "from") && v_.MentionAt(acc + 2) >= 0)
        accuser.Add(v_.Top(v_.MentionAt(acc + 2)));
      if (!accuser.empty()) {
        Emit(agent, RelationType::kRejected, accuser, local, conf, r.begin, r.end, r.begin);
      } else {
        // Whoever last blamed the denier in this document.
        for (int a = 0; a < agent.n; ++a) {
          uint32_t denier = doc_.mentions[agent.m[a]].entity;
          for (auto it = blamers_.rbegin(); it != blamers_.rend(); ++it) {
            if (it->first != denier) continue;
            EmitEntities(denier, RelationType::kRejected, it->second,
                         Combine(local, ContainerAt(r.begin, nullptr)), conf * 0.85f, si_,
                         std::string(TrimView(doc_.text.substr(
                             v_.Tok(r.begin).begin, v_.Tok(r.end - 1).end - v_.Tok(r.begin).begin))),
                         {});
            break;
          }
        }
      }
      MarkContainer(r.end, n, Container::kDenied, -1);
      return;
    }
  }

  // Condemning or protesting an event named without its agent ("Iran
  // condemned the strikes", "condemned the launch of X"): the event's agent
  // from "by X" after it, else the agents of the document's latest hostile
  // event, with lower confidence; a definite noun ("the strikes") reaches
  // further back than a bare one.
  if (target.empty() && !agent.empty() && !passive &&
      (e.type == RelationType::kCondemned || e.type == RelationType::kProtestedAgainst)) {
    uint32_t j = r.end;
    while (j < limit && j < r.end + 3 && !v_.IsPunct(j) && s_.match_at[j] < 0 &&
           v_.MentionAt(j) < 0 && !v_.Is(j, words::kPreposition))
      ++j;
    int ri = j < limit ? s_.match_at[j] : -1;
    const bool definite = r.end < limit && (v_.W(r.end) == "the" || v_.W(r.end) == "this" ||
                                            v_.W(r.end) == "these" || v_.W(r.end) == "that");
    if (ri >= 0 && s_.records[ri].nominal && IsHostile(s_.records[ri].entry->type)) {
      Args by;
      const Record& ev = s_.records[ri];
      if (v_.W(ev.end) == "by" && FindByAgent(ev.end, limit, &by)) {
        Emit(agent, e.type, by, local, conf * 0.9f, r.begin, r.end, r.begin);
      } else if (definite && ActAnaphora(r, agent, e.type, local, conf, limit)) {
        // The latest act the noun's own word named ("the strikes": an act
        // whose trigger was "air strikes" or "struck").
      } else if (!last_hostile_.empty() && last_hostile_sentence_ + 3 >= si_) {
        Container c = ContainerAt(r.begin, nullptr);
        Modality m = Combine(local, c);
        std::string trig(TrimView(doc_.text.substr(
            v_.Tok(r.begin).begin, v_.Tok(r.end - 1).end - v_.Tok(r.begin).begin)));
        Args hostile = last_hostile_;
        for (int a = 0; a < agent.n; ++a)
          for (int h = 0; h < hostile.n; ++h)
            EmitEntities(doc_.mentions[agent.m[a]].entity, e.type,
                         static_cast<uint32_t>(hostile.m[h]), m, conf * 0.7f, si_, trig, {});
      }
    } else if (definite) {
      ActAnaphora(r, agent, e.type, local, conf, limit);
    }
  } else if (target.empty() && !agent.empty() && !passive && e.type == RelationType::kRejected &&
             r.end < limit && v_.W(r.end) == "the") {
    ActAnaphora(r, agent, e.type, local, conf, limit);
  }

  if (target.empty()) {
    // Symmetric relations between coordinated subjects: "Iran and Iraq met".
    if (graph::InfoOf(e.type).symmetric && agent.n >= 2) {
      Args a, b;
      a.Add(agent.m[0]);
      for (int k = 1; k < agent.n; ++k) b.Add(agent.m[k]);
      Emit(a, e.type, b, local, conf * 0.9f, r.begin, r.end, r.begin);
    }
  } else {
    // An object that only owns or modifies the noun acted on ("led the
    // French delegation", "backed the United States' attack") is not led or
    // sponsored: leading drops it, backing an actor's act supports the actor.
    Args plain, owners;
    for (int k = 0; k < target.n; ++k)
      (OwnsNoun(target.m[k]) ? owners : plain).Add(target.m[k]);
    if (e.type == RelationType::kLeaderOf) owners.Clear();
    if (e.type == RelationType::kBackedBy && !owners.empty())
      Emit(agent, RelationType::kSupported, owners, local, conf * 0.9f, r.begin, r.end, r.begin);
    else
      for (int k = 0; k < owners.n; ++k) plain.Add(owners.m[k]);
    if (plain.empty()) {
    } else if (e.inverse) {
      Emit(plain, e.type, agent, local, conf, r.begin, r.end, r.begin);
    } else {
      Emit(agent, e.type, plain, local, conf, r.begin, r.end, r.begin);
    }
  }

  // "threatened to strike X": the threat is asserted, the strike future.
  if (IsHostile(e.type) && !target.empty() && !agent.empty() && !passive) {
    int k = static_cast<int>(r.begin) - 1;
    while (k >= 0 && v_.Is(k, words::kAdverb)) --k;
    if (k >= 1 && v_.W(k) == "to" && IsVerbToken(k - 1)) {
      const Record& tr = s_.records[s_.match_at[k - 1]];
      if (tr.entry->type == RelationType::kThreatened && e.type != RelationType::kThreatened)
        Emit(agent, RelationType::kThreatened, target, tr.modality, conf * 0.9f, tr.begin, tr.end,
             tr.begin);
    }
  }

  // A relative clause on an event noun gives the noun its target too:
  // "the strikes that killed fighters from X": the striker attacked X.
  if (antecedent_nominal >= 0 && !target.empty()) {
    Record& nr = s_.records[antecedent_nominal];
    if (nr.objects.empty() && !nr.subjects.empty() && nr.entry->type != e.type) {
      nr.objects = target;
      Emit(nr.subjects, nr.entry->type, target, nr.modality, nr.confidence * 0.9f, nr.begin,
           nr.end, nr.begin);
    }
  }
}

}  // namespace geokg::ingest::relate_internal

namespace geokg::ingest {

graph::EntityId EntityIdOf(const graph::Entity& e) {
  return e.id != 0 ? e.id : graph::EntityIdFor(e.name);
}

void Relate(const Triggers& triggers, const Lexicon* lexicon, const DocAnalysis& doc,
            const graph::DocMeta& meta, std::vector<graph::ExtractedRelation>* out,
            const EventModels* events) {
  using relate_internal::Relater;
  using relate_internal::Scratch;
  thread_local Scratch scratch;
  Relater relater(triggers, lexicon, doc, meta, out, &scratch);
  if (events != nullptr && events->parser != nullptr && events->lexicon != nullptr)
    relater.set_events(events);
  relater.Run();
}

}  // namespace geokg::ingest
