#define CATCH_CONFIG_MAIN
#include "tests/testing/catch.h"
