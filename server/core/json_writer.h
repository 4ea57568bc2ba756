#pragma once

#include <QByteArray>
#include <QString>

namespace keyward {

// JSON written straight into bytes, in the order given: for the responses served most (a user, a
// page of users, an export), where building a QJsonObject and serialising it cost more than the
// database read. Compact RFC 8259 output, UTF-8, the same as QJsonDocument::toJson(Compact) but for
// key order. The caller nests begin/end correctly; a key comes before every value in an object.
class JsonWriter {
public:
    explicit JsonWriter(qsizetype reserve = 512) { m_out.reserve(reserve); }

    JsonWriter &beginObject() { return open('{'); }
    JsonWriter &endObject() { return close('}'); }
    JsonWriter &beginArray() { return open('['); }
    JsonWriter &endArray() { return close(']'); }

    // The key of the next value; `name` is plain ASCII that needs no escaping.
    JsonWriter &key(const char *name);
    JsonWriter &key(const QString &name);
    JsonWriter &value(const QString &text);
    JsonWriter &value(qint64 number);
    JsonWriter &value(int number) { return value(qint64(number)); }
    JsonWriter &value(bool flag);
    // The shortest text that reads back as the same double; null for NaN and infinities.
    JsonWriter &value(double number);
    // A time as formatTime writes it (RFC 3339, UTC, milliseconds).
    JsonWriter &time(qint64 epochMs);
    // Would otherwise be taken for a bool.
    JsonWriter &value(const char *) = delete;
    JsonWriter &null();
    // A string, or null for a null QString.
    JsonWriter &valueOrNull(const QString &text) { return text.isNull() ? null() : value(text); }
    // A whole value already written as JSON.
    JsonWriter &raw(const QByteArray &json);

    const QByteArray &bytes() const { return m_out; }
    QByteArray take() { return std::move(m_out); }

private:
    JsonWriter &open(char bracket);
    JsonWriter &close(char bracket);
    // A comma before every element but the first of its object or array (a value after a key has none).
    void separate();
    void string(const QString &text);
    void escapedUtf8(QByteArrayView utf8);
    // Room for `more` bytes, growing geometrically (QByteArray::resize grows to the exact size).
    char *extend(qsizetype more);

    QByteArray m_out;
    bool m_first = true;
    bool m_afterKey = false;
};

} // namespace keyward
