-- usage: wrk ... -s mixed.lua http://127.0.0.1:PORT -- RIDS_FILE [CLICK_EVERY]
-- Recipients at scale: each request is for a random rid of RIDS_FILE; every CLICK_EVERY-th request (default 4) is a
-- click (GET /?rid=, the landing page), the others are opens (GET /track?rid=, the pixel). Requests carry a desktop
-- browser's User-Agent, so the door takes them for people (wrk sends none, which the door flags as a bot: flagged
-- events are written but move no recipient's status).
local rids, every = {}, 4
local counter = 0
function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then rids[#rids + 1] = line end
  end
  every = tonumber(args[2] or "4")
  wrk.headers["User-Agent"] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
    .. " Chrome/120.0.0.0 Safari/537.36"
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
