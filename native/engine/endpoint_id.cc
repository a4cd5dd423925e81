#include "engine/endpoint_id.h"

namespace midiscope {

const char* const kDiagnosticsLoopbackAId = "midiscope://diagnostics/loopback-a";
const char* const kDiagnosticsLoopbackBId = "midiscope://diagnostics/loopback-b";
const char* const kDiagnosticsLoopbackAUniqueId = "midiscope-diagnostics-loopback-a";
const char* const kDiagnosticsLoopbackBUniqueId = "midiscope-diagnostics-loopback-b";

namespace {

bool isUnreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

}  // namespace

std::string transportEndpointId(const std::string& transportId, const std::string& localId) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string id = "midiscope://" + transportId + "/";
  for (const char ch : localId) {
    const auto byte = static_cast<unsigned char>(ch);
    if (isUnreserved(byte)) {
      id += ch;
    } else {
      id += '%';
      id += kHex[byte >> 4];
      id += kHex[byte & 0xF];
    }
  }
  return id;
}

}  // namespace midiscope
