#include "logging.h"

Q_LOGGING_CATEGORY(lcCore, "keyward.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCrypto, "keyward.crypto", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "keyward.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServices, "keyward.services", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHttp, "keyward.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAccess, "keyward.access", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAudit, "keyward.audit", QtInfoMsg)
