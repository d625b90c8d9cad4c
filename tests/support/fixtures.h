// Test support: small articles shared by the end-to-end tests.
#pragma once

namespace geokg::testing {

// Four sentences with a deployment, a metonym, a condemnation and a denial.
inline constexpr char kSmallArticle[] =
    "US sends troops to Iraq after embassy attack\n"
    "The United States deployed 750 troops to Iraq on Wednesday, the Pentagon said.\n"
    "Iraq condemned Washington for the air strikes.\n"
    "Iran denied it was behind the protests.\n";

}  // namespace geokg::testing
