// Tests of ingest/dates.h: loose date parsing and dates found in text.
#include "ingest/dates.h"

#include <catch2/catch.hpp>

using geokg::ingest::FindDateInText;
using geokg::ingest::ParseLooseDate;

TEST_CASE("ParseLooseDate reads the forms of feeds and metadata", "[ingest][dates]") {
  CHECK(ParseLooseDate("1987-03-26") == 19870326);
  CHECK(ParseLooseDate("  1987-03-26  ") == 19870326);
  CHECK(ParseLooseDate("1987-03-26T10:00:00Z") == 19870326);
  CHECK(ParseLooseDate("2020-01-02 12:30:00+01:00") == 20200102);
  CHECK(ParseLooseDate("1987/03/26") == 19870326);
  CHECK(ParseLooseDate("19870326") == 19870326);
  CHECK(ParseLooseDate("26-MAR-1987 10:23:45.67") == 19870326);
  CHECK(ParseLooseDate("Jan 2, 2020") == 20200102);
  CHECK(ParseLooseDate("Jan. 2, 2020") == 20200102);
  CHECK(ParseLooseDate("January 2nd, 2020") == 20200102);
  CHECK(ParseLooseDate("2 January 2020") == 20200102);
  CHECK(ParseLooseDate("2nd of January 2020") == 20200102);
  CHECK(ParseLooseDate("Thu, 02 Jan 2020 10:00:00 +0000") == 20200102);
  CHECK(ParseLooseDate("Thursday, January 2, 2020") == 20200102);
  CHECK(ParseLooseDate("Sept 30, 2019") == 20190930);
  CHECK(ParseLooseDate("26.03.1987") == 19870326);
  CHECK(ParseLooseDate("26/03/1987") == 19870326);  // day > 12: certain
  CHECK(ParseLooseDate("03/26/1987") == 19870326);
  CHECK(ParseLooseDate("2020-02-29") == 20200229);
}

TEST_CASE("ParseLooseDate refuses what is not one date", "[ingest][dates]") {
  CHECK(ParseLooseDate("") == 0);
  CHECK(ParseLooseDate("yesterday") == 0);
  CHECK(ParseLooseDate("03/04/1987") == 0);  // ambiguous
  CHECK(ParseLooseDate("2019-02-29") == 0);  // not a leap year
  CHECK(ParseLooseDate("1987-13-01") == 0);
  CHECK(ParseLooseDate("Jan 32, 2020") == 0);
  CHECK(ParseLooseDate("January 2") == 0);  // no year
  CHECK(ParseLooseDate("2 January 2020 was a day of great events") == 0);
  CHECK(ParseLooseDate("155,221 bags") == 0);
}

TEST_CASE("FindDateInText finds the date an article states near its start", "[ingest][dates]") {
  CHECK(FindDateInText("Published: 31 December 2019\nUS troops fired tear gas.") == 20191231);
  CHECK(FindDateInText("WASHINGTON (Reuters) - On March 26, 1987, the Treasury said...") == 19870326);
  CHECK(FindDateInText("Iraq protests 2019-12-31 update\nText.") == 20191231);
  // The labelled date wins over an earlier event date.
  CHECK(FindDateInText("Talks of Jan 5, 2020 failed.\nUpdated Jan 7, 2020\nBody.") == 20200107);
  // A dateline without a year takes the year stated nearby.
  CHECK(FindDateInText("2020 review\nBAGHDAD, Jan 1 (Reuters) - Protesters withdrew.") == 20200101);
  CHECK(FindDateInText("LONDON, March 3 - Oil prices rose in 1987 trading.") == 19870303);
  CHECK(FindDateInText("Iran talks\nMarch 26, 1987\nBody.") == 19870326);
  // Past the lead, only datelines and labelled dates count.
  CHECK(FindDateInText(std::string(500, 'x') + "\nGAZA CITY Sept. 7, 2004 - Israeli helicopters") == 20040907);
  CHECK(FindDateInText(std::string(500, 'x') + "\nPublished: 7 September 2004, 10:00") == 20040907);
}

TEST_CASE("FindDateInText finds nothing where nothing is stated", "[ingest][dates]") {
  CHECK(FindDateInText("") == 0);
  CHECK(FindDateInText("US troops fired tear gas in response to violent protests.") == 0);
  // Yearless and not a dateline: a day in running prose.
  CHECK(FindDateInText("Arrivals for the week ended February 22 were 155,221 bags in 1987.") == 0);
  // A dateline with no year anywhere near.
  CHECK(FindDateInText("BAGHDAD, Jan 1 (Reuters) - Protesters withdrew.") == 0);
  // "may" the verb is not a month.
  CHECK(FindDateInText("Troops may 5 times a year deploy, said officials in 2019.") == 0);
  // Dates of other events.
  CHECK(FindDateInText("RIYADH -- the country that produced the attackers of Sept. 11, 2001, moves.") == 0);
  CHECK(FindDateInText(std::string(500, 'x') + " the talks on March 26, 1987 failed") == 0);
  // Past the window nothing counts.
  CHECK(FindDateInText(std::string(3000, 'x') + " March 26, 1987") == 0);
}
