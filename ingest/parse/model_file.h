// The binary container of a parser model file (tagger.gkm, parser.gkm):
//
//   file    := header payload
//   header  := magic[8] = "GKPARSE\0"  version:u32  kind:u32
//              payload_bytes:u64  checksum:u64        (little-endian, 32 bytes)
//   payload := section*
//   section := tag:u32  pad:u32  bytes:u64  zero[pad]  data[bytes]  zero padding to 8
//
// pad puts every section's data at a file offset that is a multiple of 64,
// so that mapped (page-aligned) sections start on a cache line.
//
// The checksum is Checksum64 over the payload. Sections are read in place:
// the loader keeps the file image (8-byte aligned) and hands out spans into
// it, so loading costs one mapping and one pass of the checksum.
#pragma once

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace geokg::ingest::parse {

inline constexpr char kModelMagic[8] = {'G', 'K', 'P', 'A', 'R', 'S', 'E', '\0'};
// 2: sections aligned to 64 bytes, weight tables with dense rows, the
// transition model in buckets of one cache line. 3: FeatureKey changed.
// 4: move buckets of four 32-bit tags (linear_model.h). 5: move buckets of
// six tags with 16-bit weights, dense rows of 16-bit weights.
inline constexpr uint32_t kModelVersion = 5;

uint64_t Checksum64(const void* data, size_t bytes);

// Builds a model file in memory.
class ModelWriter {
 public:
  void Add(uint32_t tag, const void* data, size_t bytes);
  template <class T>
  void AddVector(uint32_t tag, const std::vector<T>& v) { Add(tag, v.data(), v.size() * sizeof(T)); }
  // A table that lays itself out (WeightTable: t.Serialize(&bytes)).
  template <class T>
    requires requires(const T& t, std::string* bytes) { t.Serialize(bytes); }
  void AddVector(uint32_t tag, const T& t) {
    std::string bytes;
    t.Serialize(&bytes);
    Add(tag, bytes.data(), bytes.size());
  }
  // Writes header + payload to `path`; false on an I/O error.
  bool Write(const std::string& path, uint32_t kind) const;

 private:
  std::string payload_;
};

// A loaded model file: the file mapped read-only (private), asking for
// transparent huge pages, since the models are read at random and with
// 4 KiB pages most feature lookups would also miss the TLB. Where mmap
// fails, the file is read into anonymous memory instead.
class ModelImage {
 public:
  ModelImage() = default;
  ~ModelImage();
  ModelImage(const ModelImage&) = delete;
  ModelImage& operator=(const ModelImage&) = delete;

  // Reads and checks `path`. On failure returns false and sets *why to
  // "missing model file" or "corrupt model file (<reason>)".
  bool Load(const std::string& path, uint32_t kind, std::string* why);
  // The section `tag`, as an array of T; empty span if absent or if its
  // size is not a multiple of sizeof(T) (then *ok is set false).
  template <class T>
  std::span<const T> Section(uint32_t tag, bool* ok) const {
    std::string_view raw = Raw(tag);
    if (raw.data() == nullptr) { *ok = false; return {}; }
    if (raw.size() % sizeof(T) != 0) { *ok = false; return {}; }
    return std::span<const T>(reinterpret_cast<const T*>(raw.data()), raw.size() / sizeof(T));
  }
  std::string_view Raw(uint32_t tag) const;

 private:
  bool ReadInto(int fd, size_t size, std::string* why);
  void Release();
  char* base_ = nullptr;   // the mapping
  char* image_ = nullptr;  // the file (== base_ when mapped; else 2 MiB aligned inside base_)
  size_t mapped_ = 0;
  struct Entry { uint32_t tag; size_t offset; size_t bytes; };
  std::vector<Entry> sections_;
};

}  // namespace geokg::ingest::parse
