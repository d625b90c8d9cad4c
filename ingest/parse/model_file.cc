#include "ingest/parse/model_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>

namespace geokg::ingest::parse {

namespace {
struct Header {
  char magic[8];
  uint32_t version;
  uint32_t kind;
  uint64_t payload_bytes;
  uint64_t checksum;
};
static_assert(sizeof(Header) == 32);
}  // namespace

uint64_t Checksum64(const void* data, size_t bytes) {
  const unsigned char* p = static_cast<const unsigned char*>(data);
  uint64_t a = 0x9e3779b97f4a7c15ull ^ bytes, b = 0x2545f4914f6cdd1dull;
  size_t i = 0;
  for (; i + 16 <= bytes; i += 16) {
    uint64_t x, y;
    std::memcpy(&x, p + i, 8);
    std::memcpy(&y, p + i + 8, 8);
    a = (a ^ x) * 0xff51afd7ed558ccdull;
    b = (b ^ y) * 0xc4ceb9fe1a85ec53ull;
    a ^= a >> 29;
    b ^= b >> 31;
  }
  for (; i < bytes; ++i) a = (a ^ p[i]) * 0x100000001b3ull;
  uint64_t h = a ^ (b * 0x9e3779b97f4a7c15ull);
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  return h ^ (h >> 33);
}

void ModelWriter::Add(uint32_t tag, const void* data, size_t bytes) {
  const size_t data_offset = sizeof(Header) + payload_.size() + 16;
  uint32_t head[2] = {tag, static_cast<uint32_t>((64 - data_offset % 64) % 64)};
  uint64_t size = bytes;
  payload_.append(reinterpret_cast<const char*>(head), 8);
  payload_.append(reinterpret_cast<const char*>(&size), 8);
  payload_.append(head[1], '\0');
  if (bytes > 0) payload_.append(static_cast<const char*>(data), bytes);
  payload_.append((8 - bytes % 8) % 8, '\0');
}

bool ModelWriter::Write(const std::string& path, uint32_t kind) const {
  Header h;
  std::memcpy(h.magic, kModelMagic, 8);
  h.version = kModelVersion;
  h.kind = kind;
  h.payload_bytes = payload_.size();
  h.checksum = Checksum64(payload_.data(), payload_.size());
  std::string tmp = path + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (f == nullptr) return false;
  bool ok = std::fwrite(&h, sizeof h, 1, f) == 1 &&
            std::fwrite(payload_.data(), 1, payload_.size(), f) == payload_.size();
  ok = (std::fclose(f) == 0) && ok;
  return ok && std::rename(tmp.c_str(), path.c_str()) == 0;
}

ModelImage::~ModelImage() { Release(); }

// The fallback where the file cannot be mapped: anonymous memory that asks
// for transparent huge pages (the models are read at random; with 4 KiB
// pages most feature lookups would also miss the TLB), filled by read().
bool ModelImage::ReadInto(int fd, size_t size, std::string* why) {
  constexpr size_t kHuge = size_t{2} << 20;
  mapped_ = (size + kHuge - 1) / kHuge * kHuge + kHuge;  // room to align the image to a huge page
  void* mem = ::mmap(nullptr, mapped_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mem == MAP_FAILED) {
    mapped_ = 0;
    *why = "corrupt model file (out of memory)";
    return false;
  }
  base_ = static_cast<char*>(mem);
  image_ = base_ + (kHuge - reinterpret_cast<uintptr_t>(base_) % kHuge) % kHuge;
#ifdef MADV_HUGEPAGE
  if (size >= kHuge) ::madvise(image_, mapped_ - (image_ - base_), MADV_HUGEPAGE);
#endif
  size_t got = 0;
  while (got < size) {
    ssize_t r = ::read(fd, image_ + got, size - got);
    if (r <= 0) break;
    got += static_cast<size_t>(r);
  }
  if (got != size) {
    *why = "corrupt model file (read error)";
    return false;
  }
  return true;
}

void ModelImage::Release() {
  if (base_ != nullptr) ::munmap(base_, mapped_);
  base_ = image_ = nullptr;
  mapped_ = 0;
}

bool ModelImage::Load(const std::string& path, uint32_t kind, std::string* why) {
  Release();
  sections_.clear();
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *why = "missing model file";
    return false;
  }
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    *why = "corrupt model file (not a regular file)";
    return false;
  }
  const size_t size = static_cast<size_t>(st.st_size);
  if (size < sizeof(Header)) {
    ::close(fd);
    *why = "corrupt model file (truncated header)";
    return false;
  }
  // The page cache's own pages, mapped: no copy and no fresh memory to
  // zero (on a VM, first-touching 84 MB of new memory cost up to 0.6 s of
  // system time). Where the file system caches the file in huge folios,
  // MADV_HUGEPAGE lets them be mapped as huge pages.
  void* mem = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (mem != MAP_FAILED) {
    base_ = image_ = static_cast<char*>(mem);
    mapped_ = size;
#ifdef MADV_HUGEPAGE
    ::madvise(base_, mapped_, MADV_HUGEPAGE);
#endif
    ::close(fd);
  } else if (!ReadInto(fd, size, why)) {
    ::close(fd);
    return false;
  } else {
    ::close(fd);
  }
  const char* dst = image_;
  Header h;
  std::memcpy(&h, dst, sizeof h);
  if (std::memcmp(h.magic, kModelMagic, 8) != 0) {
    *why = "corrupt model file (bad magic)";
    return false;
  }
  if (h.version != kModelVersion) {
    *why = "corrupt model file (format version " + std::to_string(h.version) + ", expected " +
           std::to_string(kModelVersion) + ")";
    return false;
  }
  if (h.kind != kind) {
    *why = "corrupt model file (wrong kind of model)";
    return false;
  }
  if (h.payload_bytes != size - sizeof(Header)) {
    *why = "corrupt model file (truncated: " + std::to_string(size - sizeof(Header)) + " of " +
           std::to_string(h.payload_bytes) + " payload bytes)";
    return false;
  }
  if (Checksum64(dst + sizeof(Header), h.payload_bytes) != h.checksum) {
    *why = "corrupt model file (checksum mismatch)";
    return false;
  }
  size_t pos = sizeof(Header);
  while (pos < size) {
    if (size - pos < 16) {
      *why = "corrupt model file (bad section header)";
      return false;
    }
    uint32_t tag, pad;
    uint64_t bytes;
    std::memcpy(&tag, dst + pos, 4);
    std::memcpy(&pad, dst + pos + 4, 4);
    std::memcpy(&bytes, dst + pos + 8, 8);
    pos += 16;
    if (pad > size - pos) {
      *why = "corrupt model file (bad section header)";
      return false;
    }
    pos += pad;
    if (bytes > size - pos) {
      *why = "corrupt model file (bad section size)";
      return false;
    }
    sections_.push_back(Entry{tag, pos, static_cast<size_t>(bytes)});
    pos += (bytes + 7) / 8 * 8;
  }
  return true;
}

std::string_view ModelImage::Raw(uint32_t tag) const {
  for (const Entry& e : sections_)
    if (e.tag == tag) return std::string_view(image_ + e.offset, e.bytes);
  return std::string_view();
}

}  // namespace geokg::ingest::parse
