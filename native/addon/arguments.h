// Argument checks for the exported functions. A wrong JS type is a programming error and the
// only thing that throws a TypeError; the message names the function, the argument and the
// type it must have. Everything else is answered with result flags.
#pragma once

#include <cstddef>
#include <string>

#include <napi.h>

#include "engine/engine.h"

namespace midiscope::addon {

class Arguments {
 public:
  Arguments(const Napi::CallbackInfo& info, const char* function) : info_(info), function_(function) {}

  double number(std::size_t index, const char* name) const;
  // A boolean, or false when the argument is missing or undefined.
  bool optionalBoolean(std::size_t index, const char* name) const;
  std::string string(std::size_t index, const char* name) const;
  Napi::Function function(std::size_t index, const char* name) const;
  Napi::Object object(std::size_t index, const char* name) const;
  Napi::Uint32Array uint32Array(std::size_t index, const char* name) const;
  Napi::Float64Array float64Array(std::size_t index, const char* name) const;
  // A connection handle: any number; one that is not a positive whole number names no
  // connection (the engine answers it as closed), as does a handle that was closed.
  ConnectionId handle(std::size_t index) const;
  // `words, start, count` starting at `index`, ready for the engine's bounds check.
  WordArgument words(std::size_t index) const;

  struct DrainBuffers {
    Napi::Uint32Array words;
    Napi::Float64Array timestamps;
  };
  // The `words, timestamps` a drain fills, from `index`. A RangeError when they are too small to
  // take the largest message: the caller's drain loop could never make progress.
  DrainBuffers drainBuffers(std::size_t index) const;

  // A string property; when `optional`, a missing or undefined one reads as "".
  std::string stringProperty(const Napi::Object& object, const char* objectName, const char* key,
                             bool optional) const;

  [[noreturn]] void throwTypeError(const std::string& what, const char* expected) const;

  Napi::Env env() const { return info_.Env(); }
  const Napi::CallbackInfo& info() const { return info_; }
  const char* functionName() const { return function_; }

 private:
  Napi::Value at(std::size_t index) const { return info_[index]; }
  std::string describe(std::size_t index, const char* name) const;

  const Napi::CallbackInfo& info_;
  const char* function_;
};

}  // namespace midiscope::addon
