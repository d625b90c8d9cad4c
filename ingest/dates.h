// Dates of documents: parsing the loose forms found in metadata, and finding
// the date an article states near its start. Both return graph::Date
// (YYYYMMDD, 0 when unknown). Pure functions, thread-safe.
#pragma once

#include <string_view>

#include "graph/model.h"

namespace geokg::ingest {

// Parses a whole string holding one date, in the forms found in feeds and
// scraped metadata: "1987-03-26", "1987-03-26T10:00:00Z", "1987/03/26",
// "19870326", "26-MAR-1987 10:23:45.67", "Jan 2, 2020", "January 2nd, 2020",
// "2 January 2020", "Thu, 02 Jan 2020 10:00:00 +0000", "Thursday, January 2,
// 2020", "26.03.1987", and dd/mm/yyyy or mm/dd/yyyy when the day is > 12.
// Leading and trailing spaces, a weekday and a trailing time are allowed.
// Returns 0 for anything else, for an ambiguous numeric date, or an invalid
// calendar day.
graph::Date ParseLooseDate(std::string_view text);

// The date an article states near its start (its first ~1500 bytes):
// a labelled date ("Published: 31 December 2019", "Updated Jan 2, 2020"),
// a full date ("March 26, 1987", "2019-12-31"), or a dateline without a year
// ("BAGHDAD, Jan 1 (Reuters) -"), which takes the year of the nearest full
// year stated in that window and is 0 without one. Returns the labelled date
// if any, else the first date found, else 0.
graph::Date FindDateInText(std::string_view text);

}  // namespace geokg::ingest
