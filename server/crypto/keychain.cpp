#include "keychain.h"

#include <QEventLoop>

#include <qt6keychain/keychain.h>

namespace keyward::crypto {

namespace {
template <typename Job>
void runJob(Job &job)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
}
} // namespace

Keychain::Outcome Keychain::read(const QString &service, const QString &key, QByteArray *data, QString *error)
{
    QKeychain::ReadPasswordJob job(service);
    job.setKey(key);
    runJob(job);
    if (job.error() == QKeychain::NoError) {
        *data = job.binaryData();
        return Outcome::Found;
    }
    if (job.error() == QKeychain::EntryNotFound)
        return Outcome::NotFound;
    *error = job.errorString();
    return Outcome::Unavailable;
}

bool Keychain::write(const QString &service, const QString &key, const QByteArray &data, QString *error)
{
    QKeychain::WritePasswordJob job(service);
    job.setKey(key);
    job.setBinaryData(data);
    runJob(job);
    if (job.error() != QKeychain::NoError) {
        *error = job.errorString();
        return false;
    }
    return true;
}

} // namespace keyward::crypto
