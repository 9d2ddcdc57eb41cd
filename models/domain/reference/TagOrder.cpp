#include "reference/TagOrder.h"

#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace wharf::TagOrder {

namespace {

// Markers of the key. All sort below '0'…'9', 'A'… and each other in the order the rule needs:
// pre-release (#) before release (%), numeric id (() before alnum ()).
constexpr char16_t kPreRelease = u'#';
constexpr char16_t kRelease = u'%';
constexpr char16_t kNumericId = u'(';
constexpr char16_t kAlphaId = u')';
constexpr char16_t kVersionClass = u'0';
constexpr char16_t kNameClass = u'1';

// A number as (length, digits) so that code point order is numeric order at any length.
void appendNumber(QString &key, QStringView digits)
{
    qsizetype first = 0;
    while (first < digits.size() - 1 && digits[first] == u'0')
        ++first;
    const QStringView significant = digits.mid(first);
    key += QChar(char16_t(u'A' + std::min<qsizetype>(significant.size(), 0xD000)));
    key += significant;
}

bool isDigits(QStringView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

bool isZero(QStringView digits)
{
    return std::all_of(digits.begin(), digits.end(), [](QChar c) { return c == u'0'; });
}

const QRegularExpression &versionPattern()
{
    static const QRegularExpression version(
        uR"(^[vV]?([0-9]+(?:\.[0-9]+)*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z.-]+)?$)"_s);
    return version;
}

bool isLatest(QStringView tag)
{
    return tag == u"latest";
}

} // namespace

QString versionKey(QStringView tag)
{
    const QRegularExpressionMatch match = versionPattern().match(tag);
    if (!match.hasMatch())
        return kNameClass + tag.toString();

    QString key;
    key.reserve(tag.size() * 2 + 2);
    key += kVersionClass;
    QList<QStringView> components = match.capturedView(1).split(u'.');
    while (components.size() > 1 && isZero(components.last())) // 2.0.0 is 2.0 is 2
        components.removeLast();
    for (QStringView component : std::as_const(components))
        appendNumber(key, component);
    const QStringView pre = match.capturedView(2);
    if (pre.isEmpty()) {
        key += kRelease;
        return key;
    }
    key += kPreRelease;
    for (QStringView id : pre.split(u'.')) {
        if (isDigits(id)) {
            key += kNumericId;
            appendNumber(key, id);
        } else {
            key += kAlphaId;
            key += id;
        }
    }
    return key;
}

namespace {

int compareVersionsFirst(QStringView a, const QString &aKey, QStringView b, const QString &bKey, bool newestFirst)
{
    if (isLatest(a) != isLatest(b))
        return isLatest(a) ? -1 : 1;
    const bool aVersion = aKey.startsWith(kVersionClass);
    const bool bVersion = bKey.startsWith(kVersionClass);
    if (aVersion != bVersion)
        return aVersion ? -1 : 1;
    if (aVersion) {
        if (const int order = newestFirst ? bKey.compare(aKey) : aKey.compare(bKey); order != 0)
            return order;
    }
    return a.compare(b);
}

} // namespace

int compareNewestFirst(QStringView a, const QString &aKey, QStringView b, const QString &bKey)
{
    return compareVersionsFirst(a, aKey, b, bKey, true);
}

int compareOldestFirst(QStringView a, const QString &aKey, QStringView b, const QString &bKey)
{
    return compareVersionsFirst(a, aKey, b, bKey, false);
}

void sortNewestFirst(QStringList &tags)
{
    QList<std::pair<QString, QString>> keyed; // key, name
    keyed.reserve(tags.size());
    for (const QString &tag : std::as_const(tags))
        keyed.append({versionKey(tag), tag});
    std::sort(keyed.begin(), keyed.end(), [](const auto &x, const auto &y) {
        return compareNewestFirst(x.second, x.first, y.second, y.first) < 0;
    });
    tags.clear();
    for (auto &entry : keyed)
        tags.append(std::move(entry.second));
}

} // namespace wharf::TagOrder
