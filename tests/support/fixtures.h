// Test support: small articles shared by the end-to-end tests.
#pragma once

#include <fstream>
#include <optional>
#include <sstream>
#include <string>

namespace geokg::testing {

// Four sentences with a deployment, a metonym, a condemnation and a denial.
inline constexpr char kSmallArticle[] =
    "US sends troops to Iraq after embassy attack\n"
    "The United States deployed 750 troops to Iraq on Wednesday, the Pentagon said.\n"
    "Iraq condemned Washington for the air strikes.\n"
    "Iran denied it was behind the protests.\n";

// Where the reference article lies: ../shared/corpus, which a user's clone
// does not have.
inline std::string ReferenceArticlePath() {
  return std::string(GEOKG_SHARED_DIR) + "/corpus/000_7358da66aa299e2b.txt";
}

// The reference article's text, or nullopt when ../shared is absent (the
// caller then skips with a visible WARN).
inline std::optional<std::string> ReadReferenceArticle() {
  std::ifstream in(ReferenceArticlePath(), std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace geokg::testing
