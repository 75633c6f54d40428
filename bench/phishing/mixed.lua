-- usage: wrk ... -s mixed.lua http://127.0.0.1:PORT -- RIDS_FILE [CLICK_EVERY]
-- Recipients at scale: each request is for a random rid of RIDS_FILE; every CLICK_EVERY-th request (default 4) is a
-- click (GET /?rid=, the landing page), the others are opens (GET /track?rid=, the pixel).
local rids, every = {}, 4
local counter = 0
function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then rids[#rids + 1] = line end
  end
  every = tonumber(args[2] or "4")
  math.randomseed(os.time() + math.floor(os.clock() * 1e6) + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
end
function request()
  counter = counter + 1
  local rid = rids[math.random(#rids)]
  if counter % every == 0 then
    return wrk.format("GET", "/?rid=" .. rid)
  end
  return wrk.format("GET", "/track?rid=" .. rid)
end
