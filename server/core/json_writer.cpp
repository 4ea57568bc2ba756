#include "json_writer.h"

#include "clock.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace keyward {

JsonWriter &JsonWriter::open(char bracket)
{
    separate();
    m_out.append(bracket);
    m_first = true;
    return *this;
}

JsonWriter &JsonWriter::close(char bracket)
{
    m_out.append(bracket);
    m_first = false;
    return *this;
}

void JsonWriter::separate()
{
    if (m_afterKey)
        m_afterKey = false;
    else if (!m_first)
        m_out.append(',');
    m_first = false;
}

JsonWriter &JsonWriter::key(const char *name)
{
    separate();
    const auto length = static_cast<qsizetype>(std::strlen(name));
    char *out = extend(length + 3);
    out[0] = '"';
    std::memcpy(out + 1, name, static_cast<size_t>(length));
    out[length + 1] = '"';
    out[length + 2] = ':';
    m_afterKey = true;
    return *this;
}

JsonWriter &JsonWriter::key(const QString &name)
{
    separate();
    string(name);
    m_out.append(':');
    m_afterKey = true;
    return *this;
}

JsonWriter &JsonWriter::value(const QString &text)
{
    separate();
    string(text);
    return *this;
}

char *JsonWriter::extend(qsizetype more)
{
    const qsizetype size = m_out.size();
    if (m_out.capacity() < size + more)
        m_out.reserve(qMax(size + more, 2 * m_out.capacity()));
    m_out.resize(size + more);
    return m_out.data() + size;
}

void JsonWriter::string(const QString &text)
{
    // Ids, usernames, addresses, times: mostly ASCII that needs no escaping, copied as it is.
    const QChar *chars = text.constData();
    const qsizetype n = text.size();
    qsizetype plain = 0;
    for (char16_t c; plain < n && (c = chars[plain].unicode()) < 0x80 && c >= 0x20 && c != u'"' && c != u'\\';)
        ++plain;
    char *out = extend(plain + 1);
    *out++ = '"';
    for (qsizetype i = 0; i < plain; ++i)
        out[i] = static_cast<char>(chars[i].unicode());
    if (plain < n)
        escapedUtf8(QStringView(text).mid(plain).toUtf8());
    m_out.append('"');
}

void JsonWriter::escapedUtf8(QByteArrayView utf8)
{
    static constexpr char hex[] = "0123456789abcdef";
    qsizetype plainFrom = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        m_out.append(utf8.data() + plainFrom, i - plainFrom);
        plainFrom = i + 1;
        switch (c) {
        case '"':
            m_out.append("\\\"");
            break;
        case '\\':
            m_out.append("\\\\");
            break;
        case '\b':
            m_out.append("\\b");
            break;
        case '\f':
            m_out.append("\\f");
            break;
        case '\n':
            m_out.append("\\n");
            break;
        case '\r':
            m_out.append("\\r");
            break;
        case '\t':
            m_out.append("\\t");
            break;
        default:
            m_out.append("\\u00").append(hex[c >> 4]).append(hex[c & 0x0F]);
        }
    }
    m_out.append(utf8.data() + plainFrom, utf8.size() - plainFrom);
}

JsonWriter &JsonWriter::time(qint64 epochMs)
{
    separate();
    char text[FormattedTimeLength];
    if (!formatTimeTo(epochMs, text)) {
        string(formatTime(epochMs));
        return *this;
    }
    char *out = extend(FormattedTimeLength + 2);
    out[0] = '"';
    std::copy_n(text, FormattedTimeLength, out + 1);
    out[FormattedTimeLength + 1] = '"';
    return *this;
}

JsonWriter &JsonWriter::value(qint64 number)
{
    separate();
    m_out.append(QByteArray::number(number));
    return *this;
}

JsonWriter &JsonWriter::value(double number)
{
    if (!std::isfinite(number))
        return null();
    separate();
    m_out.append(QByteArray::number(number, 'g', QLocale::FloatingPointShortest));
    return *this;
}

JsonWriter &JsonWriter::value(bool flag)
{
    separate();
    m_out.append(flag ? "true" : "false");
    return *this;
}

JsonWriter &JsonWriter::null()
{
    separate();
    m_out.append("null");
    return *this;
}

JsonWriter &JsonWriter::raw(const QByteArray &json)
{
    separate();
    m_out.append(json);
    return *this;
}

} // namespace keyward
