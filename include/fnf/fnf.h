// fnf/fnf.h: everything a host needs. See fnf/engine.h.
#ifndef FNF_FNF_H_
#define FNF_FNF_H_

#include "fnf/clock.h"
#include "fnf/engine.h"
#include "fnf/options.h"
#include "fnf/status.h"
#include "fnf/store.h"
#include "fnf/types.h"
#include "fnf/version.h"

#endif  // FNF_FNF_H_
