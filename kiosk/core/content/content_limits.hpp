#pragma once
// How much content may hold, checked at load, each with a sentence when passed. Content
// comes from people and portals: without limits one 3 MB commune name made every frame take
// half a second (the top bar lays it out each frame). The limits sit far above real content
// (docs/content-format.md "Limits" gives the largest values of the national portal's data).
#include <cstddef>

namespace kiosk::content {

// A name, title, id or code: one line on the screen (a commune's name, a field, a guide's
// title). The longest real one is a procedure name of about 1,250 bytes.
inline constexpr std::size_t kMaxNameBytes = 2 * 1024;
// Any other text: a paragraph. The whole portal data set's longest text (a procedure's
// requirements) is about 70,600 bytes; the demo's longest about 6,500.
inline constexpr std::size_t kMaxTextBytes = 256 * 1024;
// Items in one list (steps, documents, channels, fields, guides...); a procedure has at most ~70.
inline constexpr std::size_t kMaxListItems = 2000;
// Procedures in one content directory (the portal lists about 2,600 at commune level).
inline constexpr std::size_t kMaxProcedures = 50000;

}  // namespace kiosk::content
