// The fnf command-line tool; everything but this entry point is in the fnf_cli
// library.
#include <iostream>

// From this file's own directory: the tool's target does not see src/ as an
// include path.
#include "cli.h"

int main(int argc, char** argv) {
  return fnf::cli::Main(argc, argv, std::cout, std::cerr);
}
