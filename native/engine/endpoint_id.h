// Endpoint device ids. Built-in diagnostics endpoints have fixed ids; a user loopback
// endpoint's id is derived from its uniqueId alone (uniqueIds are unique across the registry,
// so ids are too), percent-encoded so that any uniqueId yields a well-formed URI.
#pragma once

#include <string>

namespace midiscope {

extern const char* const kDiagnosticsLoopbackAId;
extern const char* const kDiagnosticsLoopbackBId;
extern const char* const kDiagnosticsLoopbackAUniqueId;
extern const char* const kDiagnosticsLoopbackBUniqueId;

// "midiscope://<transportId>/" + localId with every byte outside [A-Za-z0-9-._~] as %XX.
std::string transportEndpointId(const std::string& transportId, const std::string& localId);

// "midiscope://loopback/" + uniqueId, percent-encoded as above.
inline std::string loopbackEndpointId(const std::string& uniqueId) {
  return transportEndpointId("loopback", uniqueId);
}

}  // namespace midiscope
