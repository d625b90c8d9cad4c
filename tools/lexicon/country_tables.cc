// Curated tables of the lexicon converter: the short country names analysts
// use, the prose aliases of countries, the sovereign state of each
// territory, and capitals that WordNet (2006) lacks or has out of date.
// Facts, written for geokg; not copied from any one source.
#include "tools/lexicon/build_lexicon.h"

namespace geokg::tools::lexicon {

const std::vector<CountryOverride>& CountryOverrides() {
  static const std::vector<CountryOverride> kTable = {
      {"USA", "United States", "US|U.S.|USA|U.S.A.|America|United States of America", ""},
      {"GBR", "United Kingdom", "UK|U.K.|Britain|Great Britain", ""},
      {"RUS", "Russia", "Russian Federation", ""},
      {"IRN", "Iran", "Islamic Republic of Iran", ""},
      {"SYR", "Syria", "Syrian Arab Republic", ""},
      {"KOR", "South Korea", "Republic of Korea|ROK", ""},
      {"PRK", "North Korea", "DPRK|Democratic People's Republic of Korea", ""},
      {"VNM", "Vietnam", "Viet Nam", ""},
      {"BOL", "Bolivia", "", ""},
      {"VEN", "Venezuela", "", ""},
      {"TZA", "Tanzania", "", ""},
      {"TWN", "Taiwan", "Republic of China", ""},
      {"LAO", "Laos", "Lao PDR|Lao People's Democratic Republic", ""},
      {"MDA", "Moldova", "", ""},
      {"CZE", "Czech Republic", "Czechia", ""},
      {"PSE", "Palestine", "State of Palestine|Palestinian territories|Palestinian Territories", ""},
      {"VAT", "Vatican", "Holy See|Vatican City|Vatican City State", ""},
      {"FSM", "Micronesia", "Federated States of Micronesia", ""},
      {"COG", "Republic of the Congo", "Congo Republic|Congo-Brazzaville", ""},
      {"COD", "Democratic Republic of the Congo",
       "DRC|DR Congo|D.R. Congo|Democratic Republic of Congo|Congo-Kinshasa", ""},
      {"CIV", "Ivory Coast", "Côte d'Ivoire|Cote d'Ivoire", ""},
      {"TUR", "Turkey", "Türkiye|Turkiye|Republic of Turkey", ""},
      {"BRN", "Brunei", "Brunei Darussalam", ""},
      {"CPV", "Cape Verde", "Cabo Verde", ""},
      {"SWZ", "Eswatini", "Swaziland", ""},
      {"MKD", "North Macedonia", "Macedonia", ""},
      {"MMR", "Myanmar", "Burma", ""},
      {"TLS", "East Timor", "Timor-Leste", ""},
      {"ARE", "United Arab Emirates", "UAE|U.A.E.", ""},
      {"SAU", "Saudi Arabia", "KSA", ""},
      {"CHN", "China", "PRC|People's Republic of China|mainland China", ""},
      {"BHS", "Bahamas", "The Bahamas", ""},
      {"GMB", "Gambia", "The Gambia", ""},
      {"NLD", "Netherlands", "Holland|The Netherlands", ""},
      {"FLK", "Falkland Islands", "Falklands|Malvinas", "United Kingdom"},
      {"CCK", "Cocos Islands", "Cocos (Keeling) Islands|Keeling Islands", "Australia"},
      {"MAF", "Saint Martin", "St Martin|Collectivity of Saint Martin", "France"},
      {"SXM", "Sint Maarten", "", "Netherlands"},
      {"VGB", "British Virgin Islands", "", "United Kingdom"},
      {"VIR", "US Virgin Islands", "U.S. Virgin Islands|United States Virgin Islands", "United States"},
      {"BES", "Caribbean Netherlands", "Bonaire, Sint Eustatius and Saba", "Netherlands"},
      {"SHN", "Saint Helena", "Saint Helena, Ascension and Tristan da Cunha|St Helena", "United Kingdom"},
      {"KNA", "Saint Kitts and Nevis", "St Kitts and Nevis", ""},
      {"VCT", "Saint Vincent and the Grenadines", "St Vincent and the Grenadines", ""},
      {"LCA", "Saint Lucia", "St Lucia", ""},
      {"HKG", "Hong Kong", "Hong Kong SAR", "China"},
      {"MAC", "Macau", "Macao|Macao SAR", "China"},
      {"BLM", "Saint Barthélemy", "Saint Barthelemy|St Barts", "France"},
      {"SPM", "Saint Pierre and Miquelon", "", "France"},
      {"UMI", "United States Minor Outlying Islands", "", "United States"},
      {"HMD", "Heard Island and McDonald Islands", "", "Australia"},
      {"SGS", "South Georgia and the South Sandwich Islands", "South Georgia", "United Kingdom"},
      {"IOT", "British Indian Ocean Territory", "Chagos Islands|Chagos Archipelago", "United Kingdom"},
      {"ATF", "French Southern Territories", "French Southern and Antarctic Lands", "France"},
      {"SJM", "Svalbard and Jan Mayen", "Svalbard", "Norway"},
      {"BIH", "Bosnia and Herzegovina", "Bosnia|Bosnia-Herzegovina", ""},
      {"TTO", "Trinidad and Tobago", "Trinidad", ""},
      {"CAF", "Central African Republic", "CAR", ""},
      {"STP", "Sao Tome and Principe", "São Tomé and Príncipe", ""},
      {"LBY", "Libya", "", ""},
      // Territories that keep iso-codes' name: only their sovereign state.
      {"PRI", "", "", "United States"}, {"GUM", "", "", "United States"},
      {"ASM", "", "", "United States"}, {"MNP", "", "Northern Marianas", "United States"},
      {"BMU", "", "", "United Kingdom"}, {"CYM", "", "", "United Kingdom"},
      {"GIB", "", "", "United Kingdom"}, {"MSR", "", "", "United Kingdom"},
      {"TCA", "", "", "United Kingdom"}, {"AIA", "", "", "United Kingdom"},
      {"PCN", "", "Pitcairn Islands", "United Kingdom"}, {"JEY", "", "", "United Kingdom"},
      {"GGY", "", "", "United Kingdom"}, {"IMN", "", "", "United Kingdom"},
      {"GRL", "", "", "Denmark"}, {"FRO", "", "Faroes", "Denmark"},
      {"GLP", "", "", "France"}, {"MTQ", "", "", "France"}, {"GUF", "", "", "France"},
      {"REU", "", "", "France"}, {"MYT", "", "", "France"}, {"NCL", "", "", "France"},
      {"PYF", "", "", "France"}, {"WLF", "", "", "France"},
      {"ABW", "", "", "Netherlands"}, {"CUW", "", "", "Netherlands"},
      {"ALA", "", "", "Finland"}, {"BVT", "", "", "Norway"},
      {"CXR", "", "", "Australia"}, {"NFK", "", "", "Australia"},
      {"COK", "", "", "New Zealand"}, {"NIU", "", "", "New Zealand"}, {"TKL", "", "", "New Zealand"},
  };
  return kTable;
}

const std::vector<Actor>& ExtraCountries() {
  static const std::vector<Actor> kExtra = {
      {"Kosovo", "country", "XKX", {"Republic of Kosovo"}, {}},
  };
  return kExtra;
}

const std::map<std::string, std::string>& CapitalOverrides() {
  static const std::map<std::string, std::string> kCapitals = {
      {"MMR", "Naypyidaw"},   {"KAZ", "Astana"},       {"CIV", "Yamoussoukro"},
      {"TZA", "Dodoma"},      {"NGA", "Abuja"},         {"ISR", "Jerusalem"},
      {"PSE", "Ramallah"},    {"SSD", "Juba"},          {"MNE", "Podgorica"},
      {"SRB", "Belgrade"},    {"XKX", "Pristina"},      {"TLS", "Dili"},
      {"PLW", "Ngerulmud"},   {"BOL", "La Paz"},        {"LKA", "Colombo"},
      {"MHL", "Majuro"},      {"FSM", "Palikir"},       {"KIR", "Tarawa"},
      {"NRU", "Yaren"},       {"TUV", "Funafuti"},      {"SVK", "Bratislava"},
      {"SVN", "Ljubljana"},   {"HRV", "Zagreb"},        {"BIH", "Sarajevo"},
      {"MKD", "Skopje"},      {"EST", "Tallinn"},       {"LVA", "Riga"},
      {"LTU", "Vilnius"},     {"BLR", "Minsk"},         {"UKR", "Kyiv"},
      {"MDA", "Chisinau"},    {"GEO", "Tbilisi"},       {"ARM", "Yerevan"},
      {"AZE", "Baku"},        {"TKM", "Ashgabat"},      {"UZB", "Tashkent"},
      {"TJK", "Dushanbe"},    {"KGZ", "Bishkek"},       {"ERI", "Asmara"},
      {"CZE", "Prague"},      {"YEM", "Sanaa"},         {"DEU", "Berlin"},
      {"SWZ", "Mbabane"},     {"BEN", "Porto-Novo"},    {"CMR", "Yaounde"},
      {"TWN", "Taipei"},      {"KOR", "Seoul"},         {"PRK", "Pyongyang"},
      {"VNM", "Hanoi"},       {"ZAF", "Pretoria"},      {"MYS", "Kuala Lumpur"},
      {"BRA", "Brasilia"},    {"PAK", "Islamabad"},     {"TUR", "Ankara"},
      {"EGY", "Cairo"},       {"IND", "New Delhi"},     {"AUS", "Canberra"},
      {"CAN", "Ottawa"},      {"SAU", "Riyadh"},        {"ARE", "Abu Dhabi"},
      {"QAT", "Doha"},        {"LBN", "Beirut"},        {"JOR", "Amman"},
      {"AFG", "Kabul"},       {"IRQ", "Baghdad"},       {"IRN", "Tehran"},
      {"SYR", "Damascus"},    {"RUS", "Moscow"},        {"CHN", "Beijing"},
      {"USA", "Washington"},  {"GBR", "London"},        {"FRA", "Paris"},
      {"JPN", "Tokyo"},       {"LBY", "Tripoli"},       {"SDN", "Khartoum"},
      {"ETH", "Addis Ababa"}, {"SOM", "Mogadishu"},     {"KEN", "Nairobi"},
      {"COD", "Kinshasa"},    {"COG", "Brazzaville"},   {"VEN", "Caracas"},
      {"CUB", "Havana"},      {"MEX", "Mexico City"},   {"ESP", "Madrid"},
      {"ITA", "Rome"},        {"POL", "Warsaw"},        {"HUN", "Budapest"},
      {"GRC", "Athens"},      {"BHR", "Manama"},        {"OMN", "Muscat"},
      {"KWT", "Kuwait City"}, {"MDV", "Malé"},          {"BTN", "Thimphu"},
      {"NPL", "Kathmandu"},   {"BGD", "Dhaka"},
      {"PHL", "Manila"},      {"IDN", "Jakarta"},       {"THA", "Bangkok"},
      {"KHM", "Phnom Penh"},  {"LAO", "Vientiane"},     {"MNG", "Ulaanbaatar"},
      {"SGP", "Singapore"},   {"NZL", "Wellington"},    {"ARG", "Buenos Aires"},
      {"CHL", "Santiago"},    {"PER", "Lima"},          {"COL", "Bogota"},
      {"ECU", "Quito"},       {"URY", "Montevideo"},    {"PRY", "Asuncion"},
      {"NIC", "Managua"},     {"HND", "Tegucigalpa"},   {"SLV", "San Salvador"},
      {"GTM", "Guatemala City"}, {"PAN", "Panama City"}, {"CRI", "San Jose"},
      {"HTI", "Port-au-Prince"}, {"DOM", "Santo Domingo"}, {"JAM", "Kingston"},
      {"MLI", "Bamako"},      {"NER", "Niamey"},        {"BFA", "Ouagadougou"},
      {"TCD", "N'Djamena"},   {"SEN", "Dakar"},         {"GHA", "Accra"},
      {"MAR", "Rabat"},       {"DZA", "Algiers"},       {"TUN", "Tunis"},
      {"MRT", "Nouakchott"},  {"RWA", "Kigali"},        {"UGA", "Kampala"},
      {"BDI", "Gitega"},      {"CAF", "Bangui"},
      {"AGO", "Luanda"},      {"MOZ", "Maputo"},        {"ZWE", "Harare"},
      {"ZMB", "Lusaka"},      {"MWI", "Lilongwe"},      {"NAM", "Windhoek"},
      {"BWA", "Gaborone"},    {"MDG", "Antananarivo"},  {"DJI", "Djibouti"},
      {"CYP", "Nicosia"},     {"ROU", "Bucharest"},     {"BGR", "Sofia"},
      {"ALB", "Tirana"},      {"AUT", "Vienna"},        {"CHE", "Bern"},
      {"BEL", "Brussels"},    {"NLD", "Amsterdam"},     {"DNK", "Copenhagen"},
      {"SWE", "Stockholm"},   {"NOR", "Oslo"},          {"FIN", "Helsinki"},
      {"ISL", "Reykjavik"},   {"IRL", "Dublin"},        {"PRT", "Lisbon"},
      {"LUX", "Luxembourg"},  {"MLT", "Valletta"},      {"VAT", "Vatican City"},
      {"AND", "Andorra la Vella"}, {"BRB", "Bridgetown"}, {"BLZ", "Belmopan"},
      {"BRN", "Bandar Seri Begawan"}, {"COM", "Moroni"},  {"TON", "Nuku'alofa"},
      {"ESH", "Laayoune"},    {"PRI", "San Juan"},      {"GRL", "Nuuk"},
      {"GUM", "Hagatna"},     {"CYM", "George Town"},   {"FRO", "Torshavn"},
      {"NCL", "Noumea"},      {"PYF", "Papeete"},       {"ABW", "Oranjestad"},
      {"CUW", "Willemstad"},  {"JEY", "Saint Helier"},  {"GGY", "Saint Peter Port"},
      {"MTQ", "Fort-de-France"}, {"GLP", "Basse-Terre"}, {"REU", "Saint-Denis"},
      {"GUF", "Cayenne"},     {"MYT", "Mamoudzou"},     {"ASM", "Pago Pago"},
      {"MNP", "Saipan"},      {"VIR", "Charlotte Amalie"}, {"VGB", "Road Town"},
      {"TCA", "Cockburn Town"}, {"NIU", "Alofi"},       {"COK", "Avarua"},
      {"WLF", "Mata-Utu"},    {"SPM", "Saint-Pierre"},  {"MAF", "Marigot"},
      {"SXM", "Philipsburg"}, {"BLM", "Gustavia"},      {"CXR", "Flying Fish Cove"},
      {"ALA", "Mariehamn"},   {"SJM", "Longyearbyen"},  {"PCN", "Adamstown"},
  };
  return kCapitals;
}

const std::map<std::string, std::string>& PlacePreferences() {
  static const std::map<std::string, std::string> kPreferred = {
      {"St. Petersburg", "RUS"}, {"Odessa", "UKR"},   {"Birmingham", "GBR"},
      {"Manchester", "GBR"},     {"Cambridge", "GBR"}, {"Valencia", "ESP"},
      {"Toledo", "ESP"},         {"Cordoba", "ESP"},   {"Cartagena", "COL"},
      {"Syracuse", "ITA"},       {"Portsmouth", "GBR"}, {"Worcester", "GBR"},
      {"Newport", "GBR"},        {"Leon", "MEX"},      {"Santa Ana", "SLV"},
  };
  return kPreferred;
}

const std::map<std::string, std::string>& PlaceRenames() {
  static const std::map<std::string, std::string> kRenames = {
      {"Halab", "Aleppo"},      {"Kharkov", "Kharkiv"},   {"Kyyiv", "Kyiv"},
      {"Hefa", "Haifa"},        {"Antwerpen", "Antwerp"}, {"Firenze", "Florence"},
      {"Arhus", "Aarhus"},      {"Cracow", "Krakow"},     {"Al Ladhiqiyah", "Latakia"},
      {"Al Aqabah", "Aqaba"},   {"Az Zarqa", "Zarqa"},    {"Kerbala", "Karbala"},
      {"Goteborg", "Gothenburg"}, {"Inchon", "Incheon"}, {"Dimash", "Damascus"},
      {"Thorshavn", "Torshavn"}, {"Porto Novo", "Porto-Novo"}, {"Ashkhabad", "Ashgabat"},
      {"Frankfurt on the Main", "Frankfurt"}, {"Sayda", "Sidon"}, {"Qum", "Qom"},
      {"Pusan", "Busan"},       {"Taegu", "Daegu"},       {"Kwangju", "Gwangju"},
  };
  return kRenames;
}

const std::set<std::string>& NameLikePlaces() {
  static const std::set<std::string> kNames = {
      "Austin",   "Eugene",  "Gary",     "Helena",   "Jackson",   "Leon",    "Pierre",
      "Rosario",  "Santos",  "Lincoln",  "Hamilton", "Columbus",  "Madison", "Raleigh",
      "Augusta",  "Chester", "Cleveland", "Bismarck", "Olympia",  "Richmond", "Durham",
      "Paterson", "Lansing", "Trenton",  "Laredo",   "Camden",    "Abilene", "Orlando",
      "Columbia", "Regina",  "Sur",      "Norfolk",  "Darwin",    "Valdez",  "Soledad",
      "Montgomery", "Lancaster", "Winchester", "Toyota", "Kimberley", "Casper", "Bam",
  };
  return kNames;
}

const std::set<std::string>& PlacesDespiteWords() {
  static const std::set<std::string> kKeep = {
      "Frankfurt", "Cologne", "Geneva",  "Hamburg", "Genoa",     "Bologna", "Shanghai",
      "Astrakhan", "Bursa",   "Anchorage", "Oxford", "Liege",    "Saskatoon", "Fez",
      "Perm",      "Sucre",   "Cordoba",
  };
  return kKeep;
}

std::string FoldWith(std::string_view text, std::span<const std::pair<std::string_view, std::string_view>> folds) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    bool folded = false;
    for (const auto& [from, to] : folds) {
      if (text.substr(i, from.size()) == from) {
        out += to;
        i += from.size();
        folded = true;
        break;
      }
    }
    if (!folded) out += text[i++];
  }
  return out;
}

std::string FoldAccents(std::string_view text) {
  static const std::pair<std::string_view, std::string_view> kFolds[] = {
      {"á", "a"}, {"à", "a"}, {"â", "a"}, {"ä", "a"}, {"ã", "a"}, {"å", "a"}, {"Å", "A"},
      {"é", "e"}, {"è", "e"}, {"ê", "e"}, {"ë", "e"}, {"É", "E"}, {"í", "i"}, {"î", "i"},
      {"ï", "i"}, {"ó", "o"}, {"ô", "o"}, {"ö", "o"}, {"õ", "o"}, {"Ö", "O"}, {"ú", "u"},
      {"û", "u"}, {"ü", "u"}, {"Ü", "U"}, {"ç", "c"}, {"ñ", "n"}, {"ș", "s"}, {"ş", "s"},
      {"ţ", "t"}, {"ț", "t"}, {"Ç", "C"}, {"Ş", "S"}, {"ā", "a"}, {"ī", "i"}, {"ū", "u"},
  };
  return FoldWith(text, kFolds);
}

}  // namespace geokg::tools::lexicon
