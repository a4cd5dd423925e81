#include "addon/js_ump_declaration.h"

#include <cmath>

#include "engine/ump_declaration.h"

namespace midiscope::addon {

namespace {

std::uint32_t numberProperty(const Arguments& args, const Napi::Object& object,
                             const std::string& objectName, const char* key, double max) {
  const Napi::Value value = object.Get(key);
  if (value.IsUndefined()) return 0;
  const std::string what = objectName + "." + key;
  if (!value.IsNumber()) args.throwTypeError(what, "a number");
  const double number = value.As<Napi::Number>().DoubleValue();
  if (!(number >= 0 && number <= max) || std::floor(number) != number) {
    args.throwTypeError(what, ("a whole number from 0 to " + std::to_string(static_cast<std::uint64_t>(max))).c_str());
  }
  return static_cast<std::uint32_t>(number);
}

// A boolean, or `fallback` when undefined.
bool booleanProperty(const Arguments& args, const Napi::Object& object, const std::string& objectName,
                     const char* key, bool fallback) {
  const Napi::Value value = object.Get(key);
  if (value.IsUndefined()) return fallback;
  if (!value.IsBoolean()) args.throwTypeError(objectName + "." + key, "a boolean");
  return value.As<Napi::Boolean>().Value();
}

}  // namespace

std::optional<UmpEndpointDetails> umpEndpointFromJs(const Arguments& args, const Napi::Object& object,
                                                    const std::string& objectName) {
  const Napi::Value ump = object.Get("umpEndpoint");
  if (ump.IsUndefined()) return std::nullopt;
  const std::string un = objectName + ".umpEndpoint";
  if (!ump.IsObject()) args.throwTypeError(un, "an object");
  const Napi::Object u = ump.As<Napi::Object>();
  UmpEndpointDetails details;
  details.umpVersionMajor = static_cast<std::uint8_t>(numberProperty(args, u, un, "umpVersionMajor", 255));
  details.umpVersionMinor = static_cast<std::uint8_t>(numberProperty(args, u, un, "umpVersionMinor", 255));
  details.functionBlockCount = static_cast<std::uint8_t>(numberProperty(args, u, un, "functionBlockCount", 32));
  details.staticFunctionBlocks = booleanProperty(args, u, un, "staticFunctionBlocks", false);
  details.supportsMidi1 = booleanProperty(args, u, un, "supportsMidi1", false);
  details.supportsMidi2 = booleanProperty(args, u, un, "supportsMidi2", false);
  details.receivesJr = booleanProperty(args, u, un, "receivesJr", false);
  details.transmitsJr = booleanProperty(args, u, un, "transmitsJr", false);
  details.productInstanceId = args.stringProperty(u, un.c_str(), "productInstanceId", true);
  details.manufacturerId = numberProperty(args, u, un, "manufacturerId", 0xFFFFFF);
  details.family = static_cast<std::uint16_t>(numberProperty(args, u, un, "family", 0xFFFF));
  details.model = static_cast<std::uint16_t>(numberProperty(args, u, un, "model", 0xFFFF));
  details.softwareRevision = numberProperty(args, u, un, "softwareRevision", 0xFFFFFFFF);
  return details;
}

std::vector<FunctionBlockDetails> functionBlocksFromJs(const Arguments& args, const Napi::Object& object,
                                                       const std::string& objectName) {
  std::vector<FunctionBlockDetails> blocks;
  const Napi::Value value = object.Get("functionBlocks");
  if (value.IsUndefined()) return blocks;
  if (!value.IsArray()) args.throwTypeError(objectName + ".functionBlocks", "an array");
  const Napi::Array array = value.As<Napi::Array>();
  for (std::uint32_t i = 0; i < array.Length(); ++i) {
    const std::string bn = objectName + ".functionBlocks[" + std::to_string(i) + "]";
    if (!array.Get(i).IsObject()) args.throwTypeError(bn, "an object");
    const Napi::Object b = array.Get(i).As<Napi::Object>();
    FunctionBlockDetails block;
    block.number = static_cast<std::uint8_t>(numberProperty(args, b, bn, "number", 31));
    block.name = args.stringProperty(b, bn.c_str(), "name", true);
    block.active = booleanProperty(args, b, bn, "active", true);
    block.direction = static_cast<std::uint8_t>(numberProperty(args, b, bn, "direction", 3));
    block.firstGroup = static_cast<std::uint8_t>(numberProperty(args, b, bn, "firstGroup", 15));
    block.groupCount = static_cast<std::uint8_t>(numberProperty(args, b, bn, "groupCount", 16));
    block.uiHint = static_cast<std::uint8_t>(numberProperty(args, b, bn, "uiHint", 3));
    block.midi1 = static_cast<std::uint8_t>(numberProperty(args, b, bn, "midi1", 2));
    block.midiCiVersion = static_cast<std::uint8_t>(numberProperty(args, b, bn, "midiCiVersion", 255));
    block.maxSysEx8Streams = static_cast<std::uint8_t>(numberProperty(args, b, bn, "maxSysEx8Streams", 255));
    blocks.push_back(block);
  }
  return blocks;
}

UmpDeclaration declarationFromJs(const Arguments& args, const Napi::Object& object,
                                 const std::string& objectName) {
  std::optional<UmpEndpointDetails> endpoint = umpEndpointFromJs(args, object, objectName);
  if (!endpoint) args.throwTypeError(objectName + ".umpEndpoint", "an object (the declared endpoint info)");
  if (!object.Get("functionBlocks").IsArray()) {
    args.throwTypeError(objectName + ".functionBlocks", "an array (the declared function blocks)");
  }
  UmpDeclaration declaration{*endpoint, functionBlocksFromJs(args, object, objectName)};
  const std::string invalid = whyInvalidDeclaration(declaration);
  if (!invalid.empty()) {
    throw Napi::TypeError::New(args.env(), std::string(args.functionName()) + ": " + objectName + "." + invalid);
  }
  return declaration;
}

}  // namespace midiscope::addon
