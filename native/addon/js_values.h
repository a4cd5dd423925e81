// Engine values as the JS objects src/engine/nativeBinding.ts declares.
#pragma once

#include <napi.h>

#include "engine/engine.h"

namespace midiscope::addon {

Napi::Object endpointToJs(Napi::Env env, const EndpointInfo& endpoint);
Napi::Object endpointChangeToJs(Napi::Env env, const EndpointChange& change);
Napi::Object pairCreationToJs(Napi::Env env, const PairCreationResult& result);
Napi::Object multipleSendToJs(Napi::Env env, const MultipleSendResult& result);
Napi::Object drainToJs(Napi::Env env, const ReceiveRing::DrainOutcome& outcome);
Napi::Object statsToJs(Napi::Env env, const ConnectionStats& stats);
Napi::Object transportToJs(Napi::Env env, const TransportSummary& transport);

}  // namespace midiscope::addon
