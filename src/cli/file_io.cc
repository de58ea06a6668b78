#include "cli/file_io.h"

#include <cstdio>
#include <memory>
#include <string>

#include <errno.h>
#include <string.h>

namespace fnf::cli {

bool ReadWholeFile(const std::string& path, std::string* contents,
                   std::string* error) {
  contents->clear();
  // stdio rather than iostreams: it leaves errno to say why a read failed
  // (EISDIR, EACCES...).
  std::unique_ptr<FILE, int (*)(FILE*)> owned(nullptr, &std::fclose);
  FILE* file = stdin;
  if (path != "-") {
    owned.reset(std::fopen(path.c_str(), "rb"));
    if (owned == nullptr) {
      *error = ::strerror(errno);
      return false;
    }
    file = owned.get();
  }
  char buffer[65536];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0)
    contents->append(buffer, n);
  if (std::ferror(file)) {
    *error = ::strerror(errno);
    return false;
  }
  return true;
}

}  // namespace fnf::cli
