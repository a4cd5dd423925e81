// Checks a UmpDeclaration (endpoint_info.h) before the engine takes it: what UMP 1.1 allows and
// what a publishing transport needs to show it as declared (block i is number i, its groups lie
// within 1-16, the count in the endpoint info is the number of blocks).
#pragma once

#include <string>

#include "engine/endpoint_info.h"

namespace midiscope {

// Empty when the declaration can be used; otherwise what is wrong, starting with the field's
// path ("functionBlocks[1].groupCount ..."), so a caller can put its own name in front.
std::string whyInvalidDeclaration(const UmpDeclaration& declaration);

// Copies the declaration into `info` (umpEndpoint and functionBlocks), or clears both when
// there is none (a plain loopback side).
void applyDeclaration(EndpointInfo& info, const std::optional<UmpDeclaration>& declaration);

}  // namespace midiscope
