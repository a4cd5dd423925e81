#include <chrono>
#include <cstdio>
#include <cstring>
#include <exception>
#include <vector>

#include "test_harness.h"

#ifndef TEST_LABEL
#define TEST_LABEL "tests"
#endif

namespace testing {

namespace {

struct RegisteredTest {
  const char* name;
  void (*function)();
};

std::vector<RegisteredTest>& registry() {
  static std::vector<RegisteredTest> tests;
  return tests;
}

}  // namespace

bool registerTest(const char* name, void (*function)()) {
  registry().push_back({name, function});
  return true;
}

void fail(const char* file, int line, const std::string& message) {
  throw TestFailure(std::string(file) + ":" + std::to_string(line) + ": " + message);
}

bool waitUntil(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  return true;
}

}  // namespace testing

int main(int argc, char** argv) {
  const char* filter = argc > 1 ? argv[1] : "";
  int passed = 0;
  int failed = 0;
  for (const auto& test : testing::registry()) {
    if (std::strstr(test.name, filter) == nullptr) continue;
    const auto start = std::chrono::steady_clock::now();
    try {
      test.function();
      ++passed;
      const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
      std::printf("  ok   %s (%.1f ms)\n", test.name, ms);
    } catch (const std::exception& error) {
      ++failed;
      std::printf("  FAIL %s\n    %s\n", test.name, error.what());
    }
    std::fflush(stdout);
  }
  std::printf("%s: %d passed, %d failed\n", TEST_LABEL, passed, failed);
  return failed == 0 ? 0 : 1;
}
