#include "service_thread.h"

#include "services/services.h"

namespace keyward {

ServiceThread::ServiceThread(QObject *parent)
    : QObject(parent)
    , m_context(new QObject)
{
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    // Runs on the thread itself, as its last work.
    connect(
        &m_thread, &QThread::finished, &m_thread, [] { Services::releaseThread(); }, Qt::DirectConnection);
    m_thread.setObjectName(QStringLiteral("console services"));
    m_thread.start();
}

ServiceThread::~ServiceThread()
{
    m_thread.quit();
    m_thread.wait();
}

} // namespace keyward
