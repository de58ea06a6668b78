// DescribeRegions: a local server is one region, its own.
#include "server/actions.h"

namespace fnf::server {
namespace {

Status DescribeRegions(ActionContext& ctx, JsonBody& out) {
  out.Key("Regions");
  out.StartObject();
  out.Key("Region");
  out.StartArray();
  out.StartObject();
  out.Field("RegionId", ctx.options.region);
  out.EndObject();
  out.EndArray();
  out.EndObject();
  return Status();
}

}  // namespace

void AddRegionActions(ActionTable& table) {
  table.Add("DescribeRegions", DescribeRegions);
}

}  // namespace fnf::server
