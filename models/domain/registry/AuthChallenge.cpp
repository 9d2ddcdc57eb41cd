#include "registry/AuthChallenge.h"

#include <algorithm>

namespace wharf {

namespace {

// RFC 7230 tchar
bool isTokenChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

class Tokenizer
{
public:
    explicit Tokenizer(QByteArrayView text) : m_text(text) {}

    void skipSpace()
    {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t'))
            ++m_pos;
    }
    void skipSpaceAndCommas()
    {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' || m_text[m_pos] == ','))
            ++m_pos;
    }
    [[nodiscard]] bool atEnd() const { return m_pos >= m_text.size(); }
    [[nodiscard]] char peek() const { return atEnd() ? '\0' : m_text[m_pos]; }
    void advance() { ++m_pos; }

    QByteArray token()
    {
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() && isTokenChar(m_text[m_pos]))
            ++m_pos;
        return m_text.sliced(start, m_pos - start).toByteArray();
    }
    QByteArray quotedString()
    {
        QByteArray out;
        ++m_pos; // opening quote
        while (m_pos < m_text.size() && m_text[m_pos] != '"') {
            if (m_text[m_pos] == '\\' && m_pos + 1 < m_text.size())
                ++m_pos;
            out.append(m_text[m_pos++]);
        }
        if (m_pos < m_text.size())
            ++m_pos; // closing quote
        return out;
    }

private:
    QByteArrayView m_text;
    qsizetype m_pos = 0;
};

void parseHeader(QByteArrayView header, QList<AuthChallenge> &out)
{
    Tokenizer t(header);
    AuthChallenge current;
    bool inChallenge = false; // parameters seen now belong to `current`
    bool known = false;       // `current` is a scheme Wharf speaks
    const auto flush = [&] {
        if (inChallenge && known)
            out.append(current);
        current = AuthChallenge();
        inChallenge = known = false;
    };
    while (true) {
        t.skipSpaceAndCommas();
        if (t.atEnd())
            break;
        const QByteArray word = t.token();
        if (word.isEmpty()) { // stray character: skip it rather than loop forever
            t.advance();
            continue;
        }
        t.skipSpace();
        if (t.peek() == '=') {
            t.advance();
            t.skipSpace();
            QByteArray value;
            if (t.peek() == '"') {
                value = t.quotedString();
            } else if (t.peek() == '=' || t.peek() == ',' || t.atEnd()) {
                // token68 ("abc==") of a scheme Wharf ignores: skip its padding.
                while (t.peek() == '=')
                    t.advance();
                continue;
            } else {
                value = t.token();
            }
            if (inChallenge)
                current.parameters.insert(QString::fromLatin1(word).toLower(), QString::fromUtf8(value));
            continue;
        }
        // A word not followed by '=' is the scheme of the next challenge.
        flush();
        const QByteArray scheme = word.toLower();
        inChallenge = true;
        known = scheme == "bearer" || scheme == "basic";
        current.scheme = scheme == "basic" ? AuthChallenge::Scheme::Basic : AuthChallenge::Scheme::Bearer;
    }
    flush();
}

} // namespace

QStringList AuthChallenge::scopes() const
{
    return parameters.value(QStringLiteral("scope")).split(u' ', Qt::SkipEmptyParts);
}

QList<AuthChallenge> AuthChallenge::parse(const QList<QByteArray> &headerValues)
{
    QList<AuthChallenge> challenges;
    for (const QByteArray &value : headerValues)
        parseHeader(value, challenges);
    std::stable_sort(challenges.begin(), challenges.end(), [](const AuthChallenge &a, const AuthChallenge &b) {
        return a.scheme == Scheme::Bearer && b.scheme != Scheme::Bearer;
    });
    return challenges;
}

} // namespace wharf
