// Conversion between file: URIs (RFC 8089, as LSP clients send them) and POSIX paths.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dossier::protocol {

// Only file: URIs with an empty or "localhost" authority are accepted. Percent escapes are
// decoded (file:///a%20b -> "/a b"); a query or fragment is dropped. Returns nullopt for other
// schemes (untitled:, http:), remote hosts, malformed escapes (%ZZ, truncated %2) and escapes
// that decode to NUL, because no such path can be opened.
std::optional<std::string> uriToPath(std::string_view uri);

// "file://" + the path with every byte percent-encoded except RFC 3986 unreserved characters and
// '/'. This matches what VS Code produces (':' becomes %3A), so URIs we send compare equal to the
// ones the client uses as document keys. A relative path gets a leading '/'.
std::string pathToUri(std::string_view absolutePath);

// Percent-encoding helpers, exposed for tests and for building other URIs.
std::string percentEncode(std::string_view text, bool keepSlash = true);
std::optional<std::string> percentDecode(std::string_view text);

} // namespace dossier::protocol
