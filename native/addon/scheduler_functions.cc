// The scheduler's precision setting (engine/scheduler_precision.h): process-wide, read by every
// scheduler thread at its next wake-up.
#include "addon/arguments.h"
#include "addon/functions.h"
#include "engine/scheduler.h"

namespace midiscope::addon {

namespace {

Napi::Value schedulerPrecision(const Napi::CallbackInfo& info) {
  return Napi::String::New(info.Env(), schedulerPrecisionName(Scheduler::precision()));
}

Napi::Value setSchedulerPrecision(const Napi::CallbackInfo& info) {
  const Arguments arguments(info, "setSchedulerPrecision");
  const std::string name = arguments.string(0, "precision");
  SchedulerPrecision precision = SchedulerPrecision::kBalanced;
  if (!parseSchedulerPrecision(name.c_str(), precision)) {
    arguments.throwTypeError("precision \"" + name + "\"", "'balanced', 'precise' or 'lowPower'");
  }
  Scheduler::setPrecision(precision);
  return info.Env().Undefined();
}

}  // namespace

void exportScheduler(Napi::Env env, Napi::Object exports) {
  exports.Set("schedulerPrecision",
              Napi::Function::New(env, schedulerPrecision, "schedulerPrecision"));
  exports.Set("setSchedulerPrecision",
              Napi::Function::New(env, setSchedulerPrecision, "setSchedulerPrecision"));
}

}  // namespace midiscope::addon
