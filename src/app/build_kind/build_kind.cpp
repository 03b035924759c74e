#include "app/build_kind/build_kind.hpp"

#ifndef ANTQ_TEST_BUILD
#error "ANTQ_TEST_BUILD must be 0 (antq) or 1 (antq-test)"
#endif

namespace antq::app {

extern const bool kTestBuild = ANTQ_TEST_BUILD != 0;

}  // namespace antq::app
