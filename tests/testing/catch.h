// The one place that names Catch2's header, so a move to Catch2 v3 touches one
// line.
#ifndef FNF_TESTS_TESTING_CATCH_H_
#define FNF_TESTS_TESTING_CATCH_H_

#include <catch2/catch.hpp>

#endif  // FNF_TESTS_TESTING_CATCH_H_
