// A request body as the API reads it: the depth-limited JSON parser, then the strict field readers
// of the largest requests (a user, a user patch, an API key) and of every type.
#include "http/json_body.h"
#include "http/routes/route_helpers.h"
#include "services/user_json.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto body =
        keyward::parseJsonBody(QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size)));
    if (!body || !body->isObject())
        return 0;
    keyward::FieldReader user(body->object());
    (void)keyward::readCreateUserRequest(user, true);
    keyward::FieldReader patch(body->object());
    (void)keyward::readUserPatch(patch, true);
    keyward::FieldReader key(body->object());
    (void)keyward::routes::readApiKeyRequest(key);
    // Every member as each type a reader may ask for (settings and limits are integers).
    for (const QString &name : body->object().keys()) {
        keyward::FieldReader any(body->object());
        (void)any.integer(name);
        (void)any.boolean(name);
        (void)any.stringList(name);
        (void)any.stringMap(name);
    }
    return 0;
}
