// Test support: run the real geokg binary (or any program) and capture its
// exit status, stdout and stderr; temporary directories that clean up.
#pragma once

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace geokg::testing {

struct ProcessResult {
  int exit_code = -1;  // -1 if killed by a signal
  std::string out;
  std::string err;
};

inline std::string ReadWholeFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void WriteWholeFile(const std::filesystem::path& path, std::string_view data) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
}

// A unique directory under the system temp dir, removed on destruction
// (permissions a test took away are given back first, so that nothing is
// left behind).
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("geokg-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++) + "-" +
             std::to_string(rd() % 100000));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
    for (auto& e : fs::recursive_directory_iterator(path_, fs::directory_options::skip_permission_denied, ec))
      fs::permissions(e.path(), fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string operator/(std::string_view name) const { return (path_ / name).string(); }
  // The path of `rel` inside the directory, or of the directory itself.
  std::string Path(std::string_view rel = "") const { return rel.empty() ? path_.string() : *this / rel; }
  // Writes `contents` to `rel` (creating its folders) and returns its path.
  std::string Write(std::string_view rel, std::string_view contents) const {
    std::string p = *this / rel;
    WriteWholeFile(p, contents);
    return p;
  }

 private:
  std::filesystem::path path_;
};

// Runs `args` (args[0] is the program path) with `stdin_data` on its standard
// input; stdout and stderr go to files so that large outputs cannot deadlock.
// `setup`, when given, runs in the child after its standard streams are
// redirected and before exec (dropping privileges, setting limits); exit
// status 120 when it returns false.
inline ProcessResult RunProcess(const std::vector<std::string>& args, std::string_view stdin_data = "",
                                const std::function<bool()>& setup = {}) {
  TempDir io;
  std::string in_path = io / "stdin", out_path = io / "stdout", err_path = io / "stderr";
  WriteWholeFile(in_path, stdin_data);
  pid_t pid = fork();
  if (pid == 0) {
    int in = open(in_path.c_str(), O_RDONLY);
    int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    if (setup && !setup()) _exit(120);
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  ProcessResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadWholeFile(out_path);
  r.err = ReadWholeFile(err_path);
  return r;
}

// Runs the geokg binary under test with `args`.
inline ProcessResult RunGeokg(std::vector<std::string> args, std::string_view stdin_data = "") {
  args.insert(args.begin(), GEOKG_BINARY);
  return RunProcess(args, stdin_data);
}

}  // namespace geokg::testing
