// JSON for everything in a content directory except procedures and synonyms: manifest,
// fields, and the slots the screens fill (guides, contacts, posters, results).
#include <set>

#include "kiosk/core/content/content_json.hpp"
#include "kiosk/core/content/display_text.hpp"

namespace kiosk::content {

OrderedJson ManifestToJson(const Manifest& manifest) {
    OrderedJson out;
    out["schema_version"] = manifest.schema_version;
    out["content_id"] = manifest.content_id;
    out["version"] = manifest.version;
    out["created"] = manifest.created;
    out["demo"] = manifest.demo;
    out["commune"] = {{"name", manifest.commune.name},
                      {"province", manifest.commune.province},
                      {"hotline", manifest.commune.hotline},
                      {"address", manifest.commune.address},
                      {"opening_hours", manifest.commune.opening_hours},
                      {"portal_province_code", manifest.commune.portal_province_code},
                      {"portal_ward_code", manifest.commune.portal_ward_code}};
    out["source"] = manifest.source;
    out["vote_reasons"] = manifest.vote_reasons;
    return out;
}

Manifest ManifestFromJson(const JsonFieldReader& reader) {
    Manifest manifest;
    manifest.schema_version = static_cast<int>(reader.RequiredInteger("schema_version"));
    if (manifest.schema_version != kSchemaVersion)
        reader.Fail("schema_version", "is " + std::to_string(manifest.schema_version) + " but this kiosk reads version " +
                                          std::to_string(kSchemaVersion));
    manifest.content_id = reader.RequiredText("content_id", kMaxNameBytes);
    manifest.version = reader.RequiredInteger("version");
    if (manifest.version < 0) reader.Fail("version", "must not be negative");
    manifest.created = reader.RequiredText("created", kMaxNameBytes);
    if (!IsCalendarDate(manifest.created))
        reader.Fail("created", "must be a date YYYY-MM-DD that the calendar has, found \"" + manifest.created + "\"");
    manifest.demo = reader.OptionalBoolean("demo", false);
    auto commune = reader.RequiredObject("commune");
    manifest.commune.name = commune.RequiredText("name", kMaxNameBytes);
    manifest.commune.province = commune.RequiredText("province", kMaxNameBytes);
    manifest.commune.hotline = commune.OptionalText("hotline", kMaxNameBytes);
    manifest.commune.address = commune.OptionalText("address");
    manifest.commune.opening_hours = commune.OptionalText("opening_hours");
    manifest.commune.portal_province_code = commune.OptionalText("portal_province_code");
    manifest.commune.portal_ward_code = commune.OptionalText("portal_ward_code");
    manifest.source = reader.OptionalText("source");
    manifest.vote_reasons = reader.OptionalTextList("vote_reasons");
    return manifest;
}

OrderedJson FieldsToJson(const std::vector<Field>& fields) {
    OrderedJson list = OrderedJson::array();
    for (const auto& field : fields)
        list.push_back({{"id", field.id}, {"name", field.name}, {"display_order", field.display_order}});
    return {{"fields", list}};
}

std::vector<Field> FieldsFromJson(const JsonFieldReader& reader) {
    std::vector<Field> fields;
    for (const auto& item : reader.RequiredObjectList("fields"))
        fields.push_back({item.RequiredText("id", kMaxNameBytes), item.RequiredText("name", kMaxNameBytes),
                          static_cast<int>(item.OptionalInteger("display_order", 1000))});
    return fields;
}

std::vector<Guide> GuidesFromJson(const JsonFieldReader& reader) {
    std::vector<Guide> guides;
    std::set<std::string> ids;
    for (const auto& item : reader.RequiredObjectList("guides")) {
        Guide guide;
        guide.id = item.RequiredText("id", kMaxNameBytes);
        // A screen opens a guide by its id: a second one with the same id could never be shown.
        if (!ids.insert(guide.id).second) item.Fail("id", "repeats the id \"" + guide.id + "\" of an earlier guide");
        guide.title = item.RequiredText("title", kMaxNameBytes);
        guide.summary = item.OptionalText("summary");
        for (const auto& step_reader : item.RequiredObjectList("steps"))
            guide.steps.push_back({step_reader.RequiredText("title", kMaxNameBytes), step_reader.RequiredText("text"),
                                   step_reader.OptionalText("picture"), step_reader.OptionalText("url")});
        if (guide.steps.empty()) item.Fail("steps", "must list at least one step");
        guide.qr_url = item.OptionalText("qr_url");
        guides.push_back(std::move(guide));
    }
    return guides;
}

OrderedJson GuidesToJson(const std::vector<Guide>& guides) {
    OrderedJson list = OrderedJson::array();
    for (const auto& guide : guides) {
        OrderedJson steps = OrderedJson::array();
        for (const auto& step : guide.steps)
            steps.push_back({{"title", step.title}, {"text", step.text}, {"picture", step.picture}, {"url", step.url}});
        list.push_back({{"id", guide.id}, {"title", guide.title}, {"summary", guide.summary}, {"steps", steps},
                        {"qr_url", guide.qr_url}});
    }
    return {{"guides", list}};
}

Contacts ContactsFromJson(const JsonFieldReader& reader) {
    Contacts contacts;
    contacts.hotline = reader.OptionalText("hotline", kMaxNameBytes);
    contacts.address = reader.OptionalText("address");
    contacts.opening_hours = reader.OptionalText("opening_hours");
    contacts.email = reader.OptionalText("email");
    for (const auto& item : reader.OptionalObjectList("feedback_channels")) {
        FeedbackChannel channel{item.RequiredText("name", kMaxNameBytes), item.OptionalText("description"),
                                item.OptionalText("url", kMaxNameBytes), item.OptionalText("phone", kMaxNameBytes)};
        if (channel.url.empty() && channel.phone.empty()) item.Fail("url", "or \"phone\" must be given");
        contacts.feedback_channels.push_back(std::move(channel));
    }
    return contacts;
}

OrderedJson ContactsToJson(const Contacts& contacts) {
    OrderedJson channels = OrderedJson::array();
    for (const auto& channel : contacts.feedback_channels)
        channels.push_back({{"name", channel.name}, {"description", channel.description}, {"url", channel.url},
                            {"phone", channel.phone}});
    return {{"hotline", contacts.hotline}, {"address", contacts.address}, {"opening_hours", contacts.opening_hours},
            {"email", contacts.email}, {"feedback_channels", channels}};
}

std::vector<Poster> PostersFromJson(const JsonFieldReader& reader) {
    std::vector<Poster> posters;
    for (const auto& item : reader.RequiredObjectList("posters"))
        posters.push_back({item.RequiredText("text", kMaxNameBytes), item.OptionalText("picture", kMaxNameBytes)});
    return posters;
}

OrderedJson PostersToJson(const std::vector<Poster>& posters) {
    OrderedJson list = OrderedJson::array();
    for (const auto& poster : posters) list.push_back({{"text", poster.text}, {"picture", poster.picture}});
    return {{"posters", list}};
}

PublishedResults ResultsFromJson(const JsonFieldReader& reader) {
    PublishedResults results;
    for (const auto& item : reader.OptionalObjectList("indices")) {
        PublishedIndex index;
        index.name = item.RequiredText("name", kMaxNameBytes);
        index.year = static_cast<int>(item.RequiredInteger("year"));
        index.value = item.RequiredNumber("value");
        index.max = item.OptionalNumber("max");
        index.unit = item.OptionalText("unit");
        index.note = item.OptionalText("note");
        results.indices.push_back(std::move(index));
    }
    for (const auto& item : reader.OptionalObjectList("exemplary"))
        results.exemplary.push_back({item.RequiredText("name"), item.RequiredText("reason"),
                                     static_cast<int>(item.OptionalInteger("year", 0))});
    return results;
}

OrderedJson ResultsToJson(const PublishedResults& results) {
    OrderedJson indices = OrderedJson::array();
    for (const auto& index : results.indices) {
        OrderedJson item{{"name", index.name}, {"year", index.year}, {"value", index.value}};
        if (index.max) item["max"] = *index.max;
        item["unit"] = index.unit;
        item["note"] = index.note;
        indices.push_back(std::move(item));
    }
    OrderedJson exemplary = OrderedJson::array();
    for (const auto& entry : results.exemplary)
        exemplary.push_back({{"name", entry.name}, {"reason", entry.reason}, {"year", entry.year}});
    return {{"indices", indices}, {"exemplary", exemplary}};
}

}  // namespace kiosk::content
