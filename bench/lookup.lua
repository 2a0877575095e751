-- wrk script for bench/lookup.sh: GET /api/v1/lookup/{shard} on random shards of the 100,000 imported.
local token = os.getenv("SHARDHOME_TOKEN")
local shards = tonumber(os.getenv("SHARDS") or "100000")
wrk.headers["Authorization"] = "Bearer " .. token

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(seed)
end

request = function()
  return wrk.format("GET", string.format("/api/v1/lookup/shard_%06d", math.random(0, shards - 1)))
end

done = function(summary, latency, requests)
  io.write(string.format("non-2xx or socket errors: %d\n",
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
