// A tiny test harness: TEST registers a function, CHECK* macros fail it with file, line and the
// values involved. main() (test_main.cc) runs every test, or those whose name contains argv[1],
// and prints "<label>: N passed, N failed" last.
#pragma once

#include <chrono>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace testing {

struct TestFailure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

bool registerTest(const char* name, void (*function)());

[[noreturn]] void fail(const char* file, int line, const std::string& message);

// How CHECK_EQ prints a value: as is, or a vector element by element (words in hex).
template <typename T>
void print(std::ostream& out, const T& value) {
  out << value;
}
template <typename T>
void print(std::ostream& out, const std::vector<T>& values) {
  out << "[" << std::hex;
  for (std::size_t i = 0; i < values.size(); ++i) out << (i ? ", " : "") << values[i];
  out << std::dec << "] (" << values.size() << " elements)";
}

template <typename A, typename B>
void checkEqual(const A& actual, const B& expected, const char* actualText,
                const char* expectedText, const char* file, int line) {
  if (actual == expected) return;
  std::ostringstream message;
  message << actualText << " == " << expectedText << "\n      actual:   ";
  print(message, actual);
  message << "\n      expected: ";
  print(message, expected);
  fail(file, line, message.str());
}

// Polls `condition` until it holds or `timeout` passes; returns whether it held.
bool waitUntil(const std::function<bool()>& condition,
               std::chrono::milliseconds timeout = std::chrono::seconds(10));

}  // namespace testing

#define TEST(name)                                                                 \
  static void name();                                                              \
  [[maybe_unused]] static const bool name##Registered = ::testing::registerTest(#name, name); \
  static void name()

#define CHECK(condition)                                                           \
  do {                                                                             \
    if (!(condition)) ::testing::fail(__FILE__, __LINE__, "CHECK(" #condition ")"); \
  } while (false)

#define CHECK_EQ(actual, expected) \
  ::testing::checkEqual((actual), (expected), #actual, #expected, __FILE__, __LINE__)

#define CHECK_MESSAGE(condition, message)                                       \
  do {                                                                          \
    if (!(condition)) {                                                         \
      std::ostringstream stream_;                                               \
      stream_ << "CHECK(" #condition "): " << message;                          \
      ::testing::fail(__FILE__, __LINE__, stream_.str());                       \
    }                                                                           \
  } while (false)

#define WAIT_UNTIL(condition) \
  CHECK_MESSAGE(::testing::waitUntil([&] { return static_cast<bool>(condition); }), "timed out")
