#include "addon/arguments.h"

#include <cmath>

#include "engine/ump_size.h"

namespace midiscope::addon {

namespace {

const char* typeName(const Napi::Value& value) {
  switch (value.Type()) {
    case napi_undefined: return "undefined";
    case napi_null: return "null";
    case napi_boolean: return "a boolean";
    case napi_number: return "a number";
    case napi_string: return "a string";
    case napi_symbol: return "a symbol";
    case napi_object: return value.IsTypedArray() ? "a different typed array" : "an object";
    case napi_function: return "a function";
    case napi_external: return "an external";
    case napi_bigint: return "a bigint";
  }
  return "an unknown value";
}

}  // namespace

std::string Arguments::describe(std::size_t index, const char* name) const {
  return "argument " + std::to_string(index + 1) + " (" + name + ")";
}

void Arguments::throwTypeError(const std::string& what, const char* expected) const {
  throw Napi::TypeError::New(env(), std::string(function_) + ": " + what + " must be " + expected);
}

double Arguments::number(std::size_t index, const char* name) const {
  const Napi::Value value = at(index);
  if (!value.IsNumber()) {
    throwTypeError(describe(index, name), (std::string("a number, not ") + typeName(value)).c_str());
  }
  return value.As<Napi::Number>().DoubleValue();
}

bool Arguments::optionalBoolean(std::size_t index, const char* name) const {
  const Napi::Value value = at(index);
  if (value.IsUndefined()) return false;
  if (!value.IsBoolean()) {
    throwTypeError(describe(index, name), (std::string("a boolean, not ") + typeName(value)).c_str());
  }
  return value.As<Napi::Boolean>().Value();
}

std::string Arguments::string(std::size_t index, const char* name) const {
  const Napi::Value value = at(index);
  if (!value.IsString()) {
    throwTypeError(describe(index, name), (std::string("a string, not ") + typeName(value)).c_str());
  }
  return value.As<Napi::String>().Utf8Value();
}

Napi::Function Arguments::function(std::size_t index, const char* name) const {
  const Napi::Value value = at(index);
  if (!value.IsFunction()) {
    throwTypeError(describe(index, name),
                   (std::string("a function, not ") + typeName(value)).c_str());
  }
  return value.As<Napi::Function>();
}

Napi::Object Arguments::object(std::size_t index, const char* name) const {
  const Napi::Value value = at(index);
  if (!value.IsObject()) {
    throwTypeError(describe(index, name), (std::string("an object, not ") + typeName(value)).c_str());
  }
  return value.As<Napi::Object>();
}

Napi::Uint32Array Arguments::uint32Array(std::size_t index, const char* name) const {
  const Napi::Value value = at(index);
  if (!value.IsTypedArray() ||
      value.As<Napi::TypedArray>().TypedArrayType() != napi_uint32_array) {
    throwTypeError(describe(index, name),
                   (std::string("a Uint32Array, not ") + typeName(value)).c_str());
  }
  return value.As<Napi::Uint32Array>();
}

Napi::Float64Array Arguments::float64Array(std::size_t index, const char* name) const {
  const Napi::Value value = at(index);
  if (!value.IsTypedArray() ||
      value.As<Napi::TypedArray>().TypedArrayType() != napi_float64_array) {
    throwTypeError(describe(index, name),
                   (std::string("a Float64Array, not ") + typeName(value)).c_str());
  }
  return value.As<Napi::Float64Array>();
}

ConnectionId Arguments::handle(std::size_t index) const {
  const double value = number(index, "handle");
  if (!(value >= 1 && value <= 9007199254740991.0) || std::floor(value) != value) return 0;
  return static_cast<ConnectionId>(value);
}

WordArgument Arguments::words(std::size_t index) const {
  const Napi::Uint32Array array = uint32Array(index, "words");
  WordArgument words;
  words.words = array.Data();
  words.length = array.ElementLength();
  words.start = number(index + 1, "start");
  words.count = number(index + 2, "count");
  return words;
}

std::string Arguments::stringProperty(const Napi::Object& object, const char* objectName,
                                      const char* key, bool optional) const {
  const Napi::Value value = object.Get(key);
  if (optional && value.IsUndefined()) return "";
  if (!value.IsString()) {
    throwTypeError(std::string(objectName) + "." + key,
                   (std::string("a string, not ") + typeName(value)).c_str());
  }
  return value.As<Napi::String>().Utf8Value();
}

Arguments::DrainBuffers Arguments::drainBuffers(std::size_t index) const {
  DrainBuffers buffers{uint32Array(index, "words"), float64Array(index + 1, "timestamps")};
  if (buffers.words.ElementLength() < kMaxMessageWords || buffers.timestamps.ElementLength() < 1) {
    throw Napi::RangeError::New(env(), std::string(function_) +
                                           ": words must hold at least 4 elements (the largest "
                                           "message) and timestamps at least 1");
  }
  return buffers;
}

}  // namespace midiscope::addon
