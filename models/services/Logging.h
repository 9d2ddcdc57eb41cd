#pragma once
// What Wharf says about its own work, as skopeo --debug or crane -v do: each HTTP exchange
// (method, URL with any query redacted, status, bytes, time) under wharf.http, each document cache
// hit or miss under wharf.cache. Quiet unless asked: `wharf --verbose COMMAND`, or WHARF_VERBOSE=1
// for the window; QT_LOGGING_RULES picks single categories ("wharf.http.debug=true").

namespace wharf::logging {

// WHARF_VERBOSE is set to something other than "0" or "".
[[nodiscard]] bool verboseRequested();
// Every wharf.* category's debug lines, on stderr as "wharf: <category>: <message>".
void enableVerbose();

} // namespace wharf::logging
