// UMP endpoint info and function blocks as JS describes them: the `umpEndpoint` and
// `functionBlocks` properties of an object (src/engine/types.ts' MidiUmpEndpointDetails and
// MidiFunctionBlockDetails). One reader for a JS transport's endpoints and for what a virtual
// device declares; a wrong type or a number out of range is a TypeError naming the field.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <napi.h>

#include "addon/arguments.h"
#include "engine/endpoint_info.h"

namespace midiscope::addon {

// `object.umpEndpoint`, or nothing when it is undefined. `objectName` starts each field's name
// in errors ("endpoint" -> "endpoint.umpEndpoint.family").
std::optional<UmpEndpointDetails> umpEndpointFromJs(const Arguments& args, const Napi::Object& object,
                                                    const std::string& objectName);
// `object.functionBlocks`: an array of blocks, or none when it is undefined.
std::vector<FunctionBlockDetails> functionBlocksFromJs(const Arguments& args, const Napi::Object& object,
                                                       const std::string& objectName);

// What an endpoint the engine owns declares (Engine::declareEndpoint): both properties, read as
// above, with umpEndpoint required and the whole checked by whyInvalidDeclaration (a TypeError
// naming the field, as "endpointB.functionBlocks[1].groupCount is 16 from firstGroup 4: ...").
UmpDeclaration declarationFromJs(const Arguments& args, const Napi::Object& object,
                                 const std::string& objectName);

}  // namespace midiscope::addon
