#include "ingest/data_file.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace geokg::ingest {

Status ReadDataFile(const std::string& path, std::string* text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return Status::NotFound(path + ": no such file");
    return Status::InvalidInput(path + ": cannot be read");
  }
  std::stringstream ss;
  ss << in.rdbuf();
  *text = ss.str();
  return Status::Ok();
}

}  // namespace geokg::ingest
