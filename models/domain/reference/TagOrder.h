#pragma once
// The order in which people read a repository's tags, shared by the Tags pane and `wharf tags`:
// `latest` first, then the versions newest first, then every other name (stable, bookworm,
// nightly-2024-05-01) by name. Version rule, as versionKey() encodes it:
//   * A tag is a version when it reads [v|V]N(.N)*[-PRE][+BUILD], N decimal digits (any count of
//     components, leading zeros ignored), PRE dot-separated [0-9A-Za-z-] identifiers.
//   * Versions compare component by component numerically (1.9 < 1.10 < 1.10.1); trailing zero
//     components do not count, so 2.0 and 2.0.0 are the same version (their names break the tie).
//   * As in semver, a pre-release comes before its release (2.0.0-rc.10 < 2.0), pre-release
//     identifiers compare numerically when numeric, in ASCII otherwise, numeric before alphanumeric,
//     a longer list after its prefix (alpha < alpha.1 < alpha.beta < beta). Docker's flavour
//     suffixes follow the same rule ("1.25-alpine" is read as a pre-release of 1.25).
//   * Build metadata (+…) and a leading v are ignored, so "v1.2" and "1.2+b" tie with "1.2".

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace wharf::TagOrder {

// A string whose plain (code point) order is the version order above, versions before any other
// name (which follow by name). Computed once per tag; sorting compares keys only.
[[nodiscard]] QString versionKey(QStringView tag);

// Negative when `a` comes before `b` in newest-first order (see the header), 0 only for equal names.
[[nodiscard]] int compareNewestFirst(QStringView a, const QString &aKey, QStringView b, const QString &bKey);
// The same with the versions oldest first: `latest` stays first and other names stay after the
// versions, by name (a person reversing the order wants the oldest versions, not `stable` on top).
[[nodiscard]] int compareOldestFirst(QStringView a, const QString &aKey, QStringView b, const QString &bKey);
void sortNewestFirst(QStringList &tags);

} // namespace wharf::TagOrder
