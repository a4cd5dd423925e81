#include <string>

#include "engine/endpoint_id.h"
#include "test_support.h"

using namespace midiscope;
using namespace testing;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST(diagnosticsLoopbacksAreAlwaysThereAsAPair) {
  Engine engine(std::make_shared<RecordingListener>());
  const auto endpoints = engine.listEndpoints();
  CHECK_EQ(endpoints.size(), 2u);
  CHECK_EQ(endpoints[0].endpointDeviceId, std::string(kDiagnosticsLoopbackAId));
  CHECK_EQ(endpoints[1].endpointDeviceId, std::string(kDiagnosticsLoopbackBId));
  CHECK_EQ(endpoints[0].transportId, std::string("diagnostics"));
  CHECK(endpoints[0].side == PairSide::A && endpoints[1].side == PairSide::B);
  CHECK_EQ(endpoints[0].peerEndpointDeviceId, endpoints[1].endpointDeviceId);
  CHECK_EQ(endpoints[1].peerEndpointDeviceId, endpoints[0].endpointDeviceId);
  CHECK_EQ(endpoints[0].associationId, std::string());
  CHECK(!engine.removeLoopbackPair(""));
  CHECK_EQ(engine.listEndpoints().size(), 2u);
}

TEST(loopbackPairGetsIdsDerivedFromItsUniqueIds) {
  LoopbackFixture fixture;
  CHECK(fixture.pair.success);
  CHECK_EQ(fixture.pair.endpointDeviceIdA, std::string("midiscope://loopback/8675309-OU812-5150"));
  CHECK_EQ(fixture.pair.endpointDeviceIdB, std::string("midiscope://loopback/3263827-OU812-5150"));
  CHECK_EQ(loopbackEndpointId("a b/ü"), std::string("midiscope://loopback/a%20b%2F%C3%BC"));
  const auto endpoints = fixture.engine.listEndpoints();
  CHECK_EQ(endpoints.size(), 4u);
  CHECK_EQ(endpoints[2].name, std::string("Sample App Loopback A"));
  CHECK_EQ(endpoints[2].associationId, std::string("sample-association"));
  CHECK_EQ(endpoints[2].transportId, std::string("loopback"));
  CHECK_EQ(endpoints[3].peerEndpointDeviceId, fixture.pair.endpointDeviceIdA);
}

TEST(badPairDefinitionsFailClearlyAndCreateNothing) {
  LoopbackFixture fixture;
  struct Case {
    std::string associationId;
    LoopbackSideDefinition a;
    LoopbackSideDefinition b;
    const char* reason;
  };
  const Case cases[] = {
      {"", {"A", "", "ua"}, {"B", "", "ub"}, "associationId is empty"},
      {"x", {" ", "", "ua"}, {"B", "", "ub"}, "endpointA.name is empty"},
      {"x", {"A", "", "ua"}, {"B", "", ""}, "endpointB.uniqueId is empty"},
      {"x", {"A", "", "same"}, {"B", "", "same"}, "the same uniqueId \"same\""},
      {"sample-association", {"A", "", "ua"}, {"B", "", "ub"},
       "associationId \"sample-association\" is already used"},
      {"x", {"A", "", "ua"}, {"B", "", "3263827-OU812-5150"},
       "endpointB.uniqueId \"3263827-OU812-5150\" is already used by endpoint \"Sample App "
       "Loopback B\""},
      {"x", {"A", "", kDiagnosticsLoopbackAUniqueId}, {"B", "", "ub"},
       "is already used by endpoint \"Diagnostics Loopback A\""},
  };
  for (const Case& c : cases) {
    const auto result = fixture.engine.createLoopbackPair(c.associationId, c.a, c.b);
    CHECK(!result.success);
    CHECK_MESSAGE(contains(result.errorInformation, c.reason), result.errorInformation);
    CHECK_EQ(result.endpointDeviceIdA, std::string());
  }
  CHECK_EQ(fixture.engine.listEndpoints().size(), 4u);
}

TEST(watcherHearsPairsAddedAndRemoved) {
  LoopbackFixture fixture;
  CHECK(fixture.engine.removeLoopbackPair("sample-association"));
  CHECK(!fixture.engine.removeLoopbackPair("sample-association"));
  // The diagnostics pair is the engine's initial state, not a change.
  const auto changes = fixture.listener->changes();
  CHECK_EQ(changes.size(), 4u);
  CHECK(changes[0].kind == EndpointChangeKind::Added);
  CHECK_EQ(changes[1].endpoint.endpointDeviceId, fixture.pair.endpointDeviceIdB);
  CHECK(changes[2].kind == EndpointChangeKind::Removed);
  CHECK_EQ(changes[2].endpoint.endpointDeviceId, fixture.pair.endpointDeviceIdA);
  CHECK_EQ(fixture.engine.listEndpoints().size(), 2u);
  // The ids are free again.
  CHECK(fixture.engine
            .createLoopbackPair("sample-association", {"A", "", "8675309-OU812-5150"},
                                {"B", "", "3263827-OU812-5150"})
            .success);
}

TEST(openingAnUnknownEndpointOrABadCapacityFails) {
  LoopbackFixture fixture;
  OpenResult opened = fixture.engine.openConnection("midiscope://loopback/nobody", 1024);
  CHECK(opened.error == OpenResult::Error::UnknownEndpoint);
  CHECK(contains(opened.message, "midiscope://loopback/nobody"));
  for (double capacity : {0.0, 3.0, 100.5, 1e12, -8.0}) {
    opened = fixture.engine.openConnection(fixture.pair.endpointDeviceIdA, capacity);
    CHECK(opened.error == OpenResult::Error::BadCapacity);
  }
}
