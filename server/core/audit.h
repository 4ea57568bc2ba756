#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace keyward {

// One event of the tamper-evident audit trail, and how it is searched and verified.
struct AuditEvent {
    qint64 seq = 0;
    QString id;
    qint64 time = 0;
    QString actorType;
    QString actorId;
    QString action;
    QString targetType;
    QString targetId;
    QString outcome;
    QString ip;
    QString userAgent;
    QString requestId;
    QString details; // compact JSON text, hashed exactly as stored

    // The bytes the chain hash covers: every field but the hashes, in a fixed order.
    QByteArray canonical() const;
};

struct AuditFilter {
    QString actor; // actor id, or type:id
    QString action;
    QString target; // target id, or type:id
    QString outcome;
    qint64 since = 0; // epoch ms, inclusive
    qint64 until = 0; // epoch ms, exclusive; 0 = open
    int limit = 50;
    qint64 beforeSeq = 0;   // keyset cursor: events older than this; 0 = newest first
    qint64 afterSeq = 0;    // or: the page of events just newer than this (paging back up)
    bool countTotal = true; // false: total is -1, for the pages after the first
};

struct AuditPage {
    QList<AuditEvent> items;
    qint64 nextBeforeSeq = 0; // older events follow: pass as beforeSeq; 0: last page
    qint64 prevAfterSeq = 0;  // newer events precede: pass as afterSeq; 0: first page
    qint64 total = 0;
};

struct ChainReport {
    bool ok = true;
    qint64 checked = 0;
    qint64 firstBadSeq = 0; // 0 when ok
    bool truncated = false; // events at the end are gone: first_bad_seq is the first missing one
    qint64 lastSeqSeen = 0; // when truncated: the last sequence number known to have been written (0: unknown)
};

// Every action the services record, for those who choose among them (webhook subscriptions).
const QStringList &auditActions();

// A point the chain is known to have reached: an event's sequence number and hash.
struct ChainMark {
    qint64 seq = 0;
    QByteArray hash;
};

} // namespace keyward
