// The snapshot image: a GraphView's arrays in one file, mapped read-only by
// later processes instead of rebuilding the view from the store.
//
// Layout (host byte order; a reader with another order sees a wrong
// endianness mark and refuses the file):
//
//   image    := header section*
//   header   := magic "GEOKGIMG" | u32 version | u32 header_bytes (= 512)
//               | u64 endianness mark 0x0102030405060708 | u64 file_bytes
//               | u64 tag.txn | u64 tag.fingerprint
//               | u64 vertex_count | u64 edge_count
//               | u64 section_count | (u64 offset, u64 bytes) per section
//               | u64 body checksum (ImageHash of bytes [header_bytes, file_bytes))
//               | zero padding | u64 header checksum (ImageHash of the header's
//                 first header_bytes - 8 bytes) in the header's last 8 bytes
//   section  := the bytes of one array, starting at a multiple of 64
//
// Sections, in order: counts (u64 per entity kind, then per relation type,
// then flags: bit 0 names unique),
// edges (EdgeData[m]), out_offsets (u32[n+1]), out_edges (u32[m]),
// in_offsets (u32[n+1]), in_edges (u32[m]), ids (u64[n]), kinds (u8[n]),
// names (u32[n]), countries (u32[n]), mentions (u64[n]), documents (u64[n]),
// alias_offsets (u32[n+1]), alias_ids (u32[A]), roles (u32[R]),
// string_offsets (u64[S+1]), string_bytes (char[...]), by_id (16-byte
// entries), by_name (16-byte entries), name_refs (16 bytes per vertex:
// u64 offset, u32 length, u32 0).
//
// Opening never trusts the file: the header checksum, then every byte of
// the body against its checksum, then every offset and index against the
// array it points into. Any mismatch makes OpenImage fail, and the caller
// rebuilds the view from the store.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "graph/view.h"

namespace geokg::graph {
namespace {

constexpr char kMagic[8] = {'G', 'E', 'O', 'K', 'G', 'I', 'M', 'G'};
constexpr uint32_t kImageVersion = 2;
constexpr uint64_t kHeaderBytes = 512;
constexpr uint64_t kEndianMark = 0x0102030405060708ull;
constexpr uint64_t kAlign = 64;

enum Section : int {
  kCounts = 0, kEdges, kOutOffsets, kOutEdges, kInOffsets, kInEdges, kIds, kKinds, kNames, kCountries,
  kMentions, kDocuments, kAliasOffsets, kAliasIds, kRoles, kStringOffsets, kStringBytes, kById, kByName,
  kNameRefs, kSectionCount
};

struct Header {
  char magic[8];
  uint32_t version;
  uint32_t header_bytes;
  uint64_t endian_mark;
  uint64_t file_bytes;
  uint64_t tag_txn, tag_fingerprint;
  uint64_t vertex_count, edge_count;
  uint64_t section_count;
  struct {
    uint64_t offset, bytes;
  } sections[kSectionCount];
  uint64_t body_checksum;
};
static_assert(sizeof(Header) + 8 <= kHeaderBytes);

// A 64-bit checksum fast enough to run over a whole image at open: four
// independent multiply-rotate lanes over 8-byte words, folded at the end.
uint64_t ImageHash(const unsigned char* p, size_t n) {
  constexpr uint64_t kP1 = 0x9E3779B185EBCA87ull, kP2 = 0xC2B2AE3D27D4EB4Full;
  uint64_t lane[4] = {kP1, kP2, kP1 ^ 0x5bd1e995ull, kP2 ^ 0x27d4eb2dull};
  auto mix = [](uint64_t h, uint64_t w) {
    h += w * kP2;
    h = (h << 31) | (h >> 33);
    return h * kP1;
  };
  size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    // One 8-byte load per lane (a 32-byte copy into an array went through
    // the stack, and the loop's speed then depended on its code alignment).
    for (int k = 0; k < 4; ++k) {
      uint64_t w;
      std::memcpy(&w, p + i + 8 * k, 8);
      lane[k] = mix(lane[k], w);
    }
  }
  uint64_t h = n * kP1;
  for (int k = 0; k < 4; ++k) h = mix(h ^ lane[k], static_cast<uint64_t>(k + 1));
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    h = mix(h, w);
  }
  uint64_t tail = 0;
  for (size_t k = 0; i < n; ++i, ++k) tail |= static_cast<uint64_t>(p[i]) << (8 * k);
  h = mix(h, tail ^ 0xFF);
  h ^= h >> 29;
  h *= kP2;
  h ^= h >> 32;
  return h;
}

std::string ErrnoText(int e) { return std::strerror(e); }

}  // namespace

// A read-only mapping of an image file, unmapped when the last view using
// it goes.
struct GraphView::Mapping {
  void* base = nullptr;
  size_t bytes = 0;
  ~Mapping() {
    if (base != nullptr) munmap(base, bytes);
  }
};

Status GraphView::WriteImage(const std::string& path, const ImageTag& tag) const {
  const std::string tmp = path + ".tmp." + std::to_string(getpid());
  Header h;
  std::memset(&h, 0, sizeof h);
  std::memcpy(h.magic, kMagic, 8);
  h.version = kImageVersion;
  h.header_bytes = kHeaderBytes;
  h.endian_mark = kEndianMark;
  h.tag_txn = tag.txn;
  h.tag_fingerprint = tag.fingerprint;
  h.vertex_count = vertex_count_;
  h.edge_count = edges_.size();
  h.section_count = kSectionCount;
  std::vector<uint64_t> counts(kind_counts_.begin(), kind_counts_.end());
  counts.insert(counts.end(), type_counts_.begin(), type_counts_.end());
  counts.push_back(names_unique_ ? 1 : 0);
  struct Part {
    const void* data;
    size_t bytes;
  };
  const Part parts[kSectionCount] = {
      {counts.data(), counts.size() * 8},
      {edges_.data(), edges_.size_bytes()},
      {out_offsets_.data(), out_offsets_.size_bytes()},
      {out_edges_.data(), out_edges_.size_bytes()},
      {in_offsets_.data(), in_offsets_.size_bytes()},
      {in_edges_.data(), in_edges_.size_bytes()},
      {ids_.data(), ids_.size_bytes()},
      {kinds_.data(), kinds_.size_bytes()},
      {names_.data(), names_.size_bytes()},
      {countries_.data(), countries_.size_bytes()},
      {mentions_.data(), mentions_.size_bytes()},
      {documents_.data(), documents_.size_bytes()},
      {alias_offsets_.data(), alias_offsets_.size_bytes()},
      {alias_ids_.data(), alias_ids_.size_bytes()},
      {roles_.data(), roles_.size_bytes()},
      {string_offsets_.data(), string_offsets_.size_bytes()},
      {string_bytes_.data(), string_bytes_.size_bytes()},
      {by_id_.data(), by_id_.size_bytes()},
      {by_name_.data(), by_name_.size_bytes()},
      {name_refs_.data(), name_refs_.size_bytes()},
  };
  uint64_t at = kHeaderBytes;
  for (int s = 0; s < kSectionCount; ++s) {
    at = (at + kAlign - 1) / kAlign * kAlign;
    h.sections[s].offset = at;
    h.sections[s].bytes = parts[s].bytes;
    at += parts[s].bytes;
  }
  h.file_bytes = at;

  int fd = ::open(tmp.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Status::Storage(tmp + ": " + ErrnoText(errno));
  auto fail = [&](const std::string& what) {
    const int e = errno;
    ::close(fd);
    ::unlink(tmp.c_str());
    return Status::Storage(tmp + ": " + what + ": " + ErrnoText(e));
  };
  if (::ftruncate(fd, static_cast<off_t>(h.file_bytes)) != 0) return fail("resize");
  auto write_all = [&](const void* data, size_t bytes, uint64_t offset) {
    const char* p = static_cast<const char*>(data);
    while (bytes > 0) {
      ssize_t w = ::pwrite(fd, p, bytes, static_cast<off_t>(offset));
      if (w < 0) {
        if (errno == EINTR) continue;
        return false;
      }
      p += w;
      bytes -= static_cast<size_t>(w);
      offset += static_cast<uint64_t>(w);
    }
    return true;
  };
  for (int s = 0; s < kSectionCount; ++s)
    if (parts[s].bytes > 0 && !write_all(parts[s].data, parts[s].bytes, h.sections[s].offset)) return fail("write");
  // The body checksum is taken over the file as written (padding included).
  void* map = ::mmap(nullptr, h.file_bytes, PROT_READ, MAP_SHARED, fd, 0);
  if (map == MAP_FAILED) return fail("map");
  h.body_checksum =
      ImageHash(static_cast<const unsigned char*>(map) + kHeaderBytes, h.file_bytes - kHeaderBytes);
  ::munmap(map, h.file_bytes);
  unsigned char header[kHeaderBytes] = {};
  std::memcpy(header, &h, sizeof h);
  const uint64_t header_sum = ImageHash(header, kHeaderBytes - 8);
  std::memcpy(header + kHeaderBytes - 8, &header_sum, 8);
  if (!write_all(header, kHeaderBytes, 0)) return fail("write");
  if (::close(fd) != 0) {
    const int e = errno;
    ::unlink(tmp.c_str());
    return Status::Storage(tmp + ": close: " + ErrnoText(e));
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int e = errno;
    ::unlink(tmp.c_str());
    return Status::Storage(path + ": rename: " + ErrnoText(e));
  }
  return Status::Ok();
}

Status GraphView::OpenImage(const std::string& path, const ImageTag& tag, std::shared_ptr<const GraphView>* out) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int e = errno;
    if (e == ENOENT) return Status::NotFound(path + ": no image");
    return Status::Storage(path + ": " + ErrnoText(e));
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    const int e = errno;
    ::close(fd);
    return Status::Storage(path + ": " + ErrnoText(e));
  }
  const uint64_t size = static_cast<uint64_t>(st.st_size);
  auto bad = [&](const std::string& why) { return Status::Storage(path + ": " + why); };
  if (size < kHeaderBytes) {
    ::close(fd);
    return bad("truncated (" + std::to_string(size) + " bytes)");
  }
  Header h;
  unsigned char header[kHeaderBytes];
  if (::pread(fd, header, kHeaderBytes, 0) != static_cast<ssize_t>(kHeaderBytes)) {
    ::close(fd);
    return bad("cannot read the header");
  }
  std::memcpy(&h, header, sizeof h);
  uint64_t header_sum;
  std::memcpy(&header_sum, header + kHeaderBytes - 8, 8);
  if (std::memcmp(h.magic, kMagic, 8) != 0) {
    ::close(fd);
    return bad("not a geokg snapshot image");
  }
  if (h.endian_mark != kEndianMark || h.version != kImageVersion || h.header_bytes != kHeaderBytes ||
      h.section_count != kSectionCount) {
    ::close(fd);
    return bad("image format not read by this geokg");
  }
  if (ImageHash(header, kHeaderBytes - 8) != header_sum) {
    ::close(fd);
    return bad("header checksum mismatch");
  }
  if (h.tag_txn != tag.txn || h.tag_fingerprint != tag.fingerprint) {
    ::close(fd);
    return bad("stale (built from commit " + std::to_string(h.tag_txn) + ", the store is at " +
               std::to_string(tag.txn) + ")");
  }
  if (size != h.file_bytes) {
    ::close(fd);
    return bad((size < h.file_bytes ? "truncated (" : "longer than written (") + std::to_string(size) + " of " +
               std::to_string(h.file_bytes) + " bytes)");
  }
  void* base = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  const int map_errno = errno;
  ::close(fd);
  if (base == MAP_FAILED) return bad("map: " + ErrnoText(map_errno));
  auto mapping = std::make_shared<Mapping>();
  mapping->base = base;
  mapping->bytes = size;
  const unsigned char* bytes = static_cast<const unsigned char*>(base);
  if (ImageHash(bytes + kHeaderBytes, size - kHeaderBytes) != h.body_checksum) return bad("checksum mismatch");

  // Sections: inside the file, aligned, of whole elements.
  for (int s = 0; s < kSectionCount; ++s) {
    const auto& sec = h.sections[s];
    if (sec.offset % kAlign != 0 || sec.offset < kHeaderBytes || sec.offset > size || sec.bytes > size - sec.offset)
      return bad("section " + std::to_string(s) + " outside the file");
  }
  const uint64_t n = h.vertex_count, m = h.edge_count;
  if (n >= UINT32_MAX || m >= UINT32_MAX) return bad("too many vertices or edges");
  auto section = [&]<class T>(int s, std::span<const T>* span, uint64_t want, bool exact) {
    const auto& sec = h.sections[s];
    if (sec.bytes % sizeof(T) != 0) return false;
    const uint64_t count = sec.bytes / sizeof(T);
    if (exact && count != want) return false;
    *span = std::span<const T>(reinterpret_cast<const T*>(bytes + sec.offset), count);
    return true;
  };
  std::shared_ptr<GraphView> view(new GraphView());
  GraphView& g = *view;
  g.vertex_count_ = n;
  std::span<const uint64_t> counts;
  bool ok = section(kCounts, &counts, kEntityKindCount + kRelationTypeCount + 1, true) &&
            section(kNameRefs, &g.name_refs_, n, true) &&
            section(kEdges, &g.edges_, m, true) && section(kOutOffsets, &g.out_offsets_, n + 1, true) &&
            section(kOutEdges, &g.out_edges_, m, true) && section(kInOffsets, &g.in_offsets_, n + 1, true) &&
            section(kInEdges, &g.in_edges_, m, true) && section(kIds, &g.ids_, n, true) &&
            section(kKinds, &g.kinds_, n, true) && section(kNames, &g.names_, n, true) &&
            section(kCountries, &g.countries_, n, true) && section(kMentions, &g.mentions_, n, true) &&
            section(kDocuments, &g.documents_, n, true) && section(kAliasOffsets, &g.alias_offsets_, n + 1, true) &&
            section(kAliasIds, &g.alias_ids_, 0, false) && section(kRoles, &g.roles_, 0, false) &&
            section(kStringOffsets, &g.string_offsets_, 0, false) &&
            section(kStringBytes, &g.string_bytes_, 0, false) && section(kById, &g.by_id_, n, true) &&
            section(kByName, &g.by_name_, 0, false);
  if (!ok) return bad("a section's size does not fit the graph");
  for (int k = 0; k < kEntityKindCount; ++k) g.kind_counts_[k] = counts[k];
  for (int t = 0; t < kRelationTypeCount; ++t) g.type_counts_[t] = counts[kEntityKindCount + t];
  g.names_unique_ = (counts[kEntityKindCount + kRelationTypeCount] & 1) != 0;

  // Every offset and index inside the array it points into.
  const uint64_t strings = g.string_offsets_.empty() ? 0 : g.string_offsets_.size() - 1;
  if (strings == 0 || g.string_offsets_[0] != 0 || g.string_offsets_[1] != 0 ||
      g.string_offsets_.back() != g.string_bytes_.size())
    return bad("string table damaged");
  for (uint64_t s = 0; s < strings; ++s)
    if (g.string_offsets_[s] > g.string_offsets_[s + 1]) return bad("string table damaged");
  auto offsets_ok = [](std::span<const uint32_t> off, uint64_t total) {
    if (off.empty() || off[0] != 0 || off.back() != total) return false;
    for (size_t i = 0; i + 1 < off.size(); ++i)
      if (off[i] > off[i + 1]) return false;
    return true;
  };
  if (!offsets_ok(g.out_offsets_, m) || !offsets_ok(g.in_offsets_, m) ||
      !offsets_ok(g.alias_offsets_, g.alias_ids_.size()))
    return bad("offsets damaged");
  if (g.roles_.empty() || g.roles_[0] != 0) return bad("role table damaged");
  for (StringId s : g.roles_)
    if (s >= strings) return bad("role table damaged");
  for (StringId s : g.alias_ids_)
    if (s >= strings) return bad("alias table damaged");
  for (uint64_t v = 0; v < n; ++v) {
    if (g.names_[v] >= strings || g.countries_[v] >= strings || static_cast<int>(g.kinds_[v]) >= kEntityKindCount ||
        g.by_id_[v].v >= n || g.name_refs_[v].offset > g.string_bytes_.size() ||
        g.name_refs_[v].length > g.string_bytes_.size() - g.name_refs_[v].offset)
      return bad("vertex " + std::to_string(v) + " damaged");
  }
  for (const NameEntry& e : g.by_name_)
    if (e.v >= n) return bad("name index damaged");
  for (uint64_t e = 0; e < m; ++e) {
    const EdgeData& d = g.edges_[e];
    if (d.source >= n || d.target >= n || static_cast<int>(d.type) >= kRelationTypeCount ||
        d.role >= g.roles_.size() || g.out_edges_[e] != e || g.in_edges_[e] >= m)
      return bad("edge " + std::to_string(e) + " damaged");
  }
  g.mapping_ = std::move(mapping);
  *out = std::move(view);
  return Status::Ok();
}

}  // namespace geokg::graph
