#include "engine/ump_declaration.h"

namespace midiscope {

namespace {

constexpr std::size_t kMaxBlocks = 32;            // UMP 1.1: function blocks 0-31
constexpr std::size_t kMaxBlockNameBytes = 91;    // 7 Function Block Name packets
constexpr std::size_t kMaxProductInstanceIdBytes = 42;

std::string block(std::size_t index) { return "functionBlocks[" + std::to_string(index) + "]"; }

}  // namespace

std::string whyInvalidDeclaration(const UmpDeclaration& declaration) {
  const UmpEndpointDetails& endpoint = declaration.endpoint;
  const std::size_t count = declaration.functionBlocks.size();
  if (count > kMaxBlocks) {
    return "functionBlocks has " + std::to_string(count) + " blocks: at most 32";
  }
  if (endpoint.functionBlockCount != count) {
    return "umpEndpoint.functionBlockCount is " + std::to_string(endpoint.functionBlockCount) +
           " but functionBlocks has " + std::to_string(count) + " blocks";
  }
  if (!endpoint.supportsMidi1 && !endpoint.supportsMidi2) {
    return "umpEndpoint supports neither MIDI 1.0 nor MIDI 2.0 (supportsMidi1, supportsMidi2)";
  }
  if (endpoint.productInstanceId.size() > kMaxProductInstanceIdBytes) {
    return "umpEndpoint.productInstanceId has " + std::to_string(endpoint.productInstanceId.size()) +
           " bytes: at most 42";
  }
  for (std::size_t i = 0; i < count; ++i) {
    const FunctionBlockDetails& fb = declaration.functionBlocks[i];
    if (fb.number != i) {
      return block(i) + ".number is " + std::to_string(fb.number) + ": block " + std::to_string(i) +
             " must have number " + std::to_string(i);
    }
    if (fb.name.size() > kMaxBlockNameBytes) {
      return block(i) + ".name has " + std::to_string(fb.name.size()) + " bytes: at most 91";
    }
    if (fb.direction < 1 || fb.direction > 3) {
      return block(i) + ".direction is " + std::to_string(fb.direction) +
             ": 1 (input), 2 (output) or 3 (both)";
    }
    if (fb.firstGroup > 15) {
      return block(i) + ".firstGroup is " + std::to_string(fb.firstGroup) + ": 0 to 15";
    }
    if (fb.groupCount < 1 || fb.firstGroup + fb.groupCount > 16) {
      return block(i) + ".groupCount is " + std::to_string(fb.groupCount) + " from firstGroup " +
             std::to_string(fb.firstGroup) + ": at least 1, and the block must end by group 16";
    }
    if (fb.uiHint > 3) return block(i) + ".uiHint is " + std::to_string(fb.uiHint) + ": 0 to 3";
    if (fb.midi1 > 2) return block(i) + ".midi1 is " + std::to_string(fb.midi1) + ": 0 to 2";
  }
  return "";
}

void applyDeclaration(EndpointInfo& info, const std::optional<UmpDeclaration>& declaration) {
  if (declaration) {
    info.umpEndpoint = declaration->endpoint;
    info.functionBlocks = declaration->functionBlocks;
  } else {
    info.umpEndpoint.reset();
    info.functionBlocks.clear();
  }
}

}  // namespace midiscope
