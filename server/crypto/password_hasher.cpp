#include "password_hasher.h"

#include "core/logging.h"
#include "digest.h"

#include <QHash>
#include <QStringList>

#include <argon2.h>
#include <crypt.h>
#include <openssl/evp.h>

#include <cstring>
#include <memory>
#include <optional>

namespace keyward::crypto {

namespace {

// NIST SP 800-63B asks verifiers to normalise Unicode, so "é" typed two ways is one password.
QByteArray normalised(const QString &password)
{
    return password.normalized(QString::NormalizationForm_KC).toUtf8();
}

constexpr quint32 SaltBytes = 16;
constexpr quint32 HashBytes = 32;

// The most work a stored hash may ask of one verification (issue: an imported "$2b$31$" pinned a
// hashing thread for hours and held up shutdown). Each stays well under the 10 s shutdown drain.
constexpr int MaxBcryptCost = 14;
constexpr quint64 MaxPbkdf2Iterations = 2'000'000;
constexpr qsizetype MaxDerivedBytes = 64;
constexpr quint64 MaxScryptBytes = 128ULL << 20;
constexpr quint64 MaxScryptParallelism = 4;
constexpr quint64 MaxArgon2MemoryKiB = 256ULL << 10;
constexpr quint64 MaxArgon2Iterations = 10;
constexpr quint64 MaxArgon2Parallelism = 8;

QByteArray decodeBase64(QByteArray text)
{
    text.replace('.', '+'); // passlib's "adapted" base64
    auto r = QByteArray::fromBase64Encoding(text, QByteArray::AbortOnBase64DecodingErrors);
    return r ? r.decoded : QByteArray();
}

// "k1=v1,k2=v2" with decimal values; nullopt when malformed or a value is missing.
std::optional<QHash<QByteArray, quint64>> parameters(const QByteArray &text, const QList<QByteArray> &names)
{
    QHash<QByteArray, quint64> out;
    for (const QByteArray &kv : text.split(',')) {
        const qsizetype eq = kv.indexOf('=');
        bool ok = false;
        const quint64 v = kv.mid(eq + 1).toULongLong(&ok);
        if (eq <= 0 || !ok || kv.size() - eq - 1 > 12)
            return std::nullopt;
        out.insert(kv.left(eq), v);
    }
    for (const QByteArray &n : names)
        if (!out.contains(n))
            return std::nullopt;
    return out;
}

// The 6-bit digits of crypt(3)'s base64 ("./0-9A-Za-z"), least significant first.
std::optional<quint64> itoa64(QByteArrayView digits)
{
    static constexpr char alphabet[] = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    quint64 value = 0;
    for (qsizetype i = 0; i < digits.size(); ++i) {
        const char *at = std::strchr(alphabet, digits[i]);
        if (!at || !*at)
            return std::nullopt;
        value |= quint64(at - alphabet) << (6 * i);
    }
    return value;
}

QString scryptRefusal(quint64 log2N, quint64 r, quint64 p)
{
    if (log2N < 1 || log2N > 40 || r < 1 || r > 1024 || p < 1)
        return QStringLiteral("malformed scrypt parameters");
    if ((128 * r) << log2N > MaxScryptBytes)
        return QStringLiteral("scrypt asks for %1 MiB, more than the 128 MiB allowed").arg(((128 * r) << log2N) >> 20);
    if (p > MaxScryptParallelism)
        return QStringLiteral("scrypt parallelism %1 is over the 4 allowed").arg(p);
    return {};
}

// Decoded parameters of every form verify() knows; `refusal` says why one cannot be verified.
struct Parsed {
    enum class Form { Unknown, Argon2, Crypt, Pbkdf2, Scrypt } form = Form::Unknown;
    QString refusal;
    // PBKDF2 and $scrypt$: the derivation and its inputs.
    const EVP_MD *md = nullptr;
    quint64 iterations = 0, log2N = 0, r = 0, p = 0;
    QByteArray salt, expected;
};

Parsed parse(const QByteArray &encoded)
{
    Parsed out;
    const QList<QByteArray> parts = encoded.split('$');
    const auto refuse = [&](Parsed::Form form, const QString &why) {
        out.form = form;
        out.refusal = why;
        return out;
    };
    if (encoded.startsWith("$argon2i$") || encoded.startsWith("$argon2d$") || encoded.startsWith("$argon2id$")) {
        // $argon2id$v=19$m=65536,t=2,p=1$salt$hash (the version part may be missing in old hashes)
        const qsizetype paramsAt = parts.size() == 6 ? 3 : 2;
        const auto params = parts.size() >= 5 ? parameters(parts[paramsAt], {"m", "t", "p"}) : std::nullopt;
        if (!params)
            return refuse(Parsed::Form::Argon2, QStringLiteral("malformed argon2 parameters"));
        if (params->value("m") > MaxArgon2MemoryKiB || params->value("t") > MaxArgon2Iterations ||
            params->value("p") > MaxArgon2Parallelism)
            return refuse(Parsed::Form::Argon2, QStringLiteral("argon2 m=%1 KiB, t=%2, p=%3 is over the 256 MiB, t 10, "
                                                               "p 8 allowed")
                                                    .arg(params->value("m"))
                                                    .arg(params->value("t"))
                                                    .arg(params->value("p")));
        if (decodeBase64(parts.last()).size() > MaxDerivedBytes)
            return refuse(Parsed::Form::Argon2, QStringLiteral("an argon2 hash longer than 64 bytes"));
        out.form = Parsed::Form::Argon2;
        return out;
    }
    if (encoded.startsWith("$2a$") || encoded.startsWith("$2b$") || encoded.startsWith("$2y$")) {
        bool ok = false;
        const int cost = parts.size() == 4 && parts[2].size() == 2 ? parts[2].toInt(&ok) : -1;
        if (!ok || cost < 4 || parts[3].size() != 53)
            return refuse(Parsed::Form::Crypt, QStringLiteral("malformed bcrypt hash"));
        if (cost > MaxBcryptCost)
            return refuse(Parsed::Form::Crypt, QStringLiteral("bcrypt cost %1 is over the 14 allowed").arg(cost));
        out.form = Parsed::Form::Crypt;
        return out;
    }
    if (encoded.startsWith("$7$")) {
        // $7$ N-digit r(5 digits) p(5 digits) salt $ hash
        const auto log2N = encoded.size() > 14 ? itoa64(QByteArrayView(encoded).sliced(3, 1)) : std::nullopt;
        const auto r = log2N ? itoa64(QByteArrayView(encoded).sliced(4, 5)) : std::nullopt;
        const auto p = r ? itoa64(QByteArrayView(encoded).sliced(9, 5)) : std::nullopt;
        if (!p)
            return refuse(Parsed::Form::Crypt, QStringLiteral("malformed scrypt hash"));
        out.form = Parsed::Form::Crypt;
        out.refusal = scryptRefusal(*log2N, *r, *p);
        return out;
    }
    if (encoded.startsWith("$pbkdf2-")) {
        // $pbkdf2-sha256$i=27500$salt$hash (or a bare iteration count); Ory Kratos, Zitadel and
        // Auth0 write the key length too: $pbkdf2-sha512$i=100000,l=64$salt$hash.
        out.form = Parsed::Form::Pbkdf2;
        if (parts.size() != 5)
            return refuse(out.form, QStringLiteral("malformed PBKDF2 hash"));
        out.md = parts[1] == "pbkdf2-sha256"   ? EVP_sha256()
                 : parts[1] == "pbkdf2-sha512" ? EVP_sha512()
                 : parts[1] == "pbkdf2-sha1"   ? EVP_sha1()
                                               : nullptr;
        bool ok = false;
        std::optional<quint64> keyLength;
        if (parts[2].contains(',')) {
            const auto settings = parameters(parts[2], {"i", "l"});
            ok = settings.has_value();
            out.iterations = ok ? settings->value("i") : 0;
            keyLength = ok ? std::optional(settings->value("l")) : std::nullopt;
        } else {
            out.iterations = (parts[2].startsWith("i=") ? parts[2].mid(2) : parts[2]).toULongLong(&ok);
        }
        out.salt = decodeBase64(parts[3]);
        out.expected = decodeBase64(parts[4]);
        if (!out.md || !ok || out.iterations < 1 || out.salt.isEmpty() || out.expected.isEmpty() ||
            out.salt.size() > 1024 || (keyLength && *keyLength != quint64(out.expected.size())))
            return refuse(out.form, QStringLiteral("malformed PBKDF2 hash"));
        if (out.iterations > MaxPbkdf2Iterations)
            return refuse(
                out.form,
                QStringLiteral("PBKDF2 with %1 iterations is over the 2,000,000 allowed").arg(out.iterations));
        if (out.expected.size() > MaxDerivedBytes)
            return refuse(out.form, QStringLiteral("a PBKDF2 key longer than 64 bytes"));
        return out;
    }
    if (encoded.startsWith("$scrypt$")) {
        // $scrypt$ln=15,r=8,p=1$salt$hash (the PHC form passlib writes)
        out.form = Parsed::Form::Scrypt;
        const auto params = parts.size() == 5 ? parameters(parts[2], {"ln", "r", "p"}) : std::nullopt;
        if (!params)
            return refuse(out.form, QStringLiteral("malformed scrypt hash"));
        out.log2N = params->value("ln");
        out.r = params->value("r");
        out.p = params->value("p");
        out.salt = decodeBase64(parts[3]);
        out.expected = decodeBase64(parts[4]);
        if (out.expected.isEmpty() || out.salt.size() > 1024)
            return refuse(out.form, QStringLiteral("malformed scrypt hash"));
        if (out.expected.size() > MaxDerivedBytes)
            return refuse(out.form, QStringLiteral("a scrypt key longer than 64 bytes"));
        out.refusal = scryptRefusal(out.log2N, out.r, out.p);
        return out;
    }
    return refuse(Parsed::Form::Unknown,
                  QStringLiteral("not a hash Keyward verifies (argon2, bcrypt, scrypt or PBKDF2)"));
}

bool verifyArgon2(const QByteArray &password, const QByteArray &encoded)
{
    argon2_type type = Argon2_id;
    if (encoded.startsWith("$argon2i$"))
        type = Argon2_i;
    else if (encoded.startsWith("$argon2d$"))
        type = Argon2_d;
    return argon2_verify(encoded.constData(), password.constData(), static_cast<size_t>(password.size()), type) ==
           ARGON2_OK;
}

bool verifyCrypt(const QByteArray &password, const QByteArray &encoded)
{
    auto data = std::make_unique<crypt_data>();
    const char *out = crypt_r(password.constData(), encoded.constData(), data.get());
    // crypt_r signals failure with a string starting with '*'; never a match.
    const bool ok = out && out[0] != '*' && constantTimeEquals(QByteArrayView(out), encoded);
    OPENSSL_cleanse(data.get(), sizeof(crypt_data));
    return ok;
}

bool verifyPbkdf2(const QByteArray &password, const Parsed &h)
{
    QByteArray derived(h.expected.size(), Qt::Uninitialized);
    if (PKCS5_PBKDF2_HMAC(password.constData(), static_cast<int>(password.size()),
                          reinterpret_cast<const unsigned char *>(h.salt.constData()), static_cast<int>(h.salt.size()),
                          static_cast<int>(h.iterations), h.md, static_cast<int>(derived.size()),
                          reinterpret_cast<unsigned char *>(derived.data())) != 1)
        return false;
    return constantTimeEquals(derived, h.expected);
}

bool verifyScrypt(const QByteArray &password, const Parsed &h)
{
    QByteArray derived(h.expected.size(), Qt::Uninitialized);
    if (EVP_PBE_scrypt(password.constData(), static_cast<size_t>(password.size()),
                       reinterpret_cast<const unsigned char *>(h.salt.constData()), static_cast<size_t>(h.salt.size()),
                       quint64(1) << h.log2N, h.r, h.p, 2 * MaxScryptBytes,
                       reinterpret_cast<unsigned char *>(derived.data()), static_cast<size_t>(derived.size())) != 1)
        return false;
    return constantTimeEquals(derived, h.expected);
}

} // namespace

PasswordHasher::PasswordHasher(Argon2Params params)
    : m_params(params)
{
    m_dummyHash = hash(randomToken(24));
}

QString PasswordHasher::hash(const QString &password) const
{
    QByteArray pwd = normalised(password);
    const QByteArray salt = randomBytes(SaltBytes);
    const size_t len = argon2_encodedlen(m_params.iterations, m_params.memoryKiB, m_params.parallelism, SaltBytes,
                                         HashBytes, Argon2_id);
    QByteArray encoded(static_cast<qsizetype>(len), Qt::Uninitialized);
    const int rc = argon2id_hash_encoded(m_params.iterations, m_params.memoryKiB, m_params.parallelism, pwd.constData(),
                                         static_cast<size_t>(pwd.size()), salt.constData(), SaltBytes, HashBytes,
                                         encoded.data(), len);
    wipe(pwd);
    if (rc != ARGON2_OK)
        qFatal("argon2id failed: %s", argon2_error_message(rc));
    return QString::fromLatin1(encoded.constData());
}

bool PasswordHasher::verify(const QString &password, const QString &encodedText) const
{
    const QByteArray encoded = encodedText.toLatin1();
    const Parsed parsed = parse(encoded);
    if (!parsed.refusal.isEmpty()) {
        // Never the hash itself in the log: its parameters are enough to find it.
        qCWarning(lcCrypto).noquote() << "a stored password hash was not verified:" << parsed.refusal;
        return false;
    }
    QByteArray pwd = normalised(password);
    QByteArray raw = password.toUtf8();
    bool ok = false;
    switch (parsed.form) {
    case Parsed::Form::Argon2:
        // Hashes imported from systems that did not normalise were made from the raw bytes.
        ok = verifyArgon2(pwd, encoded) || (pwd != raw && verifyArgon2(raw, encoded));
        break;
    case Parsed::Form::Crypt:
        ok = verifyCrypt(raw, encoded);
        break;
    case Parsed::Form::Pbkdf2:
        ok = verifyPbkdf2(raw, parsed);
        break;
    case Parsed::Form::Scrypt:
        ok = verifyScrypt(raw, parsed);
        break;
    case Parsed::Form::Unknown:
        break;
    }
    wipe(raw);
    wipe(pwd);
    return ok;
}

bool PasswordHasher::needsRehash(const QString &encoded) const
{
    const QString current = QStringLiteral("$argon2id$v=19$m=%1,t=%2,p=%3$")
                                .arg(m_params.memoryKiB)
                                .arg(m_params.iterations)
                                .arg(m_params.parallelism);
    return !encoded.startsWith(current);
}

void PasswordHasher::verifyNothing(const QString &password) const
{
    (void)verify(password, m_dummyHash);
}

QString PasswordHasher::refusalOf(const QString &encoded)
{
    return parse(encoded.toLatin1()).refusal;
}

QString PasswordHasher::encodePbkdf2(const QString &digest, int iterations, const QByteArray &salt,
                                     const QByteArray &key)
{
    return QStringLiteral("$pbkdf2-%1$i=%2$%3$%4")
        .arg(digest)
        .arg(iterations)
        .arg(QString::fromLatin1(salt.toBase64(QByteArray::OmitTrailingEquals)),
             QString::fromLatin1(key.toBase64(QByteArray::OmitTrailingEquals)));
}

} // namespace keyward::crypto
