#include "reference/ReferenceGrammar.h"

using namespace Qt::StringLiterals;

namespace wharf {

namespace {

// The pieces of regexp.go, spelled the same way so the two can be compared side by side. Go's \w is
// ASCII-only, hence [A-Za-z0-9_] in the tag. Built inside a function so that nothing depends on the
// order in which globals of different files are initialised.
struct Pieces
{
    QString domainAndPort;
    QString remoteName;
    QString namePat;
    QString tag;
    QString digestPat;
    QString identifier;
};

const Pieces &pieces()
{
    static const Pieces p = [] {
        const QString alphanumeric = u"[a-z0-9]+"_s;
        const QString separator = u"(?:[._]|__|[-]+)"_s;
        const QString pathComponent = alphanumeric + u"(?:"_s + separator + alphanumeric + u")*"_s;
        const QString domainNameComponent = u"(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])"_s;
        const QString domainName = domainNameComponent + u"(?:\\."_s + domainNameComponent + u")*"_s;
        const QString ipv6Address = u"\\[(?:[a-fA-F0-9:]+)\\]"_s;
        const QString host = u"(?:"_s + domainName + u'|' + ipv6Address + u')';
        const QString optionalPort = u"(?::[0-9]+)?"_s;

        Pieces built;
        built.domainAndPort = host + optionalPort;
        built.remoteName = pathComponent + u"(?:/"_s + pathComponent + u")*"_s;
        built.namePat = u"(?:"_s + built.domainAndPort + u"/)?"_s + built.remoteName;
        built.tag = u"[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}"_s;
        built.digestPat = u"[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][[:xdigit:]]{32,}"_s;
        built.identifier = u"([a-f0-9]{64})"_s;
        return built;
    }();
    return p;
}

QRegularExpression anchored(const QString &pattern)
{
    QRegularExpression re(QRegularExpression::anchoredPattern(pattern));
    Q_ASSERT_X(re.isValid(), "ReferenceGrammar", qPrintable(re.errorString()));
    return re;
}

} // namespace

const QRegularExpression &ReferenceGrammar::anchoredDomain()
{
    static const QRegularExpression re = anchored(pieces().domainAndPort);
    return re;
}

const QRegularExpression &ReferenceGrammar::anchoredName()
{
    static const QRegularExpression re = anchored(u"(?:("_s + pieces().domainAndPort + u")/)?("_s + pieces().remoteName + u')');
    return re;
}

const QRegularExpression &ReferenceGrammar::reference()
{
    static const QRegularExpression re =
        anchored(u'(' + pieces().namePat + u")(?::("_s + pieces().tag + u"))?(?:@("_s + pieces().digestPat + u"))?"_s);
    return re;
}

const QRegularExpression &ReferenceGrammar::anchoredTag()
{
    static const QRegularExpression re = anchored(pieces().tag);
    return re;
}

const QRegularExpression &ReferenceGrammar::anchoredDigest()
{
    static const QRegularExpression re = anchored(pieces().digestPat);
    return re;
}

const QRegularExpression &ReferenceGrammar::anchoredIdentifier()
{
    static const QRegularExpression re = anchored(pieces().identifier);
    return re;
}

} // namespace wharf
