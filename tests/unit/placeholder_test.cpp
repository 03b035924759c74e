#include <gtest/gtest.h>
TEST(Nothing, Builds) { EXPECT_TRUE(true); }
