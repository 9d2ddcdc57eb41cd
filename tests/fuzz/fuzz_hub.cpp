// Fuzzes models/hub/HubTypes: the bytes as a JSON object handed to each Docker Hub web-API parser
// (a search page, repository details, one tag, a page of tags), as HubClient does with a response
// body. Bytes that are not a JSON object give an empty object, which every parser must refuse or
// read as empty, and QJsonDocument is fuzzed on the way.

#include "hub/HubTypes.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>

using namespace wharf;

namespace {

void touch(const HubTag &tag)
{
    (void)tag.lastUpdated.isValid();
    for (const HubTagImage &image : tag.images) {
        (void)image.platform.toString();
        (void)image.lastPushed.isValid();
    }
}

template <typename T>
void touchPage(const HubPage<T> &page)
{
    (void)page.next.isValid();
    (void)page.previous.toString();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const QJsonObject json = QJsonDocument::fromJson(bytes).object();

    if (const auto page = hub::parseSearchPage(json)) {
        touchPage(*page);
        for (const HubSearchResult &result : page->results)
            (void)result.name.size();
    }
    if (const auto repository = hub::parseRepository(json))
        (void)repository->lastUpdated.isValid();
    if (const auto tag = hub::parseTag(json))
        touch(*tag);
    if (const auto page = hub::parseTagsPage(json)) {
        touchPage(*page);
        for (const HubTag &tag : page->results)
            touch(tag);
    }
    return 0;
}
